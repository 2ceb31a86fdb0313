import { groupLabels, stageLabels } from '@core/contest/types';
import { AppError, ErrorCode } from '@core/errors';
import { previewCutoff } from '@core/judging/cutoff';
import { formatPoints } from '@core/judging/points';
import { type CutoffPreview, type CutoffRule, type RankedEntry } from '@core/judging/types';
import type { CutoffEntryView, CutoffView } from '@core/judging/views';
import { reminderEnabled, reminderSource } from '@core/notify/reminders';
import type { TemplateIds } from '@core/notify/views';
import { nextStatus } from '@core/registration/entry-status';
import stableStringify from 'fast-json-stable-stringify';
import { createHash, randomUUID } from 'node:crypto';
import { type Ports } from '../../ports';
import { C, type EntryDoc, type RoundDoc, type RoundEntryDoc } from '../collections';
import { eachLimited } from '../each-limited';
import { createNoticeTx } from '../notify/notices';
import { entrantDraft, loadReminderSwitches } from '../notify/reminders';
import { queueJob } from '../queue-job';
import { loadContest } from '../registration/common';
import { publishList } from '../results/publish-list';
import { loadRound, stageFlow } from './common';

export const ADVANCE_JOB = 'rounds.advance';
export const API_BUDGET_MS = 8_000;
export const JOB_BUDGET_MS = 35_000;

export function fingerprintOf(preview: CutoffPreview): string {
  const shape = {
    rule: preview.rule,
    admitted: preview.admitted,
    scopes: preview.scopes.map((s) => ({ scope: s.scope, straddling: s.straddling, open: s.open, slots: s.slots })),
  };
  return createHash('sha256').update(stableStringify(shape)).digest('hex').slice(0, 32);
}

export function previewOrFail(ranked: readonly RankedEntry[], rule: CutoffRule): CutoffPreview {
  const preview = previewCutoff(ranked, rule);
  if ('error' in preview) throw new AppError(ErrorCode.INVALID_INPUT, preview.error, { rule: preview.error });
  return preview;
}

export function cutoffView(
  round: RoundDoc,
  preview: CutoffPreview,
  ranked: readonly RankedEntry[],
  entries: RoundEntryDoc[],
): CutoffView {
  const byId = new Map(entries.map((e) => [e.entryId, e]));
  const rankOf = new Map(ranked.map((r) => [r.entryId, r]));
  const kind = preview.rule.kind === 'top' ? 'all' : preview.rule.kind === 'topPerGroup' ? 'group' : 'field';
  const view = (entryId: string): CutoffEntryView => {
    const e = byId.get(entryId);
    const r = rankOf.get(entryId);
    return {
      entryId,
      projectName: e?.projectName ?? '',
      orgName: e?.orgName ?? '',
      group: e?.group ?? 'enterprise',
      field: e?.field ?? '',
      rank: r?.rank ?? 0,
      scopeRank: r ? (kind === 'all' ? r.rank : kind === 'group' ? r.groupRank : r.fieldRank) : 0,
      aggregate: r?.aggregate ? formatPoints(r.aggregate) : null,
    };
  };
  const flow = stageFlow[round.stage];
  const admitted = new Set(preview.admitted);
  const straddling = new Set(preview.straddling);
  const unscored = new Set(preview.unscored);
  const below = ranked.filter(
    (r) => !admitted.has(r.entryId) && !straddling.has(r.entryId) && !unscored.has(r.entryId),
  );
  return {
    rule: preview.rule,
    fingerprint: fingerprintOf(preview),
    scopes: preview.scopes.map((s) => ({
      scope: s.scope,
      label:
        s.kind === 'all'
          ? '全部项目'
          : s.kind === 'group'
            ? (groupLabels[s.scope as 'enterprise' | 'maker'] ?? s.scope)
            : s.scope,
      kind: s.kind,
      entries: s.entries,
      slots: s.slots,
      quota: s.quota === null ? null : s.quota.toFixed(2),
      admitted: s.admitted.length,
      straddling: s.straddling.map(view),
      open: s.open,
    })),
    admitted: preview.admitted.map(view),
    straddling: preview.straddling.map(view),
    out: below.slice(0, 100).map((r) => view(r.entryId)),
    outCount: below.length,
    unscored: preview.unscored.map(view),
    shortOfScores: ranked.filter((r) => r.scoreCount < round.judgesPerEntry).length,
    next: flow.advanceTo
      ? { status: flow.advanceTo, listKind: flow.advanceTo === 'semifinalist' ? 'preliminary' : 'finalist' }
      : null,
  };
}

