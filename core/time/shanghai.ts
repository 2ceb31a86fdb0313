import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Asia/Shanghai has been UTC+8 without daylight saving since 1991; a fixed offset works on every JS engine. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** An instant seen on a Shanghai wall clock, whatever the machine's time zone. */
export function inShanghai(instant: Date | string | number): Dayjs {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** `2024-08-31` + `23:59:59` Shanghai time → the instant, as an ISO string in UTC. */
export function shanghaiToIso(date: string, time = '00:00:00'): string {
  const parsed = dayjs(`${date}T${time}+08:00`);
  if (!parsed.isValid()) throw new RangeError(`不是有效的日期时间：${date} ${time}`);
  return parsed.toISOString();
}

/** `2024年8月31日 23:59` for people. */
export function formatShanghai(instant: Date | string | number, pattern = 'YYYY年M月D日 HH:mm'): string {
  return inShanghai(instant).format(pattern);
}

/** The Shanghai calendar day of an instant: `2024-08-31`. */
export function shanghaiDay(instant: Date | string | number): string {
  return inShanghai(instant).format('YYYY-MM-DD');
}

/** The next midnight in Shanghai after an instant (WeChat's daily quotas restart then). */
export function nextShanghaiMidnight(instant: Date | string | number): Date {
  return inShanghai(instant).startOf('day').add(1, 'day').toDate();
}
