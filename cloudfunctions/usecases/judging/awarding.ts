import { groupLabels, prizeLabels, type Group, type Prize } from '@core/contest/types';
import { AppError, ErrorCode } from '@core/errors';
import { proposeAwards } from '@core/judging/awards';
import { formatPoints } from '@core/judging/points';
import type { AwardCount, RankedEntry } from '@core/judging/types';
import type { AwardsGroupView } from '@core/judging/views';
import { reminderEnabled, reminderSource } from '@core/notify/reminders';
import type { TemplateIds } from '@core/notify/views';
import { nextStatus } from '@core/registration/entry-status';
import { createHash } from 'node:crypto';
import type { Ports } from '../../ports';
import { C, type ContestDoc, type EntryDoc, type RoundDoc, type RoundEntryDoc } from '../collections';
import { eachLimited } from '../each-limited';
import { createNoticeTx } from '../notify/notices';
import { entrantDraft, loadReminderSwitches } from '../notify/reminders';
import { loadContest } from '../registration/common';
import { publishList } from '../results/publish-list';
import { loadRound } from './common';

export const GROUPS: readonly Group[] = ['enterprise', 'maker'];
export const PRIZE_ORDER: readonly Prize[] = ['first', 'second', 'third', 'merit'];

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

export function assertFinal(round: RoundDoc): void {
  if (round.stage !== 'final') throw new AppError(ErrorCode.INVALID_STATE, '只有决赛轮次可以评定奖项');
}

export function groupViews(
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

/** Moves each winner to 获奖 with its 获奖通知 in the same transaction, then publishes the lists. */
export async function applyAwards(ports: Ports, roundId: string, templates: TemplateIds): Promise<void> {
  const round = await loadRound(ports.db, roundId);
  const decision = round.awards;
  if (decision === null || decision.state === 'done') return;
  const contest = await loadContest(ports.db, round.contestId);
  const tell = reminderEnabled(await loadReminderSwitches(ports.db, round.contestId), 'award');
  const group = new Map<string, Group>();
  await eachLimited(decision.prizes, 8, async ({ entryId, prize }) => {
    await ports.db.transaction(async (tx) => {
      const entry = await tx.get<EntryDoc>(C.entries, entryId);
      if (entry === null) return;
      group.set(entryId, entry.group);
      const next = nextStatus(entry.status, 'award');
      if (!next.ok) return;
      const awardName = `${groupLabels[entry.group]}${prizeLabels[prize]}`;
      await tx.set<EntryDoc>(C.entries, {
        ...entry,
        status: next.status,
        statusReason: null,
        history: [...entry.history, { status: next.status, at: decision.at, reason: awardName }],
        updatedAt: decision.at,
      });
      const draft = tell
        ? entrantDraft('award', entry, reminderSource.award(round._id), {
            contestId: round.contestId,
            projectName: entry.projectName,
            awardName,
            contestName: contest.name,
            publishedAt: decision.at,
          })
        : null;
      if (draft !== null) await createNoticeTx(tx, templates, draft, ports.clock.now().toISOString());
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
