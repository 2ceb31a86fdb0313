/**
 * The server's clock as seen from the phone: the last server `now` (contest.list, contest.get) plus
 * the time elapsed locally since it arrived. Countdowns and "is it open yet" read this instead of the
 * phone's own date, which people set wrong more often than one would think.
 */

let anchor: { server: number; local: number } | null = null;

/** A clock that only moves forward where the platform has one; the phone's date can be changed mid-session. */
function localTicks(): number {
  const perf = (globalThis as { performance?: { now?: () => number } }).performance;
  return typeof perf?.now === 'function' ? perf.now() : Date.now();
}

/** Records a server timestamp (ISO). Unreadable values are ignored, so a bad answer never moves the clock. */
export function syncServerClock(serverNowIso: string | undefined | null): void {
  if (typeof serverNowIso !== 'string') return;
  const server = Date.parse(serverNowIso);
  if (Number.isNaN(server)) return;
  anchor = { server, local: localTicks() };
}

/** Whether a server time has been seen; without one, callers should trust the server's own status fields. */
export function hasServerTime(): boolean {
  return anchor !== null;
}

/** Milliseconds since the epoch by the server's clock (the phone's clock only until a server time arrives). */
export function serverNow(): number {
  if (anchor === null) return Date.now();
  return anchor.server + (localTicks() - anchor.local);
}

/** For tests: forget the anchor. */
export function resetServerClock(): void {
  anchor = null;
}
