import { C, type JudgeDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertJudgeOf, loadRound } from './common';
import { recuseAndTopUp } from './top-up';

export const recuseEntry: UseCase<'judge.recuse'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertJudgeOf(ctx.caller.grants, round.contestId);
  const judge = await ports.db.collection<JudgeDoc>(C.judges).get(`${round.contestId}:${openid}`);
  const replacedBy = await recuseAndTopUp(ports, {
    round,
    entryId: input.entryId,
    judgeOpenid: openid,
    reason: input.reason,
    actorName: judge?.name ?? '评委',
    at: ports.clock.now().toISOString(),
  });
  return { state: 'recused', replacedBy };
};
