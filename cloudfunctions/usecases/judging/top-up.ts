import { AppError, ErrorCode } from '@core/errors';
import { judgeConflicts } from '@core/judging/conflicts';
import { formatPoints } from '@core/judging/points';
import { pickSubstitutes } from '@core/judging/top-up';
import type { Ports } from '../../ports';
import {
  C,
  assignmentIdFor,
  type AssignmentDoc,
  type JudgeDoc,
  type RoundDoc,
  type RoundEntryDoc,
} from '../collections';
import { findByIds } from '../find-by-ids';
import { entryForAssignment, roundEntryId } from './common';
import { writeAuditTx } from '../audit';
import { judgeProfiles } from './conflicts';

/**
 * Steps a judge back from one entry and tops the entry up with another judge, in one transaction: the
 * recusal, the substitute's assignment and the round's load counts change together or not at all.
 * Returns whether a substitute was found (if not, the organizer sees the entry as short of judges).
 */
export async function recuseAndTopUp(
  ports: Ports,
  args: { round: RoundDoc; entryId: string; judgeOpenid: string; reason: string; actorName: string; at: string },
): Promise<boolean> {
  const { round, entryId, judgeOpenid, at } = args;
  const [roundEntry, judges, onEntry] = await Promise.all([
    ports.db.collection<RoundEntryDoc>(C.roundEntries).get(roundEntryId(round._id, entryId)),
    ports.db.collection<JudgeDoc>(C.judges).find({ contestId: round.contestId }),
    ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: round._id, entryId }, { limit: 200 }),
  ]);
  if (roundEntry === null) throw new AppError(ErrorCode.NOT_FOUND, '该项目不在本轮评审中');
  const profiles = await judgeProfiles(ports.db, judges);
  const id = assignmentIdFor(round._id, entryId, judgeOpenid);
  return ports.db.transaction(async (tx) => {
    const current = await tx.get<RoundDoc>(C.rounds, round._id);
    const mine = await tx.get<AssignmentDoc>(C.assignments, id);
    if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在');
    if (mine === null) throw new AppError(ErrorCode.FORBIDDEN, '该项目未分配给您');
    if (mine.status === 'recused') throw new AppError(ErrorCode.INVALID_STATE, '您已回避该项目');
    if (current.status !== 'setup') throw new AppError(ErrorCode.INVALID_STATE, '本轮已确认晋级，不能再回避');
    const active = onEntry.filter((a) => a.status === 'active' && a.judgeOpenid !== judgeOpenid).length;
    const loads = { ...current.loads, [judgeOpenid]: Math.max(0, (current.loads[judgeOpenid] ?? 0) - 1) };
    const substitutes = pickSubstitutes({
      entry: entryForAssignment(roundEntry),
      judges: profiles,
      taken: new Set([...onEntry.map((a) => a.judgeOpenid), judgeOpenid]),
      loads,
      count: Math.max(0, current.judgesPerEntry - active),
      seed: `${round._id}:${entryId}`,
    });
    await tx.set<AssignmentDoc>(C.assignments, {
      ...mine,
      status: 'recused',
      recuseReason: args.reason,
      recusedAt: at,
    });
    for (const substitute of substitutes) {
      await tx.create<AssignmentDoc>(C.assignments, {
        _id: assignmentIdFor(round._id, entryId, substitute),
        roundId: round._id,
        contestId: round.contestId,
        entryId,
        judgeOpenid: substitute,
        status: 'active',
        expert: judges.some((j) => j.openid === substitute && j.expertise.includes(roundEntry.field)),
        sessionKey: mine.sessionKey,
        recuseReason: null,
        recusedAt: null,
        assignedAt: at,
        score: null,
      });
      loads[substitute] = (loads[substitute] ?? 0) + 1;
    }
    await tx.update<RoundDoc>(C.rounds, round._id, {
      loads,
      counts: { ...current.counts, assignments: current.counts.assignments + substitutes.length },
    });
    await writeAuditTx(tx, {
      contestId: round.contestId,
      roundId: round._id,
      entryId,
      actorOpenid: judgeOpenid,
      actorName: args.actorName,
      action: 'recuse',
      before: mine.score ? `已评分，合计 ${formatPoints(mine.score.units)}（不再计入）` : '未评分',
      after:
        substitutes.length > 0
          ? `补充评委：${substitutes.map((s) => judges.find((j) => j.openid === s)?.name ?? '评委').join('、')}`
          : '暂无可补充的评委，请组委会处理',
      reason: args.reason,
      at,
    });
    return substitutes.length > 0;
  });
}

/** After a judge declares new conflicts: their unscored assignments to conflicted entries are recused. */
export async function recuseConflicted(ports: Ports, judge: JudgeDoc, at: string): Promise<number> {
  const rounds = await ports.db
    .collection<RoundDoc>(C.rounds)
    .find({ contestId: judge.contestId, status: 'setup' }, { limit: 10 });
  const [profile] = await judgeProfiles(ports.db, [judge]);
  let recused = 0;
  for (const round of rounds) {
    const mine = await ports.db
      .collection<AssignmentDoc>(C.assignments)
      .find({ roundId: round._id, judgeOpenid: judge.openid, status: 'active', score: null });
    const entries = await findByIds<RoundEntryDoc>(
      ports.db,
      C.roundEntries,
      mine.map((a) => roundEntryId(round._id, a.entryId)),
    );
    for (const assignment of mine) {
      const entry = entries.get(roundEntryId(round._id, assignment.entryId));
      if (entry === undefined || profile === undefined || !judgeConflicts(profile, entryForAssignment(entry))) continue;
      await recuseAndTopUp(ports, {
        round,
        entryId: assignment.entryId,
        judgeOpenid: judge.openid,
        reason: '评委申报了回避单位',
        actorName: judge.name,
        at,
      });
      recused += 1;
    }
  }
  return recused;
}
