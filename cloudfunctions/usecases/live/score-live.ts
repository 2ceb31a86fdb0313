import { AppError, ErrorCode } from '@core/errors';
import { checkPoints } from '@core/judging/score-input';
import { scoringOpenFor } from '@core/live/machine';
import { writeAuditTx } from '../audit';
import {
  C,
  assignmentIdFor,
  judgeIdFor,
  roundIdOfLive,
  type AssignmentDoc,
  type JudgeDoc,
  type RoundDoc,
  type StoredScore,
} from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { personKey } from '../files/file-links';
import { assertJudgeOf, loadRound } from '../judging/common';
import { describeScore, myScoreView } from '../judging/score-views';
import { assertTextsClean } from '../text-check';
import { appendEventsTx, requireShowTx, revealTx, saveShowTx } from './show';

/**
 * A panel judge's score of the contestant being scored, in one transaction with the show: the score is kept in
 * the judge's assignment of the round (its natural key, so a retried or repeated submit stores one score and the
 * awards flow ranks from the same documents), appended to the log, counted in the progress; the last awaited
 * judge's first score closes scoring and reveals. Refused before 评分, after close and in a frozen group.
 */
export const scoreLive: UseCase<'judge.live.score'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const roundId = roundIdOfLive(input.liveId);
  const round = await loadRound(ports.db, roundId);
  assertJudgeOf(ctx.caller.grants, round.contestId);
  const checked = checkPoints(round.rubric, input.points);
  if (!checked.ok) throw new AppError(ErrorCode.INVALID_INPUT, '评分有误，请检查后重试', checked.errors);
  const [judge] = await Promise.all([
    ports.db.collection<JudgeDoc>(C.judges).get(judgeIdFor(round.contestId, openid)),
    input.comment ? assertTextsClean(ports.contentCheck, openid, { comment: input.comment }) : undefined,
  ]);
  const name = judge?.name ?? '评委';
  const now = ports.clock.now();
  const at = now.toISOString();
  const id = assignmentIdFor(round._id, input.entryId, openid);

  return ports.db.transaction(async (tx) => {
    let show = await requireShowTx(tx, input.liveId);
    if (show.roundId !== round._id) throw new AppError(ErrorCode.NOT_FOUND, '现场决赛尚未设置');
    const slot = scoringOpenFor(show, input.entryId, openid);
    const current = await tx.get<RoundDoc>(C.rounds, round._id);
    if (current === null || current.status !== 'setup') throw new AppError(ErrorCode.ROUND_CLOSED);
    const again = checkPoints(current.rubric, input.points);
    if (!again.ok) throw new AppError(ErrorCode.INVALID_INPUT, '评分表已更新，请刷新后重新打分', again.errors);
    const assignment = await tx.get<AssignmentDoc>(C.assignments, id);
    const before = assignment?.score ?? null;
    const same =
      before !== null &&
      before.comment === input.comment &&
      JSON.stringify(Object.entries(before.halves).sort()) === JSON.stringify(Object.entries(again.halves).sort());
    if (same && slot.scoredBy.includes(openid)) return { score: myScoreView(before), changed: false, revealed: false };

    const score: StoredScore = {
      halves: again.halves,
      units: again.units,
      comment: input.comment,
      submittedAt: before?.submittedAt ?? at,
      updatedAt: at,
      revision: (before?.revision ?? 0) + 1,
    };
    await tx.set<AssignmentDoc>(C.assignments, {
      _id: id,
      roundId: round._id,
      contestId: round.contestId,
      entryId: input.entryId,
      judgeOpenid: openid,
      status: 'active',
      expert: false,
      sessionKey: null,
      recuseReason: null,
      recusedAt: null,
      assignedAt: assignment?.assignedAt ?? at,
      score,
    });
    const first = !slot.scoredBy.includes(openid);
    const scoredBy = first ? [...slot.scoredBy, openid] : slot.scoredBy;
    let next = { ...slot, scoredBy };
    show = { ...show, slots: show.slots.map((s) => (s.entryId === slot.entryId ? next : s)) };
    show = await appendEventsTx(
      tx,
      show,
      { openid, name },
      [
        {
          type: 'score',
          data: {
            entryId: input.entryId,
            position: slot.position,
            judge: personKey(openid),
            halves: again.halves,
            units: again.units,
            revision: score.revision,
            changed: before !== null,
          },
        },
      ],
      at,
    );
    // Only a judge's first score can complete the panel: after a re-opening everyone is already counted, and the
    // host closes when the corrections are in.
    const complete = first && next.eligible.every((o) => scoredBy.includes(o));
    if (complete) {
      next = { ...next, state: 'revealed', reveals: next.reveals + 1 };
      show = { ...show, slots: show.slots.map((s) => (s.entryId === slot.entryId ? next : s)) };
      show = await appendEventsTx(
        tx,
        show,
        { openid, name },
        [
          {
            type: 'control',
            data: {
              command: 'close',
              entryId: slot.entryId,
              position: slot.position,
              state: 'revealed',
              reason: null,
              auto: true,
              scored: scoredBy.length,
              awaited: next.eligible.length,
            },
          },
        ],
        at,
      );
      show = await revealTx(tx, show, next, { openid, name }, ctx.liveSigner, at);
    }
    await writeAuditTx(tx, {
      id: `score:${id}:${score.revision}`,
      contestId: round.contestId,
      roundId: round._id,
      entryId: input.entryId,
      actorOpenid: openid,
      actorName: name,
      action: 'score',
      before: before ? describeScore(current.rubric, before) : null,
      after: describeScore(current.rubric, score),
      at,
    });
    if (!current.rubricLocked) await tx.update<RoundDoc>(C.rounds, current._id, { rubricLocked: true });
    await saveShowTx(tx, show, at);
    return { score: myScoreView(score), changed: true, revealed: complete };
  });
};