/**
 * Moves the admitted entries and publishes the list; true when finished, else a cron job continues. Each entry's
 * 晋级通知 is written in the transaction that moves it, so a run that dies midway tells nobody twice.
 */
export async function applyAdvancement(
  ports: Ports,
  roundId: string,
  budgetMs: number,
  templates: TemplateIds,
): Promise<boolean> {
  const started = Date.now();
  const round = await loadRound(ports.db, roundId);
  const decision = round.advancement;
  const target = stageFlow[round.stage].advanceTo;
  if (decision === null || decision.state === 'done' || target === null) return true;
  const step = target === 'semifinalist' ? 'advance' : 'shortlist';
  const entries = ports.db.collection<EntryDoc>(C.entries);
  const contest = await loadContest(ports.db, round.contestId);
  const tell = reminderEnabled(await loadReminderSwitches(ports.db, round.contestId), 'advancement');
  const stageName = stageLabels[target === 'semifinalist' ? 'semifinal' : 'final'];
  const admitted = new Set(decision.admitted);
  // By contest and status rather than a giant $in: the admitted still waiting at the stage they leave.
  const pending = (await entries.find({ contestId: round.contestId, status: stageFlow[round.stage].takes }))
    .map((e) => e._id)
    .filter((id) => admitted.has(id));
  const batches: string[][] = [];
  for (let i = 0; i < pending.length; i += 50) batches.push(pending.slice(i, i + 50));
  let finished = true;
  for (const batch of batches) {
    if (Date.now() - started > budgetMs) {
      finished = false;
      break;
    }
    await eachLimited(batch, 8, async (entryId) => {
      await ports.db.transaction(async (tx) => {
        const entry = await tx.get<EntryDoc>(C.entries, entryId);
        if (entry === null) return;
        const next = nextStatus(entry.status, step);
        // Disqualified (or otherwise moved) since the decision: it stays where it is, the list leaves it out.
        if (!next.ok) return;
        await tx.set<EntryDoc>(C.entries, {
          ...entry,
          status: next.status,
          statusReason: null,
          history: [...entry.history, { status: next.status, at: decision.at, reason: null }],
          updatedAt: decision.at,
        });
        const draft = tell
          ? entrantDraft('advancement', entry, reminderSource.advance(round._id), {
              contestId: round.contestId,
              projectName: entry.projectName,
              stageName,
              contestName: contest.name,
            })
          : null;
        if (draft !== null) await createNoticeTx(tx, templates, draft, ports.clock.now().toISOString());
      });
    });
  }
  if (!finished) {
    await enqueue(ports, round);
    return false;
  }
  const arrived = await entries.find({ contestId: round.contestId, status: target });
  const inList = new Set(arrived.map((e) => e._id));
  const listId = `adv-${createHash('sha256').update(round._id).digest('hex').slice(0, 20)}`;
  await publishList(ports, {
    id: listId,
    contest,
    kind: target === 'semifinalist' ? 'preliminary' : 'finalist',
    entries: decision.admitted.filter((id) => inList.has(id)).map((entryId) => ({ entryId, prize: null })),
    publicityDays: decision.publicityDays,
    publishedBy: decision.by,
  });
  await ports.db.collection<RoundDoc>(C.rounds).update(round._id, {
    advancement: { ...decision, listId, state: 'done' },
    status: 'advanced',
    updatedAt: ports.clock.now().toISOString(),
  });
  return true;
}

async function enqueue(ports: Ports, round: RoundDoc): Promise<void> {
  await queueJob(ports.db, {
    id: `advance:${round._id}:${randomUUID()}`,
    kind: ADVANCE_JOB,
    payload: { roundId: round._id },
    runAt: ports.clock.now().toISOString(),
  });
}

export async function continueAdvancement(
  payload: Record<string, unknown>,
  ports: Ports,
  context: { templates: TemplateIds },
) {
  const roundId = typeof payload.roundId === 'string' ? payload.roundId : null;
  if (roundId === null) throw new Error('rounds.advance needs a roundId');
  const done = await applyAdvancement(ports, roundId, JOB_BUDGET_MS, context.templates);
  // Not finished: applyAdvancement queued the next run (a new job id), this one is done.
  return { finished: done };
}
