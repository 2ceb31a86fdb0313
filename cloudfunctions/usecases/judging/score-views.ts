import { AppError, ErrorCode } from '@core/errors';
import { groupLabels } from '@core/contest/types';
import { formatPoints } from '@core/judging/points';
import { roundWindow } from '@core/judging/round-window';
import { checkPoints } from '@core/judging/score-input';
import { blindNames, redactNames } from '@core/judging/blind';
import type { Rubric } from '@core/judging/types';
import type { JudgeAssignmentView, JudgeRoundAssignments, MyScoreView } from '@core/judging/views';
import type { UseCase } from '../context';
import {
  C,
  assignmentIdFor,
  judgeIdFor,
  type AssignmentDoc,
  type ContestDoc,
  type EntryDoc,
  type JudgeDoc,
  type RoundDoc,
  type RoundEntryDoc,
  type SessionDoc,
  type StoredScore,
} from '../collections';
import { findByIds } from '../find-by-ids';
import { entryFilesAccess, signedLink } from '../files/file-links';
import { assertJudgeFree } from './conflicts';
import { assertTextsClean } from '../registration/common';
import { assertJudgeOf, judgeRoundView, loadRound, requireOpenid, roundEntryId, writeAuditTx } from './common';

const LINK_SECONDS = 10 * 60;

function myScoreView(score: StoredScore): MyScoreView {
  return {
    points: Object.fromEntries(Object.entries(score.halves).map(([key, halves]) => [key, halves / 2])),
    comment: score.comment,
    total: formatPoints(score.units),
    submittedAt: score.submittedAt,
    updatedAt: score.updatedAt,
    revision: score.revision,
  };
}

/** 技术创新性 27.5，商业模式 18，… 合计 86.50；评语：… — how an audit record reads to organizers. */
function describeScore(rubric: Rubric, score: Pick<StoredScore, 'halves' | 'units' | 'comment'>): string {
  const parts = rubric.criteria.map((c) => `${c.name} ${(score.halves[c.key] ?? 0) / 2}`);
  return `${parts.join('，')}；合计 ${formatPoints(score.units)}${score.comment ? `；评语：${score.comment}` : ''}`;
}

function stateOf(a: AssignmentDoc): JudgeAssignmentView['state'] {
  return a.status === 'recused' ? 'recused' : a.score !== null ? 'scored' : 'pending';
}

/**
 * A task list shows only the project name; under blind review the names of its company (or, for a maker,
 * the leader: the round entry keeps one name) come out of it, as in the entry itself.
 */
function listNames(orgName: string): string[] {
  return blindNames({ orgName, form: { group: 'enterprise', companyName: orgName } });
}

/** The caller's assignment, or FORBIDDEN: a judge sees only entries assigned to them. */
async function myAssignment(
  ports: Parameters<UseCase<'judge.entry'>>[2],
  roundId: string,
  entryId: string,
  openid: string,
) {
  const assignment = await ports.db
    .collection<AssignmentDoc>(C.assignments)
    .get(assignmentIdFor(roundId, entryId, openid));
  if (assignment === null) throw new AppError(ErrorCode.FORBIDDEN, '该项目未分配给您，不能查看或评分');
  return assignment;
}

/**
 * 我的评审任务: the caller's assignments per round with progress (已评 3/12). Only the caller's own scores
 * ever leave here; blind review leaves out company and team names.
 */
