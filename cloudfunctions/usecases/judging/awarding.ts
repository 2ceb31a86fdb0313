import { createHash } from 'node:crypto';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import { groupLabels, prizeLabels, type Group, type Prize } from '@core/contest/types';
import { proposeAwards } from '@core/judging/awards';
import { formatPoints } from '@core/judging/points';
import type { AwardCount, RankedEntry } from '@core/judging/types';
import type { AwardsGroupView } from '@core/judging/views';
import { nextStatus } from '@core/registration/entry-status';
import { formatShanghai } from '@core/time/shanghai';
import type { Ports } from '../../ports';
import type { UseCase } from '../context';
import { C, type ContestDoc, type EntryDoc, type RoundDoc, type RoundEntryDoc } from '../collections';
import { assertOrganizerOf } from '../admin/scope';
import { eachLimited } from '../each-limited';
import { loadContest } from '../registration/common';
import { deliverExport } from '../files/deliver-export';
import { publishList } from '../results/publish';
import { actorName, loadRound, requireOpenid, roundView, writeAuditTx } from './common';
import { loadRoundData, rankRound } from './ranking';

const GROUPS: readonly Group[] = ['enterprise', 'maker'];
const PRIZE_ORDER: readonly Prize[] = ['first', 'second', 'third', 'merit'];

/** The contest's award plan as counts; 优胜奖「若干」(null) starts at 0 for the organizer to set. */
export function defaultCounts(contest: ContestDoc): Partial<Record<Group, AwardCount[]>> {
  const out: Partial<Record<Group, AwardCount[]>> = {};
  for (const group of GROUPS) {
    if (!contest.groups.includes(group)) continue;
    const plan = contest.awards[group] ?? [];
    out[group] = PRIZE_ORDER.flatMap((prize) => {
      const item = plan.find((p) => p.prize === prize);
      return item ? [{ prize, count: item.count ?? 0 }] : [];
    });
  }
  return out;
}

function assertFinal(round: RoundDoc): void {
  if (round.stage !== 'final') throw new AppError(ErrorCode.INVALID_STATE, '只有决赛轮次可以评定奖项');
}

function groupViews(
  ranked: readonly RankedEntry[],
  counts: Partial<Record<Group, AwardCount[]>>,
  entries: Map<string, RoundEntryDoc>,
  decided: Map<string, Prize> | null,
): AwardsGroupView[] {
  const proposals = proposeAwards(ranked, counts);
  const rankOf = new Map(ranked.map((r) => [r.entryId, r]));
  return proposals.map((p) => ({
    group: p.group,
    counts: counts[p.group] ?? [],
    items: p.items.map((item) => {
      const e = entries.get(item.entryId);
      const r = rankOf.get(item.entryId);
      return {
        entryId: item.entryId,
        projectName: e?.projectName ?? '',
        orgName: e?.orgName ?? '',
        field: e?.field ?? '',
        rank: item.rank,
        tied: r?.groupTied ?? false,
        aggregate: r?.aggregate ? formatPoints(r.aggregate) : null,
        prize: decided ? (decided.get(item.entryId) ?? null) : item.prize,
      };
    }),
    ties: p.ties,
  }));
}

/** 评定奖项 (proposal): prizes from the final ranking per group; ties across a prize line are flagged. */
export const proposeAwardsUseCase: UseCase<'admin.awards.propose'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertFinal(round);
  const [contest, data] = await Promise.all([loadContest(ports.db, round.contestId), loadRoundData(ports, round)]);
  const counts = { ...defaultCounts(contest), ...(input.counts ?? {}) };
  const ranked = rankRound(round, data);
  const decided = round.awards ? new Map(round.awards.prizes.map((p) => [p.entryId, p.prize])) : null;
  return {
    round: roundView(round, contest.name, ports.clock.now()),
    groups: groupViews(ranked, counts, new Map(data.entries.map((e) => [e.entryId, e])), decided),
  };
};

/**
 * Confirms the awards: the decision and its audit first, then each winner's entry moves to 获奖 (one
 * transaction each), then the 获奖名单 and the national recommendation list are published. A rerun after a
 * crash finishes the same decision.
 */
