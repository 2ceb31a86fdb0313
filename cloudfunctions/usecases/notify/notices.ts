import { EMPTY_CREDITS, creditsGone, refundCredit, spendCredit } from '@core/notify/credits';
import { SENDING_LEASE_MS, pushOutcome, type PushAnswer, type PushOutcome, type PushState } from '@core/notify/push';
import type { BuiltNotice, NotifyKind } from '@core/notify/templates';
import { nextShanghaiMidnight } from '@core/time/shanghai';
import type { TemplateIds } from '@core/notify/views';
import type { Ports, Tx } from '../../ports';
import { C, noticeId, subscriptionId, type NoticeDoc, type SubscriptionDoc } from '../collections';
import { eachLimited } from '../each-limited';

/**
 * The one way a notification reaches a user: written to their inbox first (natural id, so making it twice makes
 * one), then, if the kind has a template and the user a credit, pushed through WeChat once. Campaigns, automatic
 * reminders and the judges' reminder button all go through here.
 */

export interface NoticeDraft {
  openid: string;
  /** Unique per user for what caused the notice (see NoticeDoc.source); an `id` of the wire (≤ 64, no spaces). */
  source: string;
  notice: BuiltNotice;
  contestId: string | null;
  campaignId?: string | null;
  body?: string | null;
  /** When the push may go; now when absent. */
  dueAt?: string;
}

/** The template each kind is pushed with: the deployment's (ctx.templates), or the one a campaign was sent with. */
export type TemplateOf = TemplateIds | ((kind: NotifyKind) => string | null);

export function noticeDoc(draft: NoticeDraft, templates: TemplateOf, now: string): NoticeDoc {
  const templateId = typeof templates === 'function' ? templates(draft.notice.kind) : templates[draft.notice.kind];
  return {
    _id: noticeId(draft.source, draft.openid),
    openid: draft.openid,
    source: draft.source,
    kind: draft.notice.kind,
    campaignId: draft.campaignId ?? null,
    contestId: draft.contestId,
    title: draft.notice.title,
    lines: draft.notice.lines,
    body: draft.body ?? null,
    page: draft.notice.page,
    templateId,
    data: draft.notice.data,
    createdAt: now,
    readAt: null,
    push: templateId === null ? 'inboxOnly' : 'queued',
    dueAt: draft.dueAt ?? now,
    attempts: 0,
    sendingAt: null,
    pushedAt: null,
    reason: null,
    errCode: null,
  };
}

/** Writes the notices; the ones that exist already are left as they are (a re-run creates nothing new). */
export async function createNotices(
  ports: Ports,
  templates: TemplateOf,
  drafts: readonly NoticeDraft[],
): Promise<{ created: number; ids: string[] }> {
  const now = ports.clock.now().toISOString();
  const docs = drafts.map((d) => noticeDoc(d, templates, now));
  const { created } = await ports.db.collection<NoticeDoc>(C.notices).createMany(docs);
  return { created, ids: docs.map((d) => d._id) };
}

/**
 * Writes one notice inside the transaction of the decision it reports (a review decision, an entry advancing), so
 * there is never one without the other; one that exists already is left as it is. False when it existed.
 */
export async function createNoticeTx(tx: Tx, templates: TemplateOf, draft: NoticeDraft, now: string): Promise<boolean> {
  const doc = noticeDoc(draft, templates, now);
  if ((await tx.get<NoticeDoc>(C.notices, doc._id)) !== null) return false;
  await tx.create<NoticeDoc>(C.notices, doc);
  return true;
}

export type PushResult = PushState | 'skipped' | 'quota';

/**
 * Pushes one queued notice. The credit is spent in the transaction that marks the notice `sending`, before WeChat
 * is called: if this process dies before the answer, the notice stays `sending` and is later counted 未知, never
 * sent again (WeChat has no idempotency key). `skipped`: not due, or another run has it.
 */
