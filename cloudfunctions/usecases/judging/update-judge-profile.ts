import { AppError, ErrorCode } from '@core/errors';
import { C, judgeIdFor, type JudgeDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertTextsClean } from '../text-check';
import { assertJudgeOf } from './common';
import { writeAuditTx } from '../audit';
import { conflictText, expertiseErrors, judgeView } from './judge-views';
import { recuseConflicted } from './top-up';

/**
 * A judge edits their profile; newly declared conflicts take effect at once: pending assignments to a
 * conflicted entry are recused and topped up with another judge.
 */
export const updateJudgeProfile: UseCase<'judge.profile.update'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  assertJudgeOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  const errors = expertiseErrors(contest, input.expertise);
  if (Object.keys(errors).length > 0) throw new AppError(ErrorCode.INVALID_INPUT, undefined, errors);
  await assertTextsClean(ports.contentCheck, openid, {
    name: input.name,
    organization: input.organization,
    title: input.title,
    ...Object.fromEntries(input.conflicts.names.map((n, i) => [`conflicts.names.${i}`, n])),
  });
  const at = ports.clock.now().toISOString();
  const id = judgeIdFor(contest._id, openid);
  const saved = await ports.db.transaction(async (tx) => {
    const current = await tx.get<JudgeDoc>(C.judges, id);
    if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '没有找到您在该赛事的评委资料');
    const next: JudgeDoc = {
      ...current,
      name: input.name,
      organization: input.organization,
      title: input.title,
      expertise: input.expertise,
      conflicts: { names: input.conflicts.names, creditCodes: input.conflicts.creditCodes },
      updatedAt: at,
    };
    await tx.set<JudgeDoc>(C.judges, next);
    await writeAuditTx(tx, {
      contestId: contest._id,
      roundId: null,
      actorOpenid: openid,
      actorName: input.name,
      action: 'judge_profile',
      before: `擅长：${current.expertise.join('、')}；${conflictText(current.conflicts)}`,
      after: `擅长：${next.expertise.join('、')}；${conflictText(next.conflicts)}`,
      at,
    });
    return next;
  });
  await recuseConflicted(ports, saved, at);
  return { judge: judgeView(saved) };
};
