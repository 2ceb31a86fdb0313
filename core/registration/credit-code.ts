import { toHalfWidth } from '../text/half-width';

/**
 * 统一社会信用代码 (unified social credit code) of an enterprise, per GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》: 18 characters from a 31-character code set; the 18th is
 * the check character C18 = 31 − MOD(Σ Ci·Wi, 31) over the first 17, with Wi = MOD(3^(i−1), 31) and 31 → 0.
 * The standard's own worked example is 91350100M000100Y4Z, whose check character should be 3
 * (so 91350100M000100Y43 is valid).
 *
 * Only the code set, the length and the check character are enforced. The standard also fixes the
 * structure (position 1 登记管理部门, 2 机构类别, 3–8 行政区划 digits, 9–17 the GB 11714 organization
 * code with its own mod-11 check), but registration offices have issued codes outside the published
 * tables, and refusing a real company at sign-up costs more than a typo the check character catches anyway.
 */

/** The code set; a character's value is its index. No I, O, S, V, Z: they read like 1, 0, 5, U, 2. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** What people type → what the code is: half-width, no spaces, upper case. */
export function normalizeCreditCode(s: string): string {
  if (typeof s !== 'string') return '';
  return toHalfWidth(s).replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters (normalised first). Throws RangeError if they are not 17 code-set characters. */
export function creditCodeCheckChar(first17: string): string {
  const body = normalizeCreditCode(first17);
  if (body.length !== 17) throw new RangeError(`统一社会信用代码前17位应为17个字符：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(body.charAt(i));
    if (value < 0) throw new RangeError(`统一社会信用代码含有无效字符：${first17}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Why the input is not a valid code, in Chinese for the form; null when it is valid (after normalisation). */
export function creditCodeProblem(s: string): string | null {
  const code = normalizeCreditCode(s);
  if (code === '') return '请填写统一社会信用代码';
  if (code.length !== 18) return '统一社会信用代码应为18位';
  if (/[IOSVZ]/.test(code)) return '统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）';
  if (!/^[0-9A-Z]{18}$/.test(code)) return '统一社会信用代码只能包含数字和大写字母';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) return '统一社会信用代码校验位不正确，请核对';
  return null;
}

export function isValidCreditCode(s: string): boolean {
  return creditCodeProblem(s) === null;
}
