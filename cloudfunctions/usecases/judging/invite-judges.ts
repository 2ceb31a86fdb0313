import { formatShanghai } from '@core/time/shanghai';
import { DbError } from '../../ports';
import { C, type JudgeInviteDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { actorName } from './common';
import { writeAudit } from '../audit';
import { inviteView, newCode } from './judge-views';

/** Single-use codes for one contest; the 32-letter alphabet makes 8 characters about 10^12 codes. */
export const inviteJudges: UseCase<'admin.judge.invite'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  await loadContest(ports.db, input.contestId);
  const now = ports.clock.now();
  const expiresAt = new Date(now.getTime() + input.validDays * 86400_000).toISOString();
  const invites = ports.db.collection<JudgeInviteDoc>(C.judgeInvites);
  const created: JudgeInviteDoc[] = [];
  while (created.length < input.count) {
    const doc: JudgeInviteDoc = {
      _id: newCode(),
      contestId: input.contestId,
      createdBy: openid,
      createdAt: now.toISOString(),
      expiresAt,
      usedBy: null,
      usedAt: null,
    };
    try {
      await invites.create(doc);
      created.push(doc);
    } catch (error) {
      // A collision with an existing code: draw again.
      if (!(error instanceof DbError && error.code === 'DUPLICATE')) throw error;
    }
  }
  await writeAudit(ports.db, {
    contestId: input.contestId,
    roundId: null,
    actorOpenid: openid,
    actorName: await actorName(ports.db, openid, '组委会'),
    action: 'judge_invite',
    after: `${created.length} 个邀请码，有效至北京时间 ${formatShanghai(expiresAt)}`,
    at: now.toISOString(),
  });
  return { invites: created.map((doc) => inviteView(doc, now, null)) };
};
