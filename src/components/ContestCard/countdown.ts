import { registrationStatus, type RegistrationStatus } from '@core/contest/types';

type Window = { opensAt: string; closesAt: string; status: RegistrationStatus };

/** Open, upcoming or closed at `now` (server ms); without a server time, the status the server sent. */
export function liveStatus(window: Window, now: number | null): RegistrationStatus {
  return now === null ? window.status : registrationStatus(window, new Date(now));
}

/** `3 天 04:05:06`; never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days} 天 ${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/**
 * 距报名截止 … / 距报名开始 …, or null when closed or no server time is known. The window closes at the
 * end of the `closesAt` second (see registrationStatus), so that is where the countdown reaches zero.
 */
export function countdownText(window: Window, now: number | null): string | null {
  if (now === null) return null;
  const status = liveStatus(window, now);
  if (status === 'upcoming') return `距报名开始 ${formatRemaining(Date.parse(window.opensAt) - now)}`;
  if (status === 'open') return `距报名截止 ${formatRemaining(Date.parse(window.closesAt) + 1000 - now)}`;
  return null;
}
