import { findDiscrepancies } from '@core/judging/discrepancy';
import { compareFractions, formatPoints } from '@core/judging/points';
import type { RoundProgress } from '@core/judging/views';
import { C, type JudgeDoc, type SessionDoc } from '../collections';
import type { UseCase } from '../context';
import { personKey } from '../files/file-links';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { loadRound, roundView, thresholds } from './common';
import { judgeCounts, signed } from './progress-rows';
import { loadRoundData } from './round-data';
import { sessionView } from './round-views';

/** The organizer's dashboard of a round: per judge, per entry, recusals and discrepancy flags. */
export const getRoundProgress: UseCase<'admin.round.progress'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const [contest, data, judges, sessions] = await Promise.all([
    loadContest(ports.db, round.contestId),
    loadRoundData(ports, round),
    ports.db.collection<JudgeDoc>(C.judges).find({ contestId: round.contestId }),
    // Only panel rounds have sessions (assignment writes them): an online round skips the query.
    round.mode === 'panels'
      ? ports.db.collection<SessionDoc>(C.sessions).find({ roundId: round._id }, { orderBy: [['key', 'asc']] })
      : Promise.resolve<SessionDoc[]>([]),
  ]);
  const t = thresholds(round);
  const names = new Map(judges.map((j) => [j.openid, j]));
  const projects = new Map(data.entries.map((e) => [e.entryId, e.projectName]));
  const flags = findDiscrepancies({
    scores: data.active.flatMap((a) =>
      a.score ? [{ entryId: a.entryId, judgeId: a.judgeOpenid, units: a.score.units }] : [],
    ),
    scoreGapUnits: t.scoreGapUnits,
    judgeBiasUnits: t.judgeBiasUnits,
  });
  const bias = new Map(flags.judges.map((j) => [j.judgeId, j]));
  const counts = judgeCounts(data);
  const limit = { num: t.judgeBiasUnits, den: 1 };

  const perEntry = new Map<string, { judges: number; scores: number }>();
  for (const e of data.entries) perEntry.set(e.entryId, { judges: 0, scores: 0 });
  for (const a of data.active) {
    const r = perEntry.get(a.entryId);
    if (!r) continue;
    r.judges += 1;
    if (a.score) r.scores += 1;
  }
  const k = round.judgesPerEntry;
  const byScores: number[] = [];
  let complete = 0;
  for (const r of perEntry.values()) {
    byScores[r.scores] = (byScores[r.scores] ?? 0) + 1;
    if (r.scores >= k) complete += 1;
  }
  const tooFew = [...perEntry.entries()]
    .filter(([, r]) => r.scores < k)
    .sort((a, b) => a[1].judges - b[1].judges || a[1].scores - b[1].scores || a[0].localeCompare(b[0]));

  const progress: RoundProgress = {
    round: roundView(round, contest.name, ports.clock.now()),
    judges: judges
      .map((j) => {
        const c = counts.get(j.openid) ?? { assigned: 0, done: 0, recused: 0, last: null };
        const b = bias.get(j.openid);
        const abs = b ? { num: Math.abs(b.bias.num), den: b.bias.den } : null;
        return {
          key: personKey(j.openid),
          name: j.name,
          organization: j.organization,
          assigned: c.assigned,
          done: c.done,
          recused: c.recused,
          behind: c.done < c.assigned,
          bias: b ? signed(b.bias) : null,
          biasFlagged: abs !== null && compareFractions(abs, limit) > 0,
          lastScoredAt: c.last,
        };
      })
      .sort(
        (a, b) =>
          a.done / Math.max(1, a.assigned) - b.done / Math.max(1, b.assigned) || a.name.localeCompare(b.name, 'zh-CN'),
      ),
    entries: { total: data.entries.length, complete, byScores: Array.from(byScores, (n) => n ?? 0) },
    tooFew: tooFew.slice(0, 200).map(([entryId, r]) => ({
      entryId,
      projectName: projects.get(entryId) ?? '',
      judges: r.judges,
      scores: r.scores,
    })),
    tooFewCount: tooFew.length,
    recusals: data.recused
      .map((a) => ({
        entryId: a.entryId,
        projectName: projects.get(a.entryId) ?? '',
        judgeName: names.get(a.judgeOpenid)?.name ?? '评委',
        reason: a.recuseReason ?? '',
        at: a.recusedAt ?? '',
      }))
      .sort((a, b) => b.at.localeCompare(a.at))
      // Newest first, and few enough to keep the answer far below the 1 MB function result limit.
      .slice(0, 200),
    flags: flags.scores.slice(0, 200).map((f) => ({
      entryId: f.entryId,
      projectName: projects.get(f.entryId) ?? '',
      judgeName: names.get(f.judgeId)?.name ?? '评委',
      total: formatPoints(f.units),
      median: formatPoints(f.median),
      gap: signed(f.gap),
    })),
    sessions: sessions.map(sessionView),
  };
  return progress;
};
