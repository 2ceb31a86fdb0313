import { redactNames } from '@core/judging/blind';
import { formatPoints } from '@core/judging/points';
import type { JudgeAssignmentView, JudgeRoundAssignments } from '@core/judging/views';
import {
  C,
  type AssignmentDoc,
  type ContestDoc,
  type RoundDoc,
  type RoundEntryDoc,
  type SessionDoc,
} from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { findByIds } from '../find-by-ids';
import { judgeRoundView, roundEntryId } from './common';
import { listNames, stateOf } from './score-views';

/**
 * 我的评审任务: the caller's assignments per round with progress (已评 3/12). Only the caller's own scores
 * ever leave here; blind review leaves out company and team names.
 */
export const listMyAssignments: UseCase<'judge.assignment.list'> = async (ctx, input, ports) => {
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
    // A live final's scores are given on stage (judge.live), not worked through as a task list.
    if (
      round === undefined ||
      round.mode === 'live' ||
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
      // The home page shows counts only: hundreds of tasks would be downloaded for nothing.
      items: input.items ? items : [],
      done: counted.filter((i) => i.state === 'scored').length,
      total: counted.length,
    });
  }
  return { rounds: out, now: now.toISOString() };
};
