import { aggregateOf } from '../judging/aggregate-scores';
import { compareFractions, formatPoints } from '../judging/points';
import { aggregationLabels, type Aggregation, type Fraction } from '../judging/types';

/**
 * 亮分: each judge's total, the highest and lowest marked when the round's rule drops them, and the final by
 * the same exact rule the ranking uses (`aggregateOf`), to 2 decimals. What the screen shows, the notary's
 * sheet prints and verify-log recomputes.
 */
export interface RevealInput {
  aggregation: Aggregation;
  /** In panel order; `units` is the judge's weighted total (integer units). */
  scores: ReadonlyArray<{ judge: string; label: string; units: number }>;
}

export interface RevealLine {
  judge: string;
  label: string;
  units: number;
  total: string;
  dropped: 'high' | 'low' | null;
}

export interface Reveal {
  aggregation: Aggregation;
  lines: RevealLine[];
  final: Fraction;
  /** "86.50" */
  finalText: string;
  /** How the final came about, in words (for the notary's sheet). */
  computation: string;
}

/** Whether the rule drops one highest and one lowest total for this many scores (the `trimmedMean` rule). */
export function dropsExtremes(aggregation: Aggregation, count: number): boolean {
  return aggregation === 'trimmed' && count >= 5;
}

export function computeReveal(input: RevealInput): Reveal {
  if (input.scores.length === 0) throw new RangeError('没有评分，不能亮分');
  if (input.aggregation === 'normalized') throw new RangeError('现场亮分不支持按评委标准化汇总');
  const units = input.scores.map((s) => s.units);
  const final = aggregateOf(input.aggregation, units);
  if (final === null) throw new RangeError('没有评分，不能亮分');
  let high = -1;
  let low = -1;
  if (dropsExtremes(input.aggregation, units.length)) {
    // The first of equal extremes is the one marked: which of two equal totals is dropped changes nothing.
    units.forEach((u, i) => {
      if (high === -1 || u > (units[high] ?? 0)) high = i;
    });
    units.forEach((u, i) => {
      if (i !== high && (low === -1 || u < (units[low] ?? 0))) low = i;
    });
  }
  const lines = input.scores.map((s, i) => ({
    judge: s.judge,
    label: s.label,
    units: s.units,
    total: formatPoints(s.units),
    dropped: i === high ? ('high' as const) : i === low ? ('low' as const) : null,
  }));
  const kept = lines.filter((l) => l.dropped === null).map((l) => l.total);
  const computation =
    high >= 0
      ? `去掉最高分 ${lines[high]?.total ?? ''} 和最低分 ${lines[low]?.total ?? ''}，其余 ${kept.length} 个评分（${kept.join('、')}）的平均分`
      : `${lines.length} 个评分（${lines.map((l) => l.total).join('、')}）的平均分`;
  return {
    aggregation: input.aggregation,
    lines,
    final,
    finalText: formatPoints(final),
    computation: `${computation}：${formatPoints(final)}（${aggregationLabels[input.aggregation]}）`,
  };
}

/** The running leaderboard: revealed contestants by final, equal finals sharing a rank (1, 2, 2, 4). */
export function leaderboard<T extends { final: Fraction; position: number }>(
  rows: readonly T[],
): Array<T & { rank: number }> {
  const ordered = rows.slice().sort((a, b) => compareFractions(b.final, a.final) || a.position - b.position);
  let rank = 0;
  return ordered.map((row, i) => {
    const prev = ordered[i - 1];
    if (prev === undefined || compareFractions(prev.final, row.final) !== 0) rank = i + 1;
    return { ...row, rank };
  });
}
