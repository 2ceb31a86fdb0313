import { AppError, ErrorCode } from '@core/errors';
import { C, judgeIdFor, type JudgeDoc, type JudgeInviteDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { inviteProblem } from './judge-views';

export const checkInvite: UseCase<'judge.invite.check'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const invite = await ports.db.collection<JudgeInviteDoc>(C.judgeInvites).get(input.code);
  const problem = inviteProblem(invite, openid, ports.clock.now());
  if (problem !== null || invite === null) throw new AppError(ErrorCode.INVITE_INVALID, problem ?? undefined);
  const [contest, bound] = await Promise.all([
    loadContest(ports.db, invite.contestId),
    ports.db.collection<JudgeDoc>(C.judges).get(judgeIdFor(invite.contestId, openid)),
  ]);
  // Said before the judge fills the whole form, not after.
  if (bound !== null && bound.inviteCode !== invite._id) {
    throw new AppError(ErrorCode.INVALID_STATE, `您已是「${contest.name}」的评委，无需再次绑定`);
  }
  return { contestId: contest._id, contestName: contest.name, fields: contest.fields, expiresAt: invite.expiresAt };
};
