import { createHash, randomUUID } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { AppError, ErrorCode } from '@core/errors';
import { groupLabels } from '@core/contest/types';
import { previewCutoff, resolveCutoff } from '@core/judging/cutoff';
import { formatPoints } from '@core/judging/points';
import {
  cutoffRuleText,
  type CutoffPreview,
  type CutoffRule,
  type Fraction,
  type RankedEntry,
} from '@core/judging/types';
import type { CutoffEntryView, CutoffView } from '@core/judging/views';
import { nextStatus } from '@core/registration/entry-status';
import { DbError, type Ports } from '../../ports';
import type { UseCase } from '../context';
import { C, type EntryDoc, type JobDoc, type RoundDoc, type RoundEntryDoc } from '../collections';
import { assertOrganizerOf } from '../admin/scope';
import { eachLimited } from '../each-limited';
import { loadContest } from '../registration/common';
import { publishList } from '../results/publish';
import { actorName, loadRound, requireOpenid, roundView, stageFlow, writeAuditTx } from './common';
import { loadRoundData, rankRound } from './ranking';

export const ADVANCE_JOB = 'rounds.advance';
const API_BUDGET_MS = 8_000;
const JOB_BUDGET_MS = 35_000;

function fingerprintOf(preview: CutoffPreview): string {
  const shape = {
    rule: preview.rule,
    admitted: preview.admitted,
    scopes: preview.scopes.map((s) => ({ scope: s.scope, straddling: s.straddling, open: s.open, slots: s.slots })),
  };
  return createHash('sha256').update(stableStringify(shape)).digest('hex').slice(0, 32);
}

function previewOrFail(ranked: readonly RankedEntry[], rule: CutoffRule): CutoffPreview {
  const preview = previewCutoff(ranked, rule);
  if ('error' in preview) throw new AppError(ErrorCode.INVALID_INPUT, preview.error, { rule: preview.error });
  return preview;
}

function cutoffView(
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
    next: flow.advanceTo
      ? { status: flow.advanceTo, listKind: flow.advanceTo === 'semifinalist' ? 'preliminary' : 'finalist' }
      : null,
  };
}

/** 晋级预览: who is in, who is out and who is tied across the cut-off; nothing changes. */
export const cutoffPreview: UseCase<'admin.round.cutoff'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const [contest, data] = await Promise.all([loadContest(ports.db, round.contestId), loadRoundData(ports, round)]);
  const ranked = rankRound(round, data);
  const preview = previewOrFail(ranked, input.rule);
  return {
    round: roundView(round, contest.name, ports.clock.now()),
    preview: cutoffView(round, preview, ranked, data.entries),
  };
};

/**
 * Confirms a cut-off: the decision (rule, admitted entries, their aggregates for the next round's
 * tie-break) is written first with its audit record, then the entries move to the next stage one
 * transaction each, then the list is published. A crash or timeout anywhere leaves the decision in place
 * and the cron function (or the organizer's retry) finishes the same list; a preview that no longer
 * matches the scores is refused (CUTOFF_CHANGED).
 */
