import { shanghaiDay } from '../time/shanghai';

export interface Count {
  key: string;
  count: number;
}

/** Code-unit order: the same on every JS engine, unlike localeCompare. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many items per key, most first; equal counts by key, so the order never depends on input order. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts]
    .map(([k, count]) => ({ key: k, count }))
    .sort((x, y) => y.count - x.count || compareKeys(x.key, y.key));
}

/**
 * How many instants fall on each Asia/Shanghai calendar day (registrations per day as the organizers
 * live it: 00:30 Beijing time is the next day, whatever the server's zone), days ascending, only days
 * that have any. An unreadable instant is a bug in stored data, so it throws instead of vanishing.
 */
export function countByShanghaiDay(instants: readonly string[]): Array<{ day: string; count: number }> {
  const counts = new Map<string, number>();
  for (const instant of instants) {
    if (typeof instant !== 'string' || Number.isNaN(Date.parse(instant))) {
      throw new RangeError(`不是有效的时间：${String(instant)}`);
    }
    const day = shanghaiDay(instant);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].map(([day, count]) => ({ day, count })).sort((x, y) => compareKeys(x.day, y.day));
}