export async function pushNotice(ports: Ports, id: string): Promise<{ result: PushResult; outcome?: PushOutcome }> {
  const marked = await ports.db.transaction(async (tx) => {
    const notice = await tx.get<NoticeDoc>(C.notices, id);
    const now = ports.clock.now();
    if (notice?.push === 'inboxOnly') return { notice, sending: false, inboxOnly: true };
    if (notice === null || notice.push !== 'queued' || notice.templateId === null) return null;
    if (Date.parse(notice.dueAt) > now.getTime()) return null;
    const creditId = subscriptionId(notice.openid, notice.templateId);
    const ledger = await tx.get<SubscriptionDoc>(C.subscriptions, creditId);
    const spent = spendCredit(ledger ?? { ...EMPTY_CREDITS });
    // Written even when nothing changes: a subscribe racing this decision then collides instead of being lost.
    await tx.set<SubscriptionDoc>(C.subscriptions, {
      ...(ledger ?? { ...EMPTY_CREDITS, _id: creditId, openid: notice.openid, templateId: notice.templateId }),
      ...spent.state,
      updatedAt: now.toISOString(),
    });
    if (!spent.spent) {
      await tx.update<NoticeDoc>(C.notices, id, { push: 'unsubscribed', pushedAt: now.toISOString() });
      return { notice, sending: false, inboxOnly: false };
    }
    const sendingAt = now.toISOString();
    await tx.update<NoticeDoc>(C.notices, id, { push: 'sending', sendingAt, attempts: notice.attempts + 1 });
    return { notice: { ...notice, sendingAt, attempts: notice.attempts + 1 }, sending: true, inboxOnly: false };
  });
  if (marked === null) return { result: 'skipped' };
  if (!marked.sending) return { result: marked.inboxOnly ? 'inboxOnly' : 'unsubscribed' };

  const { notice } = marked;
  let answer: PushAnswer;
  try {
    answer = await ports.messenger.send({
      toOpenid: notice.openid,
      templateId: notice.templateId ?? '',
      page: notice.page,
      data: notice.data,
    });
  } catch (error) {
    answer = { ok: false, thrown: error instanceof Error ? error.message.slice(0, 200) : 'send failed' };
  }
  const outcome = pushOutcome(answer, notice.attempts);
  if (!answer.ok && !('thrown' in answer) && outcome.state === 'failed') {
    ports.log.error('subscription message refused', { id, errCode: answer.errCode, errMsg: answer.errMsg });
  }
  await settle(ports, notice, outcome);
  const result: PushResult = 'quota' in outcome ? 'quota' : outcome.state;
  return { result, outcome };
}

/** Writes WeChat's answer, only if the notice is still the one this run marked. */
async function settle(ports: Ports, marked: NoticeDoc, outcome: PushOutcome): Promise<void> {
  await ports.db.transaction(async (tx) => {
    const current = await tx.get<NoticeDoc>(C.notices, marked._id);
    if (current === null || current.push !== 'sending' || current.sendingAt !== marked.sendingAt) return;
    const now = ports.clock.now();
    const at = now.toISOString();
    if ('refund' in outcome || 'zeroCredits' in outcome) await adjustCredits(tx, marked, outcome, at);
    switch (outcome.state) {
      case 'sent':
        return tx.update<NoticeDoc>(C.notices, marked._id, { push: 'sent', pushedAt: at, reason: null, errCode: null });
      case 'unsubscribed':
        return tx.update<NoticeDoc>(C.notices, marked._id, { push: 'unsubscribed', pushedAt: at, errCode: 43101 });
      case 'failed':
        return tx.update<NoticeDoc>(C.notices, marked._id, {
          push: 'failed',
          pushedAt: at,
          reason: outcome.reason,
          errCode: outcome.errCode,
        });
      case 'queued': {
        const dueAt = 'quota' in outcome ? nextShanghaiMidnight(now) : new Date(now.getTime() + outcome.retryInMs);
        return tx.update<NoticeDoc>(C.notices, marked._id, {
          push: 'queued',
          sendingAt: null,
          dueAt: dueAt.toISOString(),
          reason: outcome.reason,
        });
      }
    }
  });
}

async function adjustCredits(tx: Tx, notice: NoticeDoc, outcome: PushOutcome, at: string): Promise<void> {
  if (notice.templateId === null) return;
  const creditId = subscriptionId(notice.openid, notice.templateId);
  const ledger = await tx.get<SubscriptionDoc>(C.subscriptions, creditId);
  if (ledger === null) return;
  const next = 'zeroCredits' in outcome ? creditsGone(ledger) : refundCredit(ledger);
  await tx.update<SubscriptionDoc>(C.subscriptions, creditId, { credits: next.credits, updatedAt: at });
}

/** Notices left `sending` by a run that died: counted 未知 and never sent again. */
export async function markInterrupted(ports: Ports, filter: { campaignId?: string } = {}): Promise<number> {
  const before = new Date(ports.clock.now().getTime() - SENDING_LEASE_MS).toISOString();
  return ports.db
    .collection<NoticeDoc>(C.notices)
    .updateWhere(
      { ...filter, push: 'sending', sendingAt: { $lt: before } },
      { push: 'unknown', reason: '发送过程中断，无法确认是否送达' },
    );
}

/** Pushes the given notices now (a few, right after they were made: a reminder button), at most `limit` at once. */
export async function pushNow(ports: Ports, ids: readonly string[], limit = 4): Promise<Record<PushResult, number>> {
  const tally: Record<PushResult, number> = {
    queued: 0,
    sending: 0,
    sent: 0,
    unsubscribed: 0,
    failed: 0,
    unknown: 0,
    inboxOnly: 0,
    skipped: 0,
    quota: 0,
  };
  await eachLimited(ids, limit, async (id) => {
    const { result } = await pushNotice(ports, id);
    tally[result] += 1;
  });
  return tally;
}
