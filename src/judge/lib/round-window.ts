import { roundWindow, roundWindowLabels, type RoundWindow } from '@core/judging/round-window';
import type { JudgeRoundView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';

/** Where the round's window stands by the server's clock (the server's own label until a time is known). */
export function windowOf(round: JudgeRoundView, now: number | null): RoundWindow {
  return now === null ? round.window : roundWindow(round, new Date(now));
}

/** 评分中 · 截止时间 北京时间 2024年8月31日 23:59 */
export function windowText(round: JudgeRoundView, window: RoundWindow): string {
  const label = roundWindowLabels[window];
  if (window === 'upcoming') return `${label} · 北京时间 ${formatShanghai(round.opensAt)} 开始`;
  if (window === 'open') return `${label} · 北京时间 ${formatShanghai(round.closesAt)} 截止`;
  return `${label} · 截止于北京时间 ${formatShanghai(round.closesAt)}`;
}
