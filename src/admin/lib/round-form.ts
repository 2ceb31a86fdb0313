import type { ActionInput } from '@core/actions';
import type { ContestDetail } from '@core/contest/views';
import type { StageKey } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import { roundInput } from '@core/judging/schemas';
import { halvesOf, weightHundredths } from '@core/judging/points';
import type { Aggregation, Criterion } from '@core/judging/types';
import type { RoundMode, RoundView } from '@core/judging/views';
import { inShanghai } from '@core/time/shanghai';
import { validate } from '@core/validation';

/**
 * The round editor's form as typed (numbers as the strings in their boxes) and its translation to and
 * from `admin.round.upsert`, as plain functions: the default rubric, criterion keys, the live 满分合计,
 * Beijing-time windows and the errors keyed the way the server keys them (`rubric.criteria.0.maxPoints`).
 */

export interface CriterionDraft {
  /** Stable once scores exist: kept for stored criteria, c1, c2 … for new ones. */
  key: string;
  name: string;
  description: string;
  maxPoints: string;
  weight: string;
}

export interface RoundDraft {
  name: string;
  criteria: CriterionDraft[];
  aggregation: Aggregation;
  judgesPerEntry: string;
  blind: boolean;
  /** Shanghai wall clock: YYYY-MM-DD and HH:mm. */
  opensOn: string;
  opensTime: string;
  closesOn: string;
  closesTime: string;
  mode: RoundMode;
  panelCapacity: string;
  /** '' leaves the server's default (20% / 10% of full marks). */
  scoreGapPoints: string;
  judgeBiasPoints: string;
}

export type RoundUpsert = ActionInput<'admin.round.upsert'>;

export const CRITERIA_MAX = 20;

/** The usual 创客中国 rubric: 100 points over five criteria. */
const DEFAULT_RUBRIC: ReadonlyArray<[string, number, string]> = [
  ['技术创新性', 30, '核心技术的先进性与自主知识产权'],
  ['商业模式', 20, '盈利模式清晰、可持续'],
  ['市场前景', 20, '市场规模、竞争优势与成长性'],
  ['团队能力', 15, '团队结构、经验与执行力'],
  ['社会效益', 15, '带动就业、节能减排等社会价值'],
];

export function defaultCriteria(): CriterionDraft[] {
  return DEFAULT_RUBRIC.map(([name, max, description], i) => ({
    key: `c${i + 1}`,
    name,
    description,
    maxPoints: String(max),
    weight: '1',
  }));
}

/** The next free key c<n>: one more than the highest c<n> in use, so a removed key is never reused. */
export function nextCriterionKey(criteria: readonly Pick<CriterionDraft, 'key'>[]): string {
  let highest = 0;
  for (const c of criteria) {
    const n = /^c(\d+)$/.exec(c.key)?.[1];
    if (n !== undefined) highest = Math.max(highest, Number(n));
  }
  return `c${highest + 1}`;
}

export function blankCriterion(criteria: readonly CriterionDraft[]): CriterionDraft {
  return { key: nextCriterionKey(criteria), name: '', description: '', maxPoints: '10', weight: '1' };
}