export const decideAwards: UseCase<'admin.awards.decide'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertFinal(round);
  const contest = await loadContest(ports.db, round.contestId);
  if (round.awards?.state === 'done') throw new AppError(ErrorCode.INVALID_STATE, '本赛事的获奖名单已确认');

  if (round.awards === null) {
    const data = await loadRoundData(ports, round);
    const inRound = new Set(data.entries.map((e) => e.entryId));
    const errors: FieldErrors = {};
    const seen = new Set<string>();
    input.prizes.forEach((p, i) => {
      if (seen.has(p.entryId)) errors[`prizes.${i}.entryId`] = '同一项目不能评两个奖项';
      else if (!inRound.has(p.entryId)) errors[`prizes.${i}.entryId`] = '该项目不在决赛中';
      seen.add(p.entryId);
    });
    const recommend = input.recommend ?? input.prizes.map((p) => p.entryId);
    recommend.forEach((id, i) => {
      if (!inRound.has(id)) errors[`recommend.${i}`] = '该项目不在决赛中';
    });
    if (Object.keys(errors).length > 0)
      throw new AppError(ErrorCode.INVALID_INPUT, '获奖名单中有不能列入的项目', errors);
    const at = ports.clock.now().toISOString();
    const name = await actorName(ports.db, openid, '组委会');
    const names = new Map(data.entries.map((e) => [e.entryId, e]));
    await ports.db.transaction(async (tx) => {
      const current = await tx.get<RoundDoc>(C.rounds, round._id);
      if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在');
      if (current.awards !== null) throw new AppError(ErrorCode.INVALID_STATE, '本赛事的获奖名单已确认');
      await tx.update<RoundDoc>(C.rounds, round._id, {
        awards: {
          at,
          by: openid,
          prizes: input.prizes,
          recommend: [...new Set(recommend)],
          awardsListId: null,
          nationalListId: null,
          publicityDays: input.publicityDays,
          state: 'applying',
        },
        updatedAt: at,
      });
      await writeAuditTx(tx, {
        contestId: round.contestId,
        roundId: round._id,
        actorOpenid: openid,
        actorName: name,
        action: 'award',
        after: input.prizes
          .map((p) => {
            const e = names.get(p.entryId);
            return `${e ? groupLabels[e.group] : ''}${prizeLabels[p.prize]}：${e?.projectName ?? p.entryId}`;
          })
          .join('；'),
        reason: `获奖 ${input.prizes.length} 项，推荐 ${recommend.length} 项`,
        at,
      });
    });
  }
  await applyAwards(ports, round._id);
  const fresh = await loadRound(ports.db, round._id);
  return {
    round: roundView(fresh, contest.name, ports.clock.now()),
    awarded: fresh.awards?.prizes.length ?? 0,
    awardsListId: fresh.awards?.awardsListId ?? '',
    nationalListId: fresh.awards?.nationalListId ?? null,
  };
};

async function applyAwards(ports: Ports, roundId: string): Promise<void> {
  const round = await loadRound(ports.db, roundId);
  const decision = round.awards;
  if (decision === null || decision.state === 'done') return;
  const contest = await loadContest(ports.db, round.contestId);
  const group = new Map<string, Group>();
  await eachLimited(decision.prizes, 8, async ({ entryId, prize }) => {
    await ports.db.transaction(async (tx) => {
      const entry = await tx.get<EntryDoc>(C.entries, entryId);
      if (entry === null) return;
      group.set(entryId, entry.group);
      const next = nextStatus(entry.status, 'award');
      if (!next.ok) return;
      await tx.set<EntryDoc>(C.entries, {
        ...entry,
        status: next.status,
        statusReason: null,
        history: [
          ...entry.history,
          { status: next.status, at: decision.at, reason: `${groupLabels[entry.group]}${prizeLabels[prize]}` },
        ],
        updatedAt: decision.at,
      });
    });
  });
  const hash = (kind: string) => `${kind}-${createHash('sha256').update(round._id).digest('hex').slice(0, 20)}`;
  const rank = (p: Prize) => PRIZE_ORDER.indexOf(p);
  const ordered = [...decision.prizes].sort(
    (a, b) =>
      GROUPS.indexOf(group.get(a.entryId) ?? 'enterprise') - GROUPS.indexOf(group.get(b.entryId) ?? 'enterprise') ||
      rank(a.prize) - rank(b.prize),
  );
  const awardsList = await publishList(ports, {
    id: hash('awd'),
    contest,
    kind: 'awards',
    entries: ordered,
    publicityDays: decision.publicityDays,
    publishedBy: decision.by,
  });
  let nationalListId: string | null = null;
  if (decision.recommend.length > 0) {
    const national = await publishList(ports, {
      id: hash('nat'),
      contest,
      kind: 'national',
      entries: decision.recommend.map((entryId) => ({ entryId, prize: null })),
      publicityDays: decision.publicityDays,
      publishedBy: decision.by,
    });
    nationalListId = national._id;
  }
  await ports.db.collection<RoundDoc>(C.rounds).update(round._id, {
    awards: { ...decision, awardsListId: awardsList._id, nationalListId, state: 'done' },
    status: 'awarded',
    updatedAt: ports.clock.now().toISOString(),
  });
}

