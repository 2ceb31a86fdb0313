import { AppError, ErrorCode } from '@core/errors';
import { C, type ContestDoc, type RoundEntryDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { API_BUDGET_MS, runAssignment } from './assignment-run';
import { actorName, loadRound, roundView } from './common';

export const assignRound: UseCase<'admin.round.assign'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  if (round.status !== 'setup') throw new AppError(ErrorCode.INVALID_STATE, '本轮已确认晋级或评奖，不能再分配');
  if (round.mode === 'live')
    throw new AppError(ErrorCode.INVALID_STATE, '现场决赛的评委在“现场决赛”页选定，不需要分配');
  const progress = round.assignProgress;
  // Two runs at once could each add judges to the same entry; a run left unfinished continues in cron.
  if (progress?.state === 'running' && ports.clock.now().getTime() - Date.parse(progress.startedAt) < 5 * 60_000) {
    throw new AppError(
      ErrorCode.INVALID_STATE,
      `上一次分配仍在后台进行（已写入 ${progress.done} / ${progress.total}），请稍后刷新查看`,
    );
  }
  const contest: ContestDoc = await loadContest(ports.db, round.contestId);
  const run = await runAssignment(ports, {
    round,
    seed: input.seed || round._id,
    actorOpenid: openid,
    actorName: await actorName(ports.db, openid, '组委会'),
    budgetMs: API_BUDGET_MS,
  });
  const names = new Map(
    (await ports.db.collection<RoundEntryDoc>(C.roundEntries).find({ roundId: round._id })).map((r) => [
      r.entryId,
      r.projectName,
    ]),
  );
  const loadValues = Object.values(run.loads);
  const fresh = await loadRound(ports.db, round._id);
  return {
    round: roundView(fresh, contest.name, ports.clock.now()),
    joined: run.joined,
    added: run.added,
    removed: run.removed,
    short: run.short.slice(0, 200).map((s) => ({ ...s, projectName: names.get(s.entryId) ?? '' })),
    loads: {
      min: loadValues.length ? Math.min(...loadValues) : 0,
      max: loadValues.length ? Math.max(...loadValues) : 0,
    },
    sessions: run.sessions,
  };
};
