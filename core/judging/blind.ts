/**
 * 匿名评审: what a judge reads under blind review has the company's and people's names taken out. The
 * structured fields are simply left out; free text (简介, 亮点, 团队情况) is redacted here, since entrants
 * often name themselves in it. A best effort: the business plan's own pages are the entrant's to keep anonymous.
 */
export const REDACTED = '（已隐去）';

const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|集团|公司)$/;
const REGION_PREFIX = /^(?:中国)?(?:[\u4e00-\u9fa5]{2,3}(?:省|市|自治区|特别行政区)|北京|上海|天津|重庆)/;

/** The company name, its name without the legal form, and without the region in front (at least 4 characters). */
export function companyNameForms(name: string): string[] {
  const full = name.trim();
  const stem = full.replace(LEGAL_SUFFIX, '');
  const bare = stem.replace(REGION_PREFIX, '');
  return [...new Set([full, stem, bare].filter((n) => Array.from(n).length >= 4))];
}

/** Replaces every occurrence of the names (longest first, so a stem never splits a full name). */
export function redactNames(text: string, names: readonly string[]): string {
  const list = [...new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const name of list) out = out.split(name).join(REDACTED);
  return out;
}