export const myAssignments: UseCase<'judge.assignments'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const filter = input.roundId ? { judgeOpenid: openid, roundId: input.roundId } : { judgeOpenid: openid };
  const mine = await ports.db
    .collection<AssignmentDoc>(C.assignments)
    .find(filter, { orderBy: [['assignedAt', 'asc']] });
  const roundIds = [...new Set(mine.map((a) => a.roundId))];
  const [rounds, entries] = await Promise.all([
    findByIds<RoundDoc>(ports.db, C.rounds, roundIds),
    findByIds<RoundEntryDoc>(
      ports.db,
      C.roundEntries,
      mine.map((a) => roundEntryId(a.roundId, a.entryId)),
    ),
  ]);
  const [contests, sessions] = await Promise.all([
    findByIds<ContestDoc>(
      ports.db,
      C.contests,
      [...rounds.values()].map((r) => r.contestId),
    ),
    findByIds<SessionDoc>(
      ports.db,
      C.sessions,
      mine.flatMap((a) => (a.sessionKey ? [`${a.roundId}:${a.sessionKey}`] : [])),
    ),
  ]);
  const now = ports.clock.now();
  const out: JudgeRoundAssignments[] = [];
  for (const roundId of roundIds) {
    const round = rounds.get(roundId);
    // Grants are per contest: a judge removed from a contest no longer sees its rounds.
    if (
      round === undefined ||
      !ctx.caller.grants.some((g) => g.role === 'judge' && (g.contestId === null || g.contestId === round.contestId))
    )
      continue;
    const items = mine
      .filter((a) => a.roundId === roundId)
      .flatMap((a): JudgeAssignmentView[] => {
        const entry = entries.get(roundEntryId(roundId, a.entryId));
        if (entry === undefined || entry.out) return [];
        const session = a.sessionKey ? sessions.get(`${roundId}:${a.sessionKey}`) : undefined;
        return [
          {
            roundId,
            entryId: a.entryId,
            projectName: round.blind ? redactNames(entry.projectName, listNames(entry.orgName)) : entry.projectName,
            group: entry.group,
            field: entry.field,
            district: entry.district,
            orgName: round.blind ? null : entry.orgName,
            state: stateOf(a),
            total: a.score ? formatPoints(a.score.units) : null,
            updatedAt: a.score?.updatedAt ?? null,
            session: session ? { place: session.place, startsAt: session.startsAt } : null,
          },
        ];
      });
    const counted = items.filter((i) => i.state !== 'recused');
    out.push({
      round: judgeRoundView(round, contests.get(round.contestId)?.name ?? '', now),
      items,
      done: counted.filter((i) => i.state === 'scored').length,
      total: counted.length,
    });
  }
  return { rounds: out, now: now.toISOString() };
};

/** One assigned entry's materials with blind review applied, the rubric, and the caller's own score. */
export const judgeEntry: UseCase<'judge.entry'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertJudgeOf(ctx.caller.grants, round.contestId);
  const assignment = await myAssignment(ports, round._id, input.entryId, openid);
  if (assignment.status === 'recused') throw new AppError(ErrorCode.FORBIDDEN, '您已回避该项目，不能再查看材料');
  const [entry, contest] = await Promise.all([
    ports.db.collection<EntryDoc>(C.entries).get(input.entryId),
    ports.db.collection<ContestDoc>(C.contests).get(round.contestId),
  ]);
  if (entry === null) throw new AppError(ErrorCode.NOT_FOUND, '项目不存在');
  // The same rule that decides who may have the plan's link decides who may read the entry at all.
  const access = await entryFilesAccess(ports, ctx.caller, entry, { assignment, asJudge: true });
  if (!access.ok) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      access.reason === 'conflict' ? '您与该项目存在回避关系，不能查看或评分' : '该项目未分配给您，不能查看或评分',
    );
  }
  const now = ports.clock.now();
  const form = entry.form;
  const blind = round.blind;
  const names = blindNames(entry);
  const shown = (text: string) => (blind ? redactNames(text, names) : text);
  const facts: Array<{ label: string; value: string }> = [{ label: '组别', value: groupLabels[entry.group] }];
  if (form.group === 'enterprise') {
    if (form.foundedOn) facts.push({ label: '成立日期', value: form.foundedOn });
    if (form.employees !== undefined) facts.push({ label: '员工人数', value: `${form.employees} 人` });
    if (form.revenue !== undefined) facts.push({ label: '上年营业收入', value: `${form.revenue} 万元` });
    if (form.team) facts.push({ label: '团队情况', value: shown(form.team) });
  } else {
    const members = form.members ?? [];
    if (members.length > 0) {
      facts.push({
        label: '团队成员',
        value: members.map((m, i) => (blind ? `成员${i + 1}：${m.role}` : `${m.name}（${m.role}）`)).join('；'),
      });
    }
  }
  const plan = form.businessPlan;
  const businessPlan = plan
    ? {
        name: blind ? '商业计划书.pdf' : plan.name,
        size: plan.size,
        url: await signedLink(ports, ctx.caller, plan.fileId, LINK_SECONDS, { grant: access.grant }),
        expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString(),
      }
    : null;
  return {
    entry: {
      round: judgeRoundView(round, contest?.name ?? '', now),
      entryId: entry._id,
      projectName: shown(entry.projectName),
      group: entry.group,
      field: entry.field,
      district: entry.district,
      orgName: blind ? null : entry.orgName,
      summary: shown(form.summary ?? ''),
      highlights: shown(form.highlights ?? ''),
      facts,
      businessPlan,
      state: stateOf(assignment),
      myScore: assignment.score ? myScoreView(assignment.score) : null,
    },
    now: now.toISOString(),
  };
};

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
  await assertJudgeFree(ports.db, round.contestId, openid, entry);
  const now = ports.clock.now();
  const at = now.toISOString();
  const id = assignmentIdFor(round._id, input.entryId, openid);

  return ports.db.transaction(async (tx) => {
    const current = await tx.get<RoundDoc>(C.rounds, round._id);
    if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在');
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
