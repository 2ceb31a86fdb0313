/** Where a round's scoring window stands at an instant (Asia/Shanghai is only how people read it). */
export type RoundWindow = 'upcoming' | 'open' | 'closed';

export const roundWindowLabels: Record<RoundWindow, string> = {
  upcoming: '未开始',
  open: '评分中',
  closed: '已截止',
};

/** Open from `opensAt` through the whole closing second, like the registration window. */
export function roundWindow(window: { opensAt: string; closesAt: string }, now: Date): RoundWindow {
  const t = now.getTime();
  if (t < Date.parse(window.opensAt)) return 'upcoming';
  if (t >= Date.parse(window.closesAt) + 1000) return 'closed';
  return 'open';
}
