import { AppError, ErrorCode } from '@core/errors';
import { C, judgeIdFor, roleGrantId, type JudgeDoc, type JudgeInviteDoc, type RoleGrantDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertTextsClean } from '../text-check';

import { writeAuditTx } from '../audit';
import { conflictText, expertiseErrors, inviteProblem, judgeView } from './judge-views';

/**
 * Binds the caller as a judge of the invite's contest: the invite is spent, the judge grant and the profile
 * (with declared conflicts) written, all in one transaction, so a code can't bind two people.
 */
export const bindJudge: UseCase<'judge.bind'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const now = ports.clock.now();
  const invites = ports.db.collection<JudgeInviteDoc>(C.judgeInvites);
  const invite = await invites.get(input.code);
  const problem = inviteProblem(invite, openid, now);
  if (problem !== null || invite === null) throw new AppError(ErrorCode.INVITE_INVALID, problem ?? undefined);
  const contest = await loadContest(ports.db, invite.contestId);
  const errors = expertiseErrors(contest, input.expertise);
  if (Object.keys(errors).length > 0) throw new AppError(ErrorCode.INVALID_INPUT, undefined, errors);
  await assertTextsClean(ports.contentCheck, openid, {
    name: input.name,
    organization: input.organization,
    title: input.title,
    ...Object.fromEntries(input.conflicts.names.map((n, i) => [`conflicts.names.${i}`, n])),
  });
  const at = now.toISOString();
  const judge = await ports.db.transaction(async (tx) => {
    const current = await tx.get<JudgeInviteDoc>(C.judgeInvites, invite._id);
    const again = inviteProblem(current, openid, now);
    if (again !== null || current === null) throw new AppError(ErrorCode.INVITE_INVALID, again ?? undefined);
    const existing = await tx.get<JudgeDoc>(C.judges, judgeIdFor(contest._id, openid));
    if (existing !== null && existing.inviteCode !== current._id) {
      throw new AppError(ErrorCode.INVALID_STATE, `您已是「${contest.name}」的评委，无需再次绑定`);
    }
    const doc: JudgeDoc = {
      _id: judgeIdFor(contest._id, openid),
      contestId: contest._id,
      openid,
      name: input.name,
      organization: input.organization,
      title: input.title,
      expertise: input.expertise,
      conflicts: { names: input.conflicts.names, creditCodes: input.conflicts.creditCodes },
      inviteCode: current._id,
      boundAt: existing?.boundAt ?? at,
      updatedAt: at,
    };
    await tx.update<JudgeInviteDoc>(C.judgeInvites, current._id, { usedBy: openid, usedAt: current.usedAt ?? at });
    await tx.set<RoleGrantDoc>(C.roles, {
      _id: roleGrantId(openid, 'judge', contest._id),
      openid,
      role: 'judge',
      contestId: contest._id,
      createdAt: at,
    });
    await tx.set<JudgeDoc>(C.judges, doc);
    // Bound again with the same code (a retry, or an edit): the binding's record exists already.
    const auditId = `judge_bind:${current._id}`;
    if ((await tx.get(C.audits, auditId)) === null) {
      await writeAuditTx(tx, {
        id: auditId,
        contestId: contest._id,
        roundId: null,
        actorOpenid: openid,
        actorName: input.name,
        action: 'judge_bind',
        after: `${doc.name}（${doc.organization}）${conflictText(doc.conflicts)}`,
        at,
      });
    }
    return doc;
  });
  return { contestId: contest._id, contestName: contest.name, judge: judgeView(judge) };
};
