import type { FieldErrors } from '../errors';
import { halvesOf, sheetUnits } from './points';
import type { Rubric } from './types';

export type CheckedPoints =
  { ok: true; halves: Record<string, number>; units: number } | { ok: false; errors: FieldErrors };

/**
 * A score sheet against its rubric: every criterion present, in 0.5 steps, within 0..max, nothing else.
 * The score page runs it as the judge types and the cloud runs it again; errors are keyed `points.<key>`.
 */
export function checkPoints(
  rubric: Rubric,
  points: Readonly<Record<string, number | null | undefined>>,
): CheckedPoints {
  const errors: FieldErrors = {};
  const halves: Record<string, number> = {};
  const known = new Set(rubric.criteria.map((c) => c.key));
  for (const criterion of rubric.criteria) {
    const value = points[criterion.key];
    const path = `points.${criterion.key}`;
    if (value === undefined || value === null || Number.isNaN(value)) {
      errors[path] = `请为「${criterion.name}」打分`;
      continue;
    }
    const h = halvesOf(value);
    if (h === null) errors[path] = `「${criterion.name}」的分数应为 0.5 的整数倍`;
    else if (h > criterion.maxPoints * 2) errors[path] = `「${criterion.name}」最高 ${criterion.maxPoints} 分`;
    else halves[criterion.key] = h;
  }
  for (const key of Object.keys(points)) {
    if (!known.has(key)) errors[`points.${key}`] = '评分表中没有这一项';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, halves, units: sheetUnits(rubric, halves) };
}
