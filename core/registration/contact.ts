import { toHalfWidth } from '../text/half-width';

/** Contact fields of a registration: a mainland mobile number (for SMS and calls) and an e-mail address. */

/**
 * What people type → 11 digits where possible: half-width, separators (spaces, `-`, brackets) dropped,
 * a `+86` / `0086` / `86` country prefix dropped when 11 digits remain. Anything else is returned
 * cleaned but otherwise as typed, for `mobileProblem` to explain.
 */
export function normalizeMobile(s: string): string {
  if (typeof s !== 'string') return '';
  const cleaned = toHalfWidth(s).replace(/[\s\-()]/g, '');
  const national = /^(?:\+86|0086|86)(\d{11})$/.exec(cleaned);
  return national?.[1] ?? cleaned;
}

/** Why the input is not a mainland mobile number, in Chinese; null when it is one. */
export function mobileProblem(s: string): string | null {
  const mobile = normalizeMobile(s);
  if (mobile === '') return '请填写手机号码';
  if (!/^\d+$/.test(mobile)) return '手机号码只能包含数字';
  if (mobile.length !== 11) return '手机号码应为11位';
  // Mainland mobile numbers all start 13–19 (the 14x and 16x/19x ranges included); 10x–12x are service numbers.
  if (!/^1[3-9]\d{9}$/.test(mobile)) return '手机号码格式不正确，请填写中国大陆手机号码';
  return null;
}

/** Trimmed and half-width (a full-width `＠` is common with a Chinese IME); the domain is lower-cased, the local part kept. */
export function normalizeEmail(s: string): string {
  if (typeof s !== 'string') return '';
  const email = toHalfWidth(s).trim();
  const at = email.lastIndexOf('@');
  return at < 0 ? email : email.slice(0, at) + email.slice(at).toLowerCase();
}

/**
 * Why the input is not a usable e-mail address, in Chinese; null when it is one. Deliberately the common
 * subset of RFC 5321 that mail providers accept (no quoted local parts, no IP-literal domains; an internationalised domain must be typed in its xn-- form).
 */
export function emailProblem(s: string): string | null {
  const email = normalizeEmail(s);
  if (email === '') return '请填写电子邮箱';
  if (email.length > 254) return '电子邮箱过长';
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const localOk = at > 0 && local.length <= 64 && /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*$/.test(local);
  const domainOk = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(domain);
  return localOk && domainOk ? null : '电子邮箱格式不正确';
}
