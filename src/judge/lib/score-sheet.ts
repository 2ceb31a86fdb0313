/**
 * The score sheet as the judge types it: one text per criterion (what the input shows), read into
 * half-points for the running total. Totals are integer units (core/judging/points.ts), never floats.
 */
import { formatPoints, halvesOf, maxUnits, sheetUnits } from '@core/judging/points';
import type { Rubric } from '@core/judging/types';
import type { MyScoreView } from '@core/judging/views';

/** The longest comment a score takes (judgeScoreInput's comment). */
export const COMMENT_MAX = 500;

export interface SheetValues {
  /** Per criterion key, the text in its input ('' when not scored yet). */
  points: Record<string, string>;
  comment: string;
}

/** The outbox key of one judge's score of one entry. */
export function scoreKey(openid: string, roundId: string, entryId: string): string {
  return `judge.score:${openid}:${roundId}:${entryId}`;
}

/** The outbox key prefix of all of one judge's scores in a round. */
export function roundScorePrefix(openid: string, roundId: string): string {
  return `judge.score:${openid}:${roundId}:`;
}

export function emptySheet(rubric: Rubric): SheetValues {
  return { points: Object.fromEntries(rubric.criteria.map((c) => [c.key, ''])), comment: '' };
}

export function sheetFromScore(rubric: Rubric, score: MyScoreView): SheetValues {
  return {
    points: Object.fromEntries(
      rubric.criteria.map((c) => {
        const value = score.points[c.key];
        return [c.key, value === undefined ? '' : String(value)];
      }),
    ),
    comment: score.comment,
  };
}

/** '' → undefined (not scored); anything else → the number typed, NaN when it is not one. */
export function pointValue(text: string): number | undefined {
  const trimmed = text.trim().replace(/。/g, '.');
  if (trimmed === '') return undefined;
  return /^\d+(\.\d*)?$|^\.\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What checkPoints reads: every rubric criterion, undefined where nothing is typed. */
export function pointsOf(rubric: Rubric, values: SheetValues): Record<string, number | undefined> {
  return Object.fromEntries(rubric.criteria.map((c) => [c.key, pointValue(values.points[c.key] ?? '')]));
}

/** One tap of − or +: to the next half-point down or up, within 0 .. max. */
export function stepPoints(text: string, maxPoints: number, direction: -1 | 1): string {
  const value = pointValue(text);
  const maxHalves = Math.round(maxPoints * 2);
  let halves: number;
  if (value === undefined || Number.isNaN(value)) halves = direction > 0 ? 1 : 0;
  else {
    const exact = halvesOf(value);
    const doubled = value * 2;
    halves = exact !== null ? exact + direction : direction > 0 ? Math.ceil(doubled) : Math.floor(doubled);
  }
  halves = Math.min(maxHalves, Math.max(0, halves));
  return String(halves / 2);
}

/** Points in units as people read them: 17300 → "86.5", 17000 → "85", 35 → "0.175". Exact. */
export function pointsText(units: number): string {
  return formatPoints(units, 3).replace(/\.?0+$/, '');
}

export interface RunningTotal {
  /** "86.5": the criteria scored so far. */
  total: string;
  max: string;
  scored: number;
  count: number;
}

/** The sum of the criteria that hold a valid score (in 0.5 steps, within their max). */
export function runningTotal(rubric: Rubric, values: SheetValues): RunningTotal {
  const halves: Record<string, number> = {};
  for (const c of rubric.criteria) {
    const value = pointValue(values.points[c.key] ?? '');
    const h = value === undefined ? null : halvesOf(value);
    if (h !== null && h <= Math.round(c.maxPoints * 2)) halves[c.key] = h;
  }
  return {
    total: pointsText(sheetUnits(rubric, halves)),
    max: pointsText(maxUnits(rubric)),
    scored: Object.keys(halves).length,
    count: rubric.criteria.length,
  };
}

/** Whether two sheets say the same (the numbers, not how they were typed: "27.50" is 27.5). */
export function sameSheet(rubric: Rubric, a: SheetValues, b: SheetValues): boolean {
  if (a.comment.trim() !== b.comment.trim()) return false;
  return rubric.criteria.every((c) => {
    const x = pointValue(a.points[c.key] ?? '');
    const y = pointValue(b.points[c.key] ?? '');
    return x === y || (Number.isNaN(x) && Number.isNaN(y));
  });
}