/** Moves the criterion at `from` one place up (-1) or down (+1); out of range, nothing moves. */
export function moveCriterion<T>(criteria: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  const out = [...criteria];
  const item = out[from];
  if (item === undefined || to < 0 || to >= out.length) return out;
  out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * 满分合计: Σ 满分 × 权重, exact (half points × weight hundredths), as people write it: "100", "97.5".
 * Rows whose numbers are not valid yet count nothing; `complete` says whether every row counted.
 */
export function rubricTotal(criteria: readonly Pick<CriterionDraft, 'maxPoints' | 'weight'>[]): {
  text: string;
  complete: boolean;
} {
  let units = 0;
  let complete = true;
  for (const c of criteria) {
    const halves = halvesOf(numberOf(c.maxPoints));
    const weight = weightHundredths(numberOf(c.weight));
    if (halves === null || weight === null) {
      complete = false;
      continue;
    }
    units += halves * weight;
  }
  // units / 200 points: at most 3 decimals (half points × hundredths), printed without trailing zeros.
  return { text: String(Number((units / 200).toFixed(3))), complete };
}

const defaults: Record<StageKey, { name: string; mode: RoundMode; judges: string; blind: boolean }> = {
  preliminary: { name: '预赛线上评审', mode: 'online', judges: '3', blind: true },
  semifinal: { name: '复赛分组评审', mode: 'panels', judges: '5', blind: false },
  // The final is scored on stage from the host console (现场决赛) unless the organizer picks another way.
  final: { name: '决赛现场评审', mode: 'live', judges: '7', blind: false },
};

/** A new round: the default rubric, and the scoring window of the stage's dates in the contest's 赛程. */
export function emptyRoundDraft(stage: StageKey, contest: Pick<ContestDetail, 'stages'> | null): RoundDraft {
  const plan = contest?.stages.find((s) => s.key === stage);
  const d = defaults[stage];
  return {
    name: d.name,
    criteria: defaultCriteria(),
    aggregation: stage === 'preliminary' ? 'trimmed' : 'mean',
    judgesPerEntry: d.judges,
    blind: d.blind,
    opensOn: plan?.startsOn ?? '',
    opensTime: '00:00',
    closesOn: plan?.endsOn ?? '',
    closesTime: '23:59',
    mode: d.mode,
    panelCapacity: d.mode === 'panels' ? '10' : '',
    scoreGapPoints: '',
    judgeBiasPoints: '',
  };
}

export function criterionDraft(c: Criterion): CriterionDraft {
  return {
    key: c.key,
    name: c.name,
    description: c.description,
    maxPoints: String(c.maxPoints),
    weight: String(c.weight),
  };
}

/** The server's default thresholds: 20% and 10% of full marks, to the half point (judging/common.ts). */
export function defaultThresholds(maxPoints: number): { scoreGap: number; judgeBias: number } {
  return { scoreGap: Math.round(maxPoints * 0.2 * 2) / 2, judgeBias: Math.round(maxPoints * 0.1 * 2) / 2 };
}

/**
 * A stored round as the form shows it. The view carries the thresholds in effect, defaults resolved, and
 * does not say which were set: one equal to the default shows as an empty box (the default), so saving
 * the form unchanged keeps following the rubric's full marks.
 */
export function roundDraftFromView(round: RoundView): RoundDraft {
  const byDefault = defaultThresholds(round.maxPoints);
  const opens = inShanghai(round.opensAt);
  const closes = inShanghai(round.closesAt);
  return {
    name: round.name,
    criteria: round.rubric.criteria.map(criterionDraft),
    aggregation: round.aggregation,
    judgesPerEntry: String(round.judgesPerEntry),
    blind: round.blind,
    opensOn: opens.format('YYYY-MM-DD'),
    opensTime: opens.format('HH:mm'),
    closesOn: closes.format('YYYY-MM-DD'),
    closesTime: closes.format('HH:mm'),
    mode: round.mode,
    panelCapacity: round.panelCapacity === null ? '' : String(round.panelCapacity),
    scoreGapPoints: round.scoreGapPoints === byDefault.scoreGap ? '' : String(round.scoreGapPoints),
    judgeBiasPoints: round.judgeBiasPoints === byDefault.judgeBias ? '' : String(round.judgeBiasPoints),
  };
}

/** Organizers type Beijing time: opens at the start of the minute, closes at its end (23:59 → 23:59:59). */
export function windowInstant(day: string, time: string, edge: 'start' | 'end'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return '';
  return `${day}T${time}:${edge === 'start' ? '00' : '59'}+08:00`;
}

function optionalPoints(text: string): number | null {
  return text.trim() === '' ? null : numberOf(text);
}

export function roundDraftToInput(
  draft: RoundDraft,
  contestId: string,
  stage: StageKey,
  /** The stored rubric, sent as it is when it is locked. */
  lockedRubric: RoundView['rubric'] | null,
): RoundUpsert {
  return {
    contestId,
    stage,
    name: draft.name.trim(),
    rubric: lockedRubric
      ? { criteria: lockedRubric.criteria.map((c) => ({ ...c })) }
      : {
          criteria: draft.criteria.map((c) => ({
            key: c.key,
            name: c.name.trim(),
            description: c.description.trim(),
            maxPoints: numberOf(c.maxPoints),
            weight: numberOf(c.weight),
          })),
        },
    aggregation: draft.aggregation,
    judgesPerEntry: numberOf(draft.judgesPerEntry),
    blind: draft.blind,
    opensAt: windowInstant(draft.opensOn, draft.opensTime, 'start'),
    closesAt: windowInstant(draft.closesOn, draft.closesTime, 'end'),
    mode: draft.mode,
    panelCapacity: draft.mode === 'panels' ? numberOf(draft.panelCapacity) : null,
    scoreGapPoints: optionalPoints(draft.scoreGapPoints),
    judgeBiasPoints: optionalPoints(draft.judgeBiasPoints),
  };
}

/**
 * The request, or the problems keyed like the server's INVALID_INPUT details, which are also the keys of
 * the form's boxes (`rubric.criteria.2.name`, `closesAt`, `panelCapacity`): criteria go out in the order
 * they are shown, so a row's index is its index on the wire.
 */
export function checkRoundDraft(
  draft: RoundDraft,
  contestId: string,
  stage: StageKey,
  lockedRubric: RoundView['rubric'] | null,
): { ok: true; input: RoundUpsert } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (draft.opensOn === '' || draft.opensTime === '') errors.opensAt = '请选择评分开始日期和时间';
  if (draft.closesOn === '' || draft.closesTime === '') errors.closesAt = '请选择评分截止日期和时间';
  const input = roundDraftToInput(draft, contestId, stage, lockedRubric);
  const checked = validate(roundInput, input);
  if (!checked.ok) {
    for (const [path, message] of Object.entries(checked.errors)) errors[path] ??= message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input };
}
