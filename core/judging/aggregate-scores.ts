import { fraction } from './points';
import type { Aggregation, Fraction } from './types';

/**
 * One entry's judges' totals (integer units) → one aggregate. Exact fractions, so two entries compare
 * equal only when they really are equal, and a tie is something the organizer sees, not a float artefact.
 */

function sum(units: readonly number[]): number {
  let total = 0;
  for (const u of units) {
    if (!Number.isSafeInteger(u)) throw new RangeError(`分数应为整数个单位：${u}`);
    total += u;
  }
  return total;
}

/** Arithmetic mean; null without scores. */
export function mean(units: readonly number[]): Fraction | null {
  return units.length === 0 ? null : fraction(sum(units), units.length);
}

/**
 * Mean without one highest and one lowest score when there are at least 5 scores (with fewer, dropping two
 * would leave too little to stand on), otherwise the plain mean.
 */
export function trimmedMean(units: readonly number[]): Fraction | null {
  if (units.length < 5) return mean(units);
  let lo = Infinity;
  let hi = -Infinity;
  for (const u of units) {
    if (u < lo) lo = u;
    if (u > hi) hi = u;
  }
  return fraction(sum(units) - lo - hi, units.length - 2);
}

/** Middle score, or the mean of the two middle ones; null without scores. */
export function median(units: readonly number[]): Fraction | null {
  if (units.length === 0) return null;
  sum(units); // validates
  const sorted = Float64Array.from(units).sort();
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? fraction(upper) : fraction((sorted[mid - 1] ?? 0) + upper, 2);
}

/** The key `normalizedTotals` files a score under. */
export function scoreKey(entryId: string, judgeId: string): string {
  return `${entryId}\u0000${judgeId}`;
}

/** n·Σx² − (Σx)², exactly (it is n² × the population variance): the sums fit a double, the products may not. */
function spreadNumerator(n: number, total: number, squares: number): number {
  return Number(BigInt(n) * BigInt(squares) - BigInt(total) * BigInt(total));
}

/** Normalized totals are kept to 1/1000 unit: enough to order, few enough digits to store and show. */
export const NORMALIZED_DENOMINATOR = 1000;

/**
 * Per-judge standardization: each total becomes M + z·S, z the total's z-score among its judge's totals,
 * M and S the mean and population standard deviation of all the round's totals. A lenient judge and a
 * strict one then weigh alike, and the result still reads as points. A judge with fewer than 3 scores, or
 * who gave every entry the same total, has no meaningful spread and keeps raw totals; so does everyone
 * when all totals are equal (S = 0). Keyed by `scoreKey(entryId, judgeId)`; one score per pair expected
 * (a repeated pair keeps the later one). Rounded to 1/1000 unit.
 */
export function normalizedTotals(
  scores: ReadonlyArray<{ entryId: string; judgeId: string; units: number }>,
): Map<string, number> {
  const out = new Map<string, number>();
  if (scores.length === 0) return out;
  let total = 0;
  let squares = 0;
  const byJudge = new Map<string, { n: number; total: number; squares: number }>();
  for (const s of scores) {
    if (!Number.isSafeInteger(s.units)) throw new RangeError(`分数应为整数个单位：${s.units}`);
    total += s.units;
    squares += s.units * s.units;
    const j = byJudge.get(s.judgeId) ?? { n: 0, total: 0, squares: 0 };
    j.n += 1;
    j.total += s.units;
    j.squares += s.units * s.units;
    byJudge.set(s.judgeId, j);
  }
  const n = scores.length;
  const overallSpread = spreadNumerator(n, total, squares);
  const M = total / n;
  const S = Math.sqrt(overallSpread) / n;
  const round = (x: number) => Math.round(x * NORMALIZED_DENOMINATOR) / NORMALIZED_DENOMINATOR;
  for (const s of scores) {
    const j = byJudge.get(s.judgeId);
    const judgeSpread = j === undefined || j.n < 3 ? 0 : spreadNumerator(j.n, j.total, j.squares);
    if (overallSpread === 0 || judgeSpread === 0 || j === undefined) {
      out.set(scoreKey(s.entryId, s.judgeId), s.units);
      continue;
    }
    // z = (t − m)/σ = (n·t − Σ)/√(n·Σx² − Σ²): the numerator stays an exact integer.
    const z = (j.n * s.units - j.total) / Math.sqrt(judgeSpread);
    out.set(scoreKey(s.entryId, s.judgeId), round(M + z * S));
  }
  return out;
}

/**
 * The entry's aggregate by the round's method. `normalized` needs the entry's normalized totals (from
 * `normalizedTotals`), averaged exactly in thousandths of a unit.
 */
export function aggregateOf(
  method: Aggregation,
  units: readonly number[],
  normalized?: readonly number[],
): Fraction | null {
  switch (method) {
    case 'mean':
      return mean(units);
    case 'trimmed':
      return trimmedMean(units);
    case 'normalized': {
      if (normalized === undefined) throw new RangeError('按评委标准化汇总需要标准化后的分数');
      if (normalized.length === 0) return null;
      let thousandths = 0;
      for (const v of normalized) {
        if (!Number.isFinite(v)) throw new RangeError(`标准化分数不是有限的数：${v}`);
        thousandths += Math.round(v * NORMALIZED_DENOMINATOR);
      }
      return fraction(thousandths, NORMALIZED_DENOMINATOR * normalized.length);
    }
  }
}
