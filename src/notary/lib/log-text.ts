/** The notary's words for what the log holds. */
import type { LiveEventType } from '@core/live/chain';
import { formatShanghai } from '@core/time/shanghai';

export const eventTypeLabels: Record<LiveEventType, string> = {
  setup: '设置',
  order: '出场顺序',
  control: '现场操作',
  score: '评分',
  reveal: '亮分',
  confirm: '公证确认',
};

export const orderMethodLabels = { draw: '现场抽签', manual: '手动排序' } as const;

/** Beijing time, to the second: what the notary compares with the hall's clock. */
export function beijing(at: string): string {
  return formatShanghai(at, 'YYYY-MM-DD HH:mm:ss');
}

/** The time of day only, for the rows of one day's log. */
export function beijingTime(at: string): string {
  return formatShanghai(at, 'HH:mm:ss');
}

/** The first and last digits of a long value (a signature), enough to tell two apart. */
export function ellipsis(value: string, head = 12, tail = 6): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}
