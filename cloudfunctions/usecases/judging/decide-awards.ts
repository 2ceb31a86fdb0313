import { groupLabels, prizeLabels } from '@core/contest/types';
import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import { C, type LiveShowDoc, type RoundDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { GROUPS, applyAwards, assertFinal } from './awarding';
import { actorName, loadRound, roundView } from './common';
import { writeAuditTx } from '../audit';
import { showLabel } from '@core/live/types';
import { loadRoundData } from './round-data';

/**
 * Confirms the awards: the decision and its audit first, then each winner's entry moves to 获奖 (one
 * transaction each), then the 获奖名单 and the national recommendation list are published. A rerun after a
 * crash finishes the same decision.
 */
export const decideAwards: UseCase<'admin.award.decide'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertFinal(round);
  const contest = await loadContest(ports.db, round.contestId);
  if (round.awards?.state === 'done') throw new AppError(ErrorCode.INVALID_STATE, '本赛事的获奖名单已确认');

  if (round.awards === null) {
    const data = await loadRoundData(ports, round);
    const inRound = new Set(data.entries.map((e) => e.entryId));
    const errors: FieldErrors = {};
    const seen = new Set<string>();
    input.prizes.forEach((p, i) => {
      if (seen.has(p.entryId)) errors[`prizes.${i}.entryId`] = '同一项目不能评两个奖项';
      else if (!inRound.has(p.entryId)) errors[`prizes.${i}.entryId`] = '该项目不在决赛中';
      seen.add(p.entryId);
    });
    const recommend = input.recommend ?? input.prizes.map((p) => p.entryId);
    recommend.forEach((id, i) => {
      if (!inRound.has(id)) errors[`recommend.${i}`] = '该项目不在决赛中';
    });
    if (Object.keys(errors).length > 0)
      throw new AppError(ErrorCode.INVALID_INPUT, '获奖名单中有不能列入的项目', errors);
    const at = ports.clock.now().toISOString();
    const name = await actorName(ports.db, openid, '组委会');
    const names = new Map(data.entries.map((e) => [e.entryId, e]));
    const groups = new Set(input.prizes.map((p) => names.get(p.entryId)?.group ?? 'enterprise'));
    // A live final's shows, found before the transaction (it allows no queries) and read again inside it.
    const shows =
      round.mode === 'live' ? await ports.db.collection<LiveShowDoc>(C.liveShows).find({ roundId: round._id }) : [];
    await ports.db.transaction(async (tx) => {
      const current = await tx.get<RoundDoc>(C.rounds, round._id);
      if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在');
      if (current.awards !== null) throw new AppError(ErrorCode.INVALID_STATE, '本赛事的获奖名单已确认');
      if (current.mode === 'live') {
        // A live final's prizes come from the results the notary froze: every show of a group awarded (the whole
        // group's, or each 场次's) signed off, and every finalist of the group in one of them.
        for (const group of GROUPS) {
          if (!groups.has(group)) continue;
          const held = new Set<string>();
          let signed = 0;
          for (const found of shows.filter((s) => s.group === group)) {
            const show = await tx.get<LiveShowDoc>(C.liveShows, found._id);
            if (show === null) continue;
            if (show.frozen === null)
              throw new AppError(
                ErrorCode.INVALID_STATE,
                `${showLabel(group, show.session)}的现场决赛成绩尚未经公证员确认，不能确定奖项`,
                { group, liveId: show._id },
              );
            signed += 1;
            for (const slot of show.slots) held.add(slot.entryId);
          }
          if (signed === 0)
            throw new AppError(
              ErrorCode.INVALID_STATE,
              `${groupLabels[group]}的现场决赛成绩尚未经公证员确认，不能确定奖项`,
              { group },
            );
          const outside = data.entries.filter((e) => e.group === group && !held.has(e.entryId));
          if (outside.length > 0)
            throw new AppError(
              ErrorCode.INVALID_STATE,
              `${groupLabels[group]}还有 ${outside.length} 个决赛项目未排入任何场次（如「${outside[0]?.projectName ?? ''}」），不能确定奖项`,
              { group, outside: outside.length },
            );
        }
      }
      await tx.update<RoundDoc>(C.rounds, round._id, {
        awards: {
          at,
          by: openid,
          prizes: input.prizes,
          recommend: [...new Set(recommend)],
          awardsListId: null,
          nationalListId: null,
          publicityDays: input.publicityDays,
          state: 'applying',
        },
        updatedAt: at,
      });
      await writeAuditTx(tx, {
        contestId: round.contestId,
        roundId: round._id,
        actorOpenid: openid,
        actorName: name,
        action: 'award',
        after: input.prizes
          .map((p) => {
            const e = names.get(p.entryId);
            return `${e ? groupLabels[e.group] : ''}${prizeLabels[p.prize]}：${e?.projectName ?? p.entryId}`;
          })
          .join('；'),
        reason: `获奖 ${input.prizes.length} 项，推荐 ${recommend.length} 项`,
        at,
      });
    });
  }
  await applyAwards(ports, round._id, ctx.templates);
  const fresh = await loadRound(ports.db, round._id);
  return {
    round: roundView(fresh, contest.name, ports.clock.now()),
    awarded: fresh.awards?.prizes.length ?? 0,
    awardsListId: fresh.awards?.awardsListId ?? '',
    nationalListId: fresh.awards?.nationalListId ?? null,
  };
};