export const advanceRound: UseCase<'admin.round.advance'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const flow = stageFlow[round.stage];
  if (flow.advanceTo === null)
    throw new AppError(ErrorCode.INVALID_STATE, '决赛不设晋级，请在“评定奖项”中确认获奖名单');
  const contest = await loadContest(ports.db, round.contestId);

  if (round.advancement === null) {
    const data = await loadRoundData(ports, round);
    const ranked = rankRound(round, data);
    const preview = previewOrFail(ranked, input.rule);
    if (fingerprintOf(preview) !== input.fingerprint) throw new AppError(ErrorCode.CUTOFF_CHANGED);
    const resolved = resolveCutoff(preview, input.chosen);
    if (!resolved.ok) throw new AppError(ErrorCode.INVALID_INPUT, resolved.reason, { chosen: resolved.reason });
    const aggregates = new Map(ranked.map((r) => [r.entryId, r.aggregate]));
    const carry: Record<string, Fraction> = {};
    for (const id of resolved.admitted) {
      const value = aggregates.get(id);
      if (value) carry[id] = value;
    }
    const at = ports.clock.now().toISOString();
    const name = await actorName(ports.db, openid, '组委会');
    const names = new Map(data.entries.map((e) => [e.entryId, e.projectName]));
    await ports.db.transaction(async (tx) => {
      const current = await tx.get<RoundDoc>(C.rounds, round._id);
      if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在');
      if (current.advancement !== null) throw new AppError(ErrorCode.INVALID_STATE, '本轮晋级名单已确认');
      await tx.update<RoundDoc>(C.rounds, round._id, {
        advancement: {
          at,
          by: openid,
          rule: input.rule,
          admitted: resolved.admitted,
          carry,
          listId: null,
          state: 'applying',
          publicityDays: input.publicityDays,
        },
        updatedAt: at,
      });
      await writeAuditTx(tx, {
        contestId: round.contestId,
        roundId: round._id,
        actorOpenid: openid,
        actorName: name,
        action: 'advance',
        before: `预览：确定 ${preview.admitted.length} 个，并列待定 ${preview.straddling.length} 个，未晋级 ${preview.out.length} 个`,
        after: `规则：${cutoffRuleText(input.rule)}；晋级 ${resolved.admitted.length} 个项目${
          input.chosen.length > 0 ? `；并列中选定：${input.chosen.map((id) => names.get(id) ?? id).join('、')}` : ''
        }`,
        reason: `晋级名单：${resolved.admitted.map((id) => names.get(id) ?? id).join('、')}`,
        at,
      });
    });
  } else if (round.advancement.state === 'done') {
    throw new AppError(ErrorCode.INVALID_STATE, '本轮晋级名单已确认');
  }
  const done = await applyAdvancement(ports, round._id, API_BUDGET_MS);
  const fresh = await loadRound(ports.db, round._id);
  return {
    round: roundView(fresh, contest.name, ports.clock.now()),
    advanced: fresh.advancement?.admitted.length ?? 0,
    listId: done ? (fresh.advancement?.listId ?? '') : '',
  };
};

/** Moves the admitted entries and publishes the list; true when finished, else a cron job continues. */
export async function applyAdvancement(ports: Ports, roundId: string, budgetMs: number): Promise<boolean> {
  const started = Date.now();
  const round = await loadRound(ports.db, roundId);
  const decision = round.advancement;
  const target = stageFlow[round.stage].advanceTo;
  if (decision === null || decision.state === 'done' || target === null) return true;
  const step = target === 'semifinalist' ? 'advance' : 'shortlist';
  const entries = ports.db.collection<EntryDoc>(C.entries);
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
      });
    });
  }
  if (!finished) {
    await enqueue(ports, round);
    return false;
  }
  const contest = await loadContest(ports.db, round.contestId);
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
  const now = ports.clock.now().toISOString();
  try {
    await ports.db.collection<JobDoc>(C.jobs).create({
      _id: `advance:${round._id}:${randomUUID()}`,
      kind: ADVANCE_JOB,
      status: 'pending',
      runAt: now,
      everySeconds: null,
      payload: { roundId: round._id },
      attempts: 0,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      lastRunAt: null,
      createdAt: now,
      updatedAt: now,
    });
  } catch (error) {
    if (!(error instanceof DbError && error.code === 'DUPLICATE')) throw error;
  }
}

export async function continueAdvancement(payload: Record<string, unknown>, ports: Ports) {
  const roundId = typeof payload.roundId === 'string' ? payload.roundId : null;
  if (roundId === null) throw new Error('rounds.advance needs a roundId');
  const done = await applyAdvancement(ports, roundId, JOB_BUDGET_MS);
  // Not finished: applyAdvancement queued the next run (a new job id), this one is done.
  return { finished: done };
}
