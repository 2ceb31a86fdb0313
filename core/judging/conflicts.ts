import { toHalfWidth } from '../text/half-width';
import type { ConflictDeclaration } from './types';

/**
 * 回避: a judge declares the organizations they are tied to (names, 统一社会信用代码) and is never given
 * their entries. Names match loosely on purpose (a declared "华为" covers "华为技术有限公司"): a missed
 * conflict is a tainted score, an extra one only costs another judge.
 */

/** Half-width, no whitespace anywhere, ASCII lower case: "ＡＢＣ 科技" and "abc科技" are the same name. */
export function normalizeOrgName(name: string): string {
  if (typeof name !== 'string') return '';
  return toHalfWidth(name)
    .replace(/\s+/g, '')
    .replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** Half-width, no whitespace, upper case: how a credit code compares. */
export function normalizeCreditCode(code: string): string {
  if (typeof code !== 'string') return '';
  return toHalfWidth(code).replace(/\s+/g, '').toUpperCase();
}

/** A declared name shorter than this would match half the entries ("科"), so it is ignored. */
export const MIN_DECLARED_NAME_LENGTH = 2;

/** Normalized declared names worth matching: at least two characters (code points, so one rare CJK character is one). */
export function declaredNames(conflicts: ConflictDeclaration): string[] {
  const out: string[] = [];
  for (const name of conflicts.names) {
    const n = normalizeOrgName(name);
    if (Array.from(n).length >= MIN_DECLARED_NAME_LENGTH && !out.includes(n)) out.push(n);
  }
  return out;
}

/** Normalized declared credit codes, empty ones dropped. */
export function declaredCreditCodes(conflicts: ConflictDeclaration): string[] {
  const out: string[] = [];
  for (const code of conflicts.creditCodes) {
    const c = normalizeCreditCode(code);
    if (c !== '' && !out.includes(c)) out.push(c);
  }
  return out;
}

/**
 * Whether the judge must not see the entry: a declared credit code equal to the entry's, or a declared name
 * (normalized, ≥ 2 characters) equal to or contained in the entry's normalized organization name.
 */
export function hasConflict(
  conflicts: ConflictDeclaration,
  entry: { orgName: string; creditCode: string | null },
): boolean {
  if (entry.creditCode !== null) {
    const code = normalizeCreditCode(entry.creditCode);
    if (code !== '' && declaredCreditCodes(conflicts).includes(code)) return true;
  }
  const org = normalizeOrgName(entry.orgName);
  return declaredNames(conflicts).some((name) => org.includes(name));
}

/**
 * For each judge, the indexes of the entries they conflict with: exactly `hasConflict` for every pair, with
 * each name normalized once and declared names looked up through a bigram index of the entries' names
 * instead of scanning every entry (10,000 entries × 300 judges is 3 million pairs).
 */
export function conflictIndex(
  judges: ReadonlyArray<{ conflicts: ConflictDeclaration }>,
  entries: ReadonlyArray<{ orgName: string; creditCode: string | null }>,
): Array<Set<number>> {
  const names = entries.map((e) => normalizeOrgName(e.orgName));
  const byCode = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.creditCode === null) return;
    const code = normalizeCreditCode(e.creditCode);
    if (code === '') return;
    const list = byCode.get(code);
    if (list) list.push(i);
    else byCode.set(code, [i]);
  });
  // Code-unit bigrams: a substring's bigrams are all bigrams of the string containing it.
  const byBigram = new Map<string, number[]>();
  names.forEach((name, i) => {
    const seen = new Set<string>();
    for (let p = 0; p + 2 <= name.length; p++) {
      const bigram = name.slice(p, p + 2);
      if (seen.has(bigram)) continue;
      seen.add(bigram);
      const list = byBigram.get(bigram);
      if (list) list.push(i);
      else byBigram.set(bigram, [i]);
    }
  });
  const matchesOf = new Map<string, number[]>();
  const matching = (declared: string): number[] => {
    const cached = matchesOf.get(declared);
    if (cached) return cached;
    // The rarest bigram of the declared name bounds the candidates; `includes` confirms each one.
    let candidates: number[] | null = null;
    for (let p = 0; p + 2 <= declared.length; p++) {
      const list = byBigram.get(declared.slice(p, p + 2)) ?? [];
      if (candidates === null || list.length < candidates.length) candidates = list;
      if (list.length === 0) break;
    }
    const found = (candidates ?? []).filter((i) => (names[i] ?? '').includes(declared));
    matchesOf.set(declared, found);
    return found;
  };
  return judges.map((j) => {
    const set = new Set<number>();
    for (const code of declaredCreditCodes(j.conflicts)) for (const i of byCode.get(code) ?? []) set.add(i);
    for (const name of declaredNames(j.conflicts)) for (const i of matching(name)) set.add(i);
    return set;
  });
}