/** 获奖名单 and 推荐名单 as one .xlsx with two sheets, after the awards are confirmed. No phone or ID numbers. */
export const exportAwards: UseCase<'admin.awards.export'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertFinal(round);
  const decision = round.awards;
  if (decision === null || decision.state !== 'done') throw new AppError(ErrorCode.INVALID_STATE, '请先确认获奖名单');
  const [contest, data] = await Promise.all([loadContest(ports.db, round.contestId), loadRoundData(ports, round)]);
  const ranked = new Map(rankRound(round, data).map((r) => [r.entryId, r]));
  const entries = new Map(data.entries.map((e) => [e.entryId, e]));
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const awardsRows: Row[] = [
    ['组别', '奖项', '组内名次', '项目名称', '企业名称 / 负责人', '行业领域', '所在区', '决赛得分'].map(bold),
  ];
  const rank = (p: Prize) => PRIZE_ORDER.indexOf(p);
  const sorted = [...decision.prizes].sort((a, b) => {
    const ga = GROUPS.indexOf(entries.get(a.entryId)?.group ?? 'enterprise');
    const gb = GROUPS.indexOf(entries.get(b.entryId)?.group ?? 'enterprise');
    return (
      ga - gb ||
      rank(a.prize) - rank(b.prize) ||
      (ranked.get(a.entryId)?.groupRank ?? 0) - (ranked.get(b.entryId)?.groupRank ?? 0)
    );
  });
  for (const p of sorted) {
    const e = entries.get(p.entryId);
    const r = ranked.get(p.entryId);
    awardsRows.push([
      e ? groupLabels[e.group] : '',
      prizeLabels[p.prize],
      r ? String(r.groupRank) : '',
      e?.projectName ?? '',
      e?.orgName ?? '',
      e?.field ?? '',
      e?.district ?? '',
      r?.aggregate ? formatPoints(r.aggregate) : '',
    ]);
  }
  const nationalRows: Row[] = [['组别', '推荐至', '项目名称', '企业名称 / 负责人', '行业领域', '所在区'].map(bold)];
  for (const id of decision.recommend) {
    const e = entries.get(id);
    nationalRows.push([
      e ? groupLabels[e.group] : '',
      e?.group === 'maker' ? '全国创客组100强' : '全国企业组500强',
      e?.projectName ?? '',
      e?.orgName ?? '',
      e?.field ?? '',
      e?.district ?? '',
    ]);
  }
  const content = await writeXlsxFile([
    { data: awardsRows, sheet: '获奖名单' },
    { data: nationalRows, sheet: '推荐名单' },
  ]).toBuffer();
  const now = ports.clock.now();
  const stamp = formatShanghai(now, 'YYYYMMDD-HHmmss');
  return deliverExport(ports, ctx.caller, {
    name: `awards-${round._id}-${stamp}`,
    fileName: `${contest.name}-获奖名单-${stamp}.xlsx`,
    rows: decision.prizes.length + decision.recommend.length,
    content,
  });
};
