import { median } from './aggregate-scores';
import { fraction, subtractFractions } from './points';
import type { DiscrepancyFlags, DiscrepancyInput, Fraction } from './types';

/**
 * 评分异常提示: a score far from its entry's median, or a judge consistently above or below the others on
 * the same entries. Hints for the organizer to look at, never a correction: nothing here changes a score.
 */

/** |f| > limit units, exactly when the limit is an integer. */
function exceeds(f: Fraction, limit: number): boolean {
  return Math.abs(f.num) > limit * f.den;
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < BigInt(0)) a = -a;
  if (b < BigInt(0)) b = -b;
  while (b !== BigInt(0)) [a, b] = [b, a % b];
  return a;
}

/**
 * Σ (n·u − S) / (n − 1) over the judge's entries, divided by their number: exact in BigInt, since the
 * denominators (one per distinct panel size) multiply up. If the result still does not fit a safe-integer
 * fraction it is rounded to millionths of a unit, which no threshold can tell apart.
 */
function meanOfDiffs(terms: ReadonlyArray<{ num: number; den: number }>): Fraction {
  let num = BigInt(0);
  let den = BigInt(1);
  for (const t of terms) {
    const d = BigInt(t.den);
    num = num * d + BigInt(t.num) * den;
    den *= d;
    const g = gcdBig(num, den);
    if (g > BigInt(1)) {
      num /= g;
      den /= g;
    }
  }
  den *= BigInt(terms.length);
  const g = gcdBig(num, den) || BigInt(1);
  num /= g;
  den /= g;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (num <= max && -num <= max && den <= max) return fraction(Number(num), Number(den));
  return fraction(Math.round((Number(num) / Number(den)) * 1e6), 1e6);
}

/**
 * Flags: a score whose total is more than `scoreGapUnits` from its entry's median (entries with at least 3
 * scores: with two, each is as far from the median as the other), and a judge whose bias exceeds
 * `judgeBiasUnits` in either direction. Bias = the mean, over the judge's entries that have at least one
 * other score, of (the judge's total − the mean of the other scores on that entry). Exact and signed; one
 * score per (entry, judge) expected. Flags in input order, judges by their first score.
 */
export function findDiscrepancies(input: DiscrepancyInput): DiscrepancyFlags {
  const byEntry = new Map<string, number[]>();
  for (const s of input.scores) {
    if (!Number.isSafeInteger(s.units)) throw new RangeError(`分数应为整数个单位：${s.units}`);
    const list = byEntry.get(s.entryId);
    if (list) list.push(s.units);
    else byEntry.set(s.entryId, [s.units]);
  }
  const medians = new Map<string, Fraction>();
  const totals = new Map<string, { n: number; sum: number }>();
  for (const [entryId, units] of byEntry) {
    if (units.length >= 3) medians.set(entryId, median(units) as Fraction);
    totals.set(entryId, { n: units.length, sum: units.reduce((a, b) => a + b, 0) });
  }

  const scores: DiscrepancyFlags['scores'] = [];
  const diffs = new Map<string, Array<{ num: number; den: number }>>();
  for (const s of input.scores) {
    const med = medians.get(s.entryId);
    if (med !== undefined) {
      const gap = subtractFractions(fraction(s.units), med);
      if (exceeds(gap, input.scoreGapUnits))
        scores.push({ entryId: s.entryId, judgeId: s.judgeId, units: s.units, median: med, gap });
    }
    const t = totals.get(s.entryId);
    const list = diffs.get(s.judgeId) ?? [];
    diffs.set(s.judgeId, list);
    // u − (S − u)/(n − 1) = (n·u − S)/(n − 1)
    if (t !== undefined && t.n >= 2) list.push({ num: t.n * s.units - t.sum, den: t.n - 1 });
  }

  const judges: DiscrepancyFlags['judges'] = [];
  for (const [judgeId, terms] of diffs) {
    if (terms.length === 0) continue;
    const bias = meanOfDiffs(terms);
    if (exceeds(bias, input.judgeBiasUnits)) judges.push({ judgeId, bias, entries: terms.length });
  }
  return { scores, judges };
}
