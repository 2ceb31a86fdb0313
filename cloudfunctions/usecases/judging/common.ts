import { AppError, ErrorCode } from '@core/errors';
import { maxUnits, unitsToPoints } from '@core/judging/points';
import { roundWindow } from '@core/judging/round-window';
import { UNITS_PER_POINT, type EntryForAssignment, type Rubric, type StageKey } from '@core/judging/types';
import type { JudgeRoundView, RoundView } from '@core/judging/views';
import type { EntryStatus } from '@core/registration/entry-status';
import { hasRole, type RoleGrant } from '@core/roles';
import type { Db } from '../../ports';
import { C, type RoundDoc, type RoundEntryDoc, type UserDoc } from '../collections';

export async function loadRound(db: Db, roundId: string): Promise<RoundDoc> {
  const round = await db.collection<RoundDoc>(C.rounds).get(roundId);
  if (round === null) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在');
  return round;
}

export function assertJudgeOf(grants: readonly RoleGrant[], contestId: string): void {
  if (!hasRole(grants, 'judge', contestId)) throw new AppError(ErrorCode.FORBIDDEN, '您不是该赛事的评委');
}

/** Which entries a stage's round takes in, and where its cut-off sends them. */
export const stageFlow: Record<StageKey, { takes: EntryStatus; advanceTo: 'semifinalist' | 'finalist' | null }> = {
  preliminary: { takes: 'approved', advanceTo: 'semifinalist' },
  semifinal: { takes: 'semifinalist', advanceTo: 'finalist' },
  final: { takes: 'finalist', advanceTo: null },
};

export const previousStage: Record<StageKey, StageKey | null> = {
  preliminary: null,
  semifinal: 'preliminary',
  final: 'semifinal',
};

/** Full marks in points. */
function rubricMaxPoints(rubric: Rubric): number {
  return unitsToPoints(maxUnits(rubric));
}

/** Thresholds in units, defaults 20% (a score far from its entry's median) and 10% (a judge's lean) of full marks. */
export function thresholds(round: Pick<RoundDoc, 'rubric' | 'scoreGapPoints' | 'judgeBiasPoints'>): {
  scoreGapUnits: number;
  judgeBiasUnits: number;
  scoreGapPoints: number;
  judgeBiasPoints: number;
} {
  const max = rubricMaxPoints(round.rubric);
  const scoreGapPoints = round.scoreGapPoints ?? Math.round(max * 0.2 * 2) / 2;
  const judgeBiasPoints = round.judgeBiasPoints ?? Math.round(max * 0.1 * 2) / 2;
  return {
    scoreGapPoints,
    judgeBiasPoints,
    scoreGapUnits: Math.round(scoreGapPoints * UNITS_PER_POINT),
    judgeBiasUnits: Math.round(judgeBiasPoints * UNITS_PER_POINT),
  };
}

export function roundView(round: RoundDoc, contestName: string, now: Date): RoundView {
  const t = thresholds(round);
  return {
    id: round._id,
    contestId: round.contestId,
    contestName,
    stage: round.stage,
    name: round.name,
    rubric: round.rubric,
    maxPoints: rubricMaxPoints(round.rubric),
    rubricLocked: round.rubricLocked,
    aggregation: round.aggregation,
    judgesPerEntry: round.judgesPerEntry,
    blind: round.blind,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    window: roundWindow(round, now),
    mode: round.mode,
    panelCapacity: round.panelCapacity,
    scoreGapPoints: t.scoreGapPoints,
    judgeBiasPoints: t.judgeBiasPoints,
    status: round.status,
    assignedAt: round.assignedAt,
    assignProgress: round.assignProgress
      ? { state: round.assignProgress.state, total: round.assignProgress.total, done: round.assignProgress.done }
      : null,
    counts: round.counts,
    advancement: round.advancement
      ? {
          at: round.advancement.at,
          rule: round.advancement.rule,
          admitted: round.advancement.admitted.length,
          listId: round.advancement.listId,
        }
      : null,
    awards: round.awards
      ? { at: round.awards.at, awardsListId: round.awards.awardsListId, nationalListId: round.awards.nationalListId }
      : null,
    updatedAt: round.updatedAt,
  };
}

export function judgeRoundView(round: RoundDoc, contestName: string, now: Date): JudgeRoundView {
  return {
    id: round._id,
    contestId: round.contestId,
    contestName,
    stage: round.stage,
    name: round.name,
    rubric: round.rubric,
    maxPoints: rubricMaxPoints(round.rubric),
    blind: round.blind,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    // Once the cut-off or awards are confirmed, scoring is over even inside the window (judge.score: ROUND_CLOSED).
    window: round.status === 'setup' ? roundWindow(round, now) : 'closed',
  };
}

export async function actorName(db: Db, openid: string, fallback: string): Promise<string> {
  return (await db.collection<UserDoc>(C.users).get(openid))?.name ?? fallback;
}

export function entryForAssignment(doc: RoundEntryDoc): EntryForAssignment {
  return {
    id: doc.entryId,
    field: doc.field,
    orgName: doc.orgName,
    creditCode: doc.creditCode,
    district: doc.district,
    ownerId: doc.ownerOpenid ?? null,
    identity: doc.identity ?? null,
  };
}

export function roundEntryId(roundId: string, entryId: string): string {
  return `${roundId}:${entryId}`;
}
