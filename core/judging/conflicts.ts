import { toHalfWidth } from '../text/half-width';
import type { ConflictDeclaration, EntryForAssignment, JudgeProfileForAssignment } from './types';

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
 * The company or maker an entry names, as the one-entry-per-edition rule keys it: `credit:<统一社会信用代码>`
 * or `maker:<ID hash>`; null while the form does not say yet.
 */
export function entrantIdentity(form: {
  group: string;
  creditCode?: string | null;
  idHash?: string | null;
}): string | null {
  if (form.group === 'enterprise' && typeof form.creditCode === 'string') {
    const code = normalizeCreditCode(form.creditCode);
    return code === '' ? null : `credit:${code}`;
  }
  if (form.group === 'maker' && typeof form.idHash === 'string' && form.idHash !== '') {
    return `maker:${form.idHash.toLowerCase()}`;
  }
  return null;
}

type JudgeSide = Pick<JudgeProfileForAssignment, 'conflicts'> &
  Partial<Pick<JudgeProfileForAssignment, 'id' | 'identities'>>;
type EntrySide = Pick<EntryForAssignment, 'orgName' | 'creditCode'> &
  Partial<Pick<EntryForAssignment, 'ownerId' | 'identity'>>;

/**
 * Whether the judge must not see or score the entry: their own account submitted it, it names a company or
 * maker one of their own entries names, or they declared a conflict with it (`hasConflict`).
 */
export function judgeConflicts(judge: JudgeSide, entry: EntrySide): boolean {
  if (ownsEntry(judge, entry)) return true;
  return hasConflict(judge.conflicts, entry);
}

function ownsEntry(judge: JudgeSide, entry: EntrySide): boolean {
  if (judge.id !== undefined && entry.ownerId != null && entry.ownerId === judge.id) return true;
  return entry.identity != null && (judge.identities ?? []).includes(entry.identity);
}

/**
 * For each judge, the indexes of the entries they conflict with: exactly `judgeConflicts` for every pair, with
 * each name normalized once and declared names looked up through a bigram index of the entries' names
 * instead of scanning every entry (10,000 entries × 300 judges is 3 million pairs).
 */
export function conflictIndex(judges: ReadonlyArray<JudgeSide>, entries: ReadonlyArray<EntrySide>): Array<Set<number>> {
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
  const byOwner = new Map<string, number[]>();
  const byIdentity = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  entries.forEach((e, i) => {
    if (e.ownerId != null) push(byOwner, e.ownerId, i);
    if (e.identity != null) push(byIdentity, e.identity, i);
  });
  return judges.map((j) => {
    const set = new Set<number>();
    if (j.id !== undefined) for (const i of byOwner.get(j.id) ?? []) set.add(i);
    for (const identity of j.identities ?? []) for (const i of byIdentity.get(identity) ?? []) set.add(i);
    for (const code of declaredCreditCodes(j.conflicts)) for (const i of byCode.get(code) ?? []) set.add(i);
    for (const name of declaredNames(j.conflicts)) for (const i of matching(name)) set.add(i);
    return set;
  });
}
