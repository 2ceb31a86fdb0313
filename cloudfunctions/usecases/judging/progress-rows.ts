import { AppError, ErrorCode } from '@core/errors';
import { findDiscrepancies } from '@core/judging/discrepancy';
import { roundWindow } from '@core/judging/round-window';
import { compareFractions, formatPoints } from '@core/judging/points';
import { formatShanghai } from '@core/time/shanghai';
import type { RoundProgress } from '@core/judging/views';
import type { UseCase } from '../context';
import { C, type JudgeDoc, type SessionDoc } from '../collections';
import { assertOrganizerOf } from '../admin/scope';
import { personKey } from '../files/file-links';
import { loadContest } from '../registration/common';
import { actorName, loadRound, requireOpenid, roundView, thresholds, writeAudit } from './common';
import { loadRoundData, type RoundData } from './ranking';
import { sessionView } from './rounds';

const signed = (f: { num: number; den: number }) => (f.num > 0 ? `+${formatPoints(f)}` : formatPoints(f));

function judgeCounts(data: RoundData) {
  const counts = new Map<string, { assigned: number; done: number; recused: number; last: string | null }>();
  const row = (openid: string) => {
    let r = counts.get(openid);
    if (!r) counts.set(openid, (r = { assigned: 0, done: 0, recused: 0, last: null }));
    return r;
  };
  for (const a of data.active) {
    const r = row(a.judgeOpenid);
    r.assigned += 1;
    if (a.score) {
      r.done += 1;
      if (r.last === null || a.score.updatedAt > r.last) r.last = a.score.updatedAt;
    }
  }
  for (const a of data.recused) row(a.judgeOpenid).recused += 1;
  return counts;
}

/** The organizer's dashboard of a round: per judge, per entry, recusals and discrepancy flags. */
export const roundProgress: UseCase<'admin.round.progress'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const [contest, data, judges, sessions] = await Promise.all([
    loadContest(ports.db, round.contestId),
    loadRoundData(ports, round),
    ports.db.collection<JudgeDoc>(C.judges).find({ contestId: round.contestId }),
    ports.db.collection<SessionDoc>(C.sessions).find({ roundId: round._id }, { orderBy: [['key', 'asc']] }),
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

/** WeChat's `thing` fields take at most 20 characters. */
function thing(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`;
}

/**
 * 一键提醒: a subscription message to every judge with scores still to give. A judge who has not
 * subscribed (43101) is counted as refused; nothing is retried automatically (each subscription allows
 * one message, see the notification work).
 */
export const remindJudges: UseCase<'admin.round.remind'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  // A judge reminded after the end could only be refused (ROUND_CLOSED): say so to the organizer instead.
  if (round.status !== 'setup' || roundWindow(round, ports.clock.now()) === 'closed') {
    throw new AppError(ErrorCode.INVALID_STATE, '本轮评分已结束，无需提醒评委');
  }
  const data = await loadRoundData(ports, round);
  const behind = [...judgeCounts(data).entries()].filter(([, c]) => c.done < c.assigned);
  let sent = 0;
  let refused = 0;
  let failed = 0;
  for (const [judgeOpenid, c] of behind) {
    const result = await ports.messenger.send({
      toOpenid: judgeOpenid,
      templateId: ctx.templates.judgeReminder,
      page: `judge/pages/round/index?roundId=${encodeURIComponent(round._id)}`,
      data: {
        thing1: { value: thing(round.name) },
        number2: { value: String(c.assigned - c.done) },
        time3: { value: formatShanghai(round.closesAt, 'YYYY年M月D日 HH:mm') },
        thing4: { value: '请在截止前完成评分' },
      },
    });
    if (result.ok) sent += 1;
    else if (result.errCode === 43101) refused += 1;
    else {
      failed += 1;
      ports.log.error('judge reminder failed', { roundId: round._id, errCode: result.errCode, errMsg: result.errMsg });
    }
  }
  await writeAudit(ports.db, {
    contestId: round.contestId,
    roundId: round._id,
    actorOpenid: openid,
    actorName: await actorName(ports.db, openid, '组委会'),
    action: 'remind',
    after: `提醒 ${behind.length} 位评委：发送成功 ${sent}，未订阅 ${refused}，失败 ${failed}`,
    at: ports.clock.now().toISOString(),
  });
  return { sent, refused, failed, judges: behind.length };
};
