import { toHalfWidth } from '../text/half-width';

/**
 * 居民身份证号码 (resident ID number), per GB 11643-1999 《公民身份号码》: 6-digit address code,
 * 8-digit birth date YYYYMMDD, 3-digit sequence, and a check character from ISO 7064 MOD 11-2:
 * Σ ai·Wi over the first 17 digits with Wi = 2^(18−i) mod 11 (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, …),
 * remainder r → `10X98765432`[r]. The standard's examples: 11010519491231002X, 440524188001010014.
 *
 * Only 18-character numbers are accepted: 15-digit first-generation cards stopped being valid in 2013.
 * The address code is not checked against GB/T 2260: codes of abolished counties stay on valid cards.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
/** Nobody entering a contest was born before this, and dates before it are almost certainly typos. */
const EARLIEST_BIRTH = '19000101';

/** What people type → the number: half-width, no spaces, `x` → `X`. */
export function normalizeIdNumber(s: string): string {
  if (typeof s !== 'string') return '';
  return toHalfWidth(s).replace(/\s+/g, '').toUpperCase();
}

/** The check character (0–9 or X) for the first 17 digits. Throws RangeError if they are not 17 digits. */
export function idNumberCheckChar(first17: string): string {
  const body = normalizeIdNumber(first17);
  if (!/^\d{17}$/.test(body)) throw new RangeError(`身份证号码前17位应为17位数字：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `YYYYMMDD` that names a day of the proleptic Gregorian calendar; computed, so no Date and no time zone. */
function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const monthDays = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (monthDays[month - 1] ?? 0);
}

/** `2024-08-31` → `20240831`; a malformed `today` is the caller's bug, so it throws. */
function compactDay(today: string): string {
  const compact = typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today.replace(/-/g, '') : '';
  if (!isCalendarDate(compact)) throw new RangeError(`today 应为 YYYY-MM-DD 格式的日期：${String(today)}`);
  return compact;
}

/**
 * The birth date written in the number, as `YYYY-MM-DD`, or null when the input is not 18 characters
 * of the right shape or positions 7–14 are not a calendar date. The check character is not verified here.
 */
export function birthDateOf(s: string): string | null {
  const id = normalizeIdNumber(s);
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const birth = id.slice(6, 14);
  if (!isCalendarDate(birth)) return null;
  return `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
}

/**
 * Why the input is not a valid ID number, in Chinese for the form; null when valid.
 * `today` is the Shanghai calendar day (`YYYY-MM-DD`) the caller decides with; a birth date after it is refused.
 */
export function idNumberProblem(s: string, today: string): string | null {
  const todayCompact = compactDay(today);
  const id = normalizeIdNumber(s);
  if (id === '') return '请填写身份证号码';
  if (id.length !== 18) return '身份证号码应为18位';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码格式不正确（前17位为数字，最后一位为数字或X）';
  const birth = id.slice(6, 14);
  if (!isCalendarDate(birth) || birth < EARLIEST_BIRTH || birth > todayCompact) return '身份证号码中的出生日期无效';
  if (idNumberCheckChar(id.slice(0, 17)) !== id.charAt(17)) return '身份证号码校验位不正确，请核对';
  return null;
}

export function isValidIdNumber(s: string, today: string): boolean {
  return idNumberProblem(s, today) === null;
}
