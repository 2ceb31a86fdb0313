import { C, type JudgeDoc, type JudgeInviteDoc } from '../collections';
import type { UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { inviteView, judgeView } from './judge-views';

export const listJudges: UseCase<'admin.judge.list'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const [judges, invites] = await Promise.all([
    ports.db.collection<JudgeDoc>(C.judges).find({ contestId: input.contestId }, { orderBy: [['boundAt', 'asc']] }),
    ports.db
      .collection<JudgeInviteDoc>(C.judgeInvites)
      .find({ contestId: input.contestId }, { orderBy: [['createdAt', 'desc']], limit: 500 }),
  ]);
  const names = new Map(judges.map((j) => [j.openid, j.name]));
  const now = ports.clock.now();
  return {
    judges: judges.map(judgeView),
    invites: invites.map((doc) => inviteView(doc, now, doc.usedBy ? (names.get(doc.usedBy) ?? null) : null)),
  };
};
