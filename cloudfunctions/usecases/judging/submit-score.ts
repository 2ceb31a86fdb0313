import { AppError, ErrorCode } from '@core/errors';
import { roundWindow } from '@core/judging/round-window';
import { checkPoints } from '@core/judging/score-input';
import {
  C,
  assignmentIdFor,
  judgeIdFor,
  type AssignmentDoc,
  type EntryDoc,
  type JudgeDoc,
  type RoundDoc,
  type StoredScore,
} from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertTextsClean } from '../text-check';
import { assertJudgeOf, loadRound } from './common';
import { writeAuditTx } from '../audit';
import { assertJudgeFree } from './conflicts';
import { describeScore, myScoreView } from './score-views';

/**
 * Stores the caller's score of one entry. The assignment document is the score's natural key, so a submit
 * repeated any number of times (same requestId or not) leaves one score; an unchanged resubmit changes
 * nothing, a change is kept with its audit record (before, after, time) in the same transaction. The first
 * score also locks the round's rubric, on the round document, inside that transaction.
 */
export const submitScore: UseCase<'judge.score'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertJudgeOf(ctx.caller.grants, round.contestId);
  const checked = checkPoints(round.rubric, input.points);
  if (!checked.ok) throw new AppError(ErrorCode.INVALID_INPUT, '评分有误，请检查后重试', checked.errors);
  const [judge, entry] = await Promise.all([
    ports.db.collection<JudgeDoc>(C.judges).get(judgeIdFor(round.contestId, openid)),
    ports.db.collection<EntryDoc>(C.entries).get(input.entryId),
    input.comment ? assertTextsClean(ports.contentCheck, openid, { comment: input.comment }) : undefined,
  ]);
  if (entry === null) throw new AppError(ErrorCode.FORBIDDEN, '该项目未分配给您，不能评分');
  await assertJudgeFree(ports.db, round.contestId, openid, entry, judge);
  const now = ports.clock.now();
  const at = now.toISOString();
  const id = assignmentIdFor(round._id, input.entryId, openid);

  return ports.db.transaction(async (tx) => {
    const current = await tx.get<RoundDoc>(C.rounds, round._id);
    if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在');
    if (current.mode === 'live')
      throw new AppError(ErrorCode.INVALID_STATE, '决赛为现场评分：请在主持人开始评分后，在“现场评分”页提交');
    const window = roundWindow(current, now);
    if (window === 'upcoming') throw new AppError(ErrorCode.ROUND_NOT_OPEN);
    if (window === 'closed' || current.status !== 'setup') throw new AppError(ErrorCode.ROUND_CLOSED);
    // The rubric read here is the one the score is checked against: re-check in case it changed since.
    const again = checkPoints(current.rubric, input.points);
    if (!again.ok) throw new AppError(ErrorCode.INVALID_INPUT, '评分表已更新，请刷新后重新打分', again.errors);

    const assignment = await tx.get<AssignmentDoc>(C.assignments, id);
    if (assignment === null) throw new AppError(ErrorCode.FORBIDDEN, '该项目未分配给您，不能评分');
    if (assignment.status === 'recused') throw new AppError(ErrorCode.INVALID_STATE, '您已回避该项目，不能评分');
    const before = assignment.score;
    const same =
      before !== null &&
      before.comment === input.comment &&
      JSON.stringify(Object.entries(before.halves).sort()) === JSON.stringify(Object.entries(again.halves).sort());
    if (same) return { score: myScoreView(before), changed: false };

    const score: StoredScore = {
      halves: again.halves,
      units: again.units,
      comment: input.comment,
      submittedAt: before?.submittedAt ?? at,
      updatedAt: at,
      revision: (before?.revision ?? 0) + 1,
    };
    await tx.set<AssignmentDoc>(C.assignments, { ...assignment, score });
    await writeAuditTx(tx, {
      id: `score:${id}:${score.revision}`,
      contestId: current.contestId,
      roundId: current._id,
      entryId: input.entryId,
      actorOpenid: openid,
      actorName: judge?.name ?? '评委',
      action: 'score',
      before: before ? describeScore(current.rubric, before) : null,
      after: describeScore(current.rubric, score),
      at,
    });
    if (!current.rubricLocked) await tx.update<RoundDoc>(C.rounds, current._id, { rubricLocked: true });
    return { score: myScoreView(score), changed: true };
  });
};
