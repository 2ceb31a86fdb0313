import stableStringify from 'fast-json-stable-stringify';
import { AppError, ErrorCode } from '@core/errors';
import { stageLabels } from '@core/contest/types';
import { aggregationLabels } from '@core/judging/types';
import { formatShanghai } from '@core/time/shanghai';
import type { UseCase } from '../context';
import { C, roundIdFor, type RoundDoc, type SessionDoc } from '../collections';
import { assertOrganizerOf } from '../admin/scope';
import { personKey } from '../files/file-links';
import { loadContest } from '../registration/common';
import { actorName, loadRound, requireOpenid, roundView, writeAuditTx } from './common';

const STAGE_ORDER = ['preliminary', 'semifinal', 'final'] as const;

export function sessionView(doc: SessionDoc) {
  return {
    key: doc.key,
    district: doc.district,
    field: doc.field,
    place: doc.place,
    startsAt: doc.startsAt,
    entryIds: doc.entryIds,
    judgeKeys: doc.judgeOpenids.map(personKey),
  };
}

/**
 * Creates or replaces the round of a contest stage. The rubric is locked by the first score (a flag the
 * score's transaction sets on this same document, so an edit racing the first score conflicts and one of
 * them retries); everything else may change until the cut-off is confirmed.
 */
export const upsertRound: UseCase<'admin.round.upsert'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  const name = await actorName(ports.db, openid, '组委会');
  const now = ports.clock.now();
  const at = now.toISOString();
  const id = roundIdFor(contest._id, input.stage);
  const rubric = {
    criteria: input.rubric.criteria.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      maxPoints: c.maxPoints,
      weight: c.weight,
    })),
  };
  const saved = await ports.db.transaction(async (tx) => {
    const existing = await tx.get<RoundDoc>(C.rounds, id);
    if (existing && existing.status !== 'setup') {
      throw new AppError(ErrorCode.INVALID_STATE, '本轮已确认晋级或评奖，不能再修改设置');
    }
    if (existing?.rubricLocked && stableStringify(existing.rubric) !== stableStringify(rubric)) {
      throw new AppError(ErrorCode.RUBRIC_LOCKED);
    }
    const doc: RoundDoc = {
      _id: id,
      contestId: contest._id,
      stage: input.stage,
      name: input.name || `${stageLabels[input.stage]}评审`,
      rubric,
      rubricLocked: existing?.rubricLocked ?? false,
      aggregation: input.aggregation,
      judgesPerEntry: input.judgesPerEntry,
      blind: input.blind,
      opensAt: new Date(input.opensAt).toISOString(),
      closesAt: new Date(input.closesAt).toISOString(),
      mode: input.mode,
      panelCapacity: input.mode === 'panels' ? input.panelCapacity : null,
      scoreGapPoints: input.scoreGapPoints,
      judgeBiasPoints: input.judgeBiasPoints,
      status: 'setup',
      loads: existing?.loads ?? {},
      counts: existing?.counts ?? { entries: 0, judges: 0, assignments: 0 },
      assignedAt: existing?.assignedAt ?? null,
      assignRuns: existing?.assignRuns ?? 0,
      assignProgress: existing?.assignProgress ?? null,
      advancement: null,
      awards: null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await tx.set<RoundDoc>(C.rounds, doc);
    const summary = (r: RoundDoc | null) =>
      r &&
      [
        `评分表：${r.rubric.criteria.map((c) => `${c.name} ${c.maxPoints}${c.weight === 1 ? '' : `×${c.weight}`}`).join('，')}`,
        `汇总：${aggregationLabels[r.aggregation]}`,
        `每个项目 ${r.judgesPerEntry} 位评委`,
        r.blind ? '匿名评审' : '公开评审',
        r.mode === 'panels' ? `分组评审，每组不超过 ${r.panelCapacity} 个项目` : '线上评审',
        `评分时间：北京时间 ${formatShanghai(r.opensAt)} 至 ${formatShanghai(r.closesAt)}`,
      ].join('；');
    await writeAuditTx(tx, {
      contestId: contest._id,
      roundId: id,
      actorOpenid: openid,
      actorName: name,
      action: 'round_upsert',
      before: summary(existing),
      after: summary(doc),
      at,
    });
    return doc;
  });
  return { round: roundView(saved, contest.name, now) };
};

export const listRounds: UseCase<'admin.rounds.list'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  const rounds = await ports.db.collection<RoundDoc>(C.rounds).find({ contestId: contest._id }, { limit: 10 });
  const now = ports.clock.now();
  return {
    rounds: rounds
      .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage))
      .map((r) => roundView(r, contest.name, now)),
  };
};

export const getRound: UseCase<'admin.round.get'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const [contest, sessions] = await Promise.all([
    loadContest(ports.db, round.contestId),
    ports.db.collection<SessionDoc>(C.sessions).find({ roundId: round._id }, { orderBy: [['key', 'asc']] }),
  ]);
  return { round: roundView(round, contest.name, ports.clock.now()), sessions: sessions.map(sessionView) };
};

/** Place and time of one 复赛 session; its judges see them beside their entries. */
export const updateSession: UseCase<'admin.round.session'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const sessions = ports.db.collection<SessionDoc>(C.sessions);
  const id = `${round._id}:${input.key}`;
  const at = ports.clock.now().toISOString();
  const startsAt = input.startsAt === null ? null : new Date(input.startsAt).toISOString();
  if (!(await sessions.update(id, { place: input.place, startsAt, updatedAt: at }))) {
    throw new AppError(ErrorCode.NOT_FOUND, '分组不存在，请先分配评委生成分组');
  }
  const doc = await sessions.get(id);
  if (doc === null) throw new AppError(ErrorCode.NOT_FOUND, '分组不存在');
  return { session: sessionView(doc) };
};
