import { AppError, ErrorCode } from '@core/errors';
import { resolveCutoff } from '@core/judging/cutoff';
import { cutoffRuleText, type Fraction } from '@core/judging/types';
import { C, type RoundDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { API_BUDGET_MS, applyAdvancement, fingerprintOf, previewOrFail } from './advancement';
import { actorName, loadRound, roundView, stageFlow } from './common';
import { writeAuditTx } from '../audit';
import { loadRoundData, rankRound } from './round-data';

/**
 * Confirms a cut-off: the decision (rule, admitted entries, their aggregates for the next round's
 * tie-break) is written first with its audit record, then the entries move to the next stage one
 * transaction each, then the list is published. A crash or timeout anywhere leaves the decision in place
 * and the cron function (or the organizer's retry) finishes the same list; a preview that no longer
 * matches the scores is refused (CUTOFF_CHANGED).
 */
export const advanceRound: UseCase<'admin.round.advance'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const flow = stageFlow[round.stage];
  if (flow.advanceTo === null)
    throw new AppError(ErrorCode.INVALID_STATE, '决赛不设晋级，请在“评定奖项”中确认获奖名单');
  const contest = await loadContest(ports.db, round.contestId);

  if (round.advancement === null) {
    const data = await loadRoundData(ports, round);
    const ranked = rankRound(round, data);
    const preview = previewOrFail(ranked, input.rule);
    if (fingerprintOf(preview) !== input.fingerprint) throw new AppError(ErrorCode.CUTOFF_CHANGED);
    const resolved = resolveCutoff(preview, input.chosen);
    if (!resolved.ok) throw new AppError(ErrorCode.INVALID_INPUT, resolved.reason, { chosen: resolved.reason });
    const aggregates = new Map(ranked.map((r) => [r.entryId, r.aggregate]));
    const carry: Record<string, Fraction> = {};
    for (const id of resolved.admitted) {
      const value = aggregates.get(id);
      if (value) carry[id] = value;
    }
    const at = ports.clock.now().toISOString();
    const name = await actorName(ports.db, openid, '组委会');
    const names = new Map(data.entries.map((e) => [e.entryId, e.projectName]));
    await ports.db.transaction(async (tx) => {
      const current = await tx.get<RoundDoc>(C.rounds, round._id);
      if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在');
      if (current.advancement !== null) throw new AppError(ErrorCode.INVALID_STATE, '本轮晋级名单已确认');
      await tx.update<RoundDoc>(C.rounds, round._id, {
        advancement: {
          at,
          by: openid,
          rule: input.rule,
          admitted: resolved.admitted,
          carry,
          listId: null,
          state: 'applying',
          publicityDays: input.publicityDays,
        },
        updatedAt: at,
      });
      await writeAuditTx(tx, {
        contestId: round.contestId,
        roundId: round._id,
        actorOpenid: openid,
        actorName: name,
        action: 'advance',
        before: `预览：确定 ${preview.admitted.length} 个，并列待定 ${preview.straddling.length} 个，未晋级 ${preview.out.length} 个`,
        after: `规则：${cutoffRuleText(input.rule)}；晋级 ${resolved.admitted.length} 个项目${
          input.chosen.length > 0 ? `；并列中选定：${input.chosen.map((id) => names.get(id) ?? id).join('、')}` : ''
        }`,
        reason: `晋级名单：${resolved.admitted.map((id) => names.get(id) ?? id).join('、')}`,
        at,
      });
    });
  } else if (round.advancement.state === 'done') {
    throw new AppError(ErrorCode.INVALID_STATE, '本轮晋级名单已确认');
  }
  const done = await applyAdvancement(ports, round._id, API_BUDGET_MS, ctx.templates);
  const fresh = await loadRound(ports.db, round._id);
  return {
    round: roundView(fresh, contest.name, ports.clock.now()),
    advanced: fresh.advancement?.admitted.length ?? 0,
    listId: done ? (fresh.advancement?.listId ?? '') : '',
  };
};
