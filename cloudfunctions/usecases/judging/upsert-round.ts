import { stageLabels } from '@core/contest/types';
import { AppError, ErrorCode } from '@core/errors';
import { aggregationLabels } from '@core/judging/types';
import { formatShanghai } from '@core/time/shanghai';
import stableStringify from 'fast-json-stable-stringify';
import { C, roundIdFor, type RoundDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { actorName, roundView } from './common';
import { writeAuditTx } from '../audit';

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
    // A live final reveals by its rule on stage: once a score is in, the rule and the mode stay as announced.
    if (
      existing?.rubricLocked &&
      existing.mode === 'live' &&
      (input.mode !== 'live' || input.aggregation !== existing.aggregation)
    ) {
      throw new AppError(ErrorCode.INVALID_STATE, '现场决赛已开始评分，不能再更改评审方式或汇总方式');
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
