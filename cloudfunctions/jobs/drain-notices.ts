import { SENDING_LEASE_MS } from '@core/notify/push';
import { nextShanghaiMidnight } from '@core/time/shanghai';
import type { Ports } from '../ports';
import { C, type NoticeDoc } from '../usecases/collections';
import { markInterrupted, pushNotice, type PushResult } from '../usecases/notify/notices';

export interface DrainOptions {
  /** Stop taking new notices after this long (wall time), so the cron function ends within its timeout. */
  budgetMs: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** Sends started per second at most: WeChat's openapi and the environment's cloud calls are rate limited. */
  perSecond?: number;
  /** Notices read per query. */
  batch?: number;
  /** Only this campaign's recipients (a send-now's first share, inside the organizer's call). */
  campaignId?: string;
  /**
   * When nothing is due, wait within the budget for what comes due soon — a retry's back-off, an interrupted push's
   * lease — instead of leaving it to the next run a minute later (the cron function; not an organizer's call).
   */
  linger?: boolean;
}

/** Time kept back from lingering, to write and return before the budget ends. */
const LINGER_MARGIN_MS = 3_000;
/** Waits per run at most (each ends at a retry or a lease; the budget bounds them too). */
const MAX_LINGERS = 1_000;

export interface DrainReport {
  tally: Record<PushResult, number>;
  /** Notices counted 未知 in this run (found `sending` past the lease). */
  interrupted: number;
  /** True when due notices were left for the next run (budget used up, quota reached). */
  more: boolean;
  stoppedBy: 'done' | 'budget' | 'quota';
}

const emptyTally = (): Record<PushResult, number> => ({
  queued: 0,
  sending: 0,
  sent: 0,
  unsubscribed: 0,
  failed: 0,
  unknown: 0,
  inboxOnly: 0,
  skipped: 0,
  quota: 0,
});

/**
 * One cron run's share of the queued pushes: the due ones in order, a few at a time, at a bounded rate, until the
 * budget is spent (the next run takes the rest). Two overlapping runs may read the same notices; the transaction
 * that marks one `sending` lets only one of them send it.
 */
export async function drainNotices(ports: Ports, options: DrainOptions): Promise<DrainReport> {
  const started = Date.now();
  const concurrency = options.concurrency ?? 16;
  const perSecond = options.perSecond ?? 500;
  const batch = options.batch ?? 500;
  const notices = ports.db.collection<NoticeDoc>(C.notices);
  const tally = emptyTally();
  const scope = options.campaignId === undefined ? {} : { campaignId: options.campaignId };
  let interrupted = await markInterrupted(ports, scope);
  const clockStarted = ports.clock.now().getTime();
  // Wall time, or the clock's when it moves faster (a test's frozen clock moved by waits): a run never simulates
  // more work than its budget would allow.
  const elapsed = () => Math.max(Date.now() - started, ports.clock.now().getTime() - clockStarted);
  const overBudget = () => elapsed() > options.budgetMs;
  let lingers = 0;
  const run: { stoppedBy: DrainReport['stoppedBy'] } = { stoppedBy: 'done' };
  let startedSends = 0;
  /** Config errors already reported: the rest of that template's queue is failed at once, not sent one by one. */
  const brokenTemplates = new Set<string>();

  while (run.stoppedBy === 'done') {
    const due = await notices.find(
      { ...scope, push: 'queued', dueAt: { $lte: ports.clock.now().toISOString() } },
      { orderBy: [['dueAt', 'asc']], limit: batch },
    );
    if (due.length === 0) {
      if (options.linger && lingers < MAX_LINGERS && (await lingerForNext())) {
        lingers += 1;
        interrupted += await markInterrupted(ports, scope);
        continue;
      }
      break;
    }
    let next = 0;
    const worker = async () => {
      while (next < due.length && run.stoppedBy === 'done') {
        if (overBudget()) {
          run.stoppedBy = 'budget';
          return;
        }
        const notice = due[next++] as NoticeDoc;
        if (notice.templateId !== null && brokenTemplates.has(notice.templateId)) continue;
        await pace();
        const { result, outcome } = await pushNotice(ports, notice._id);
        tally[result] += 1;
        if (result === 'quota') run.stoppedBy = 'quota';
        if (outcome?.state === 'failed' && outcome.configError && notice.templateId !== null) {
          brokenTemplates.add(notice.templateId);
          await failTemplate(notice.templateId, outcome.reason, outcome.errCode);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    if (due.length < batch && run.stoppedBy === 'done') {
      // Everything read was handled; one more query finds notices that came due meanwhile (a retry's back-off).
      const left = await notices.count({ ...scope, push: 'queued', dueAt: { $lte: ports.clock.now().toISOString() } });
      if (left === 0 && !options.linger) break;
    }
  }

  if (run.stoppedBy === 'quota') {
    // The day's quota is for the whole mini-program: every queued push waits for tomorrow, without a call each.
    const tomorrow = nextShanghaiMidnight(ports.clock.now()).toISOString();
    await notices.updateWhere(
      { push: 'queued', dueAt: { $lt: tomorrow } },
      { dueAt: tomorrow, reason: '今日消息发送次数已达上限（45009），明日继续发送' },
    );
  }
  const more =
    run.stoppedBy !== 'done' ||
    (await notices.count({ ...scope, push: 'queued', dueAt: { $lte: ports.clock.now().toISOString() } })) > 0;
  return { tally, interrupted, more, stoppedBy: run.stoppedBy };

  /**
   * Waits for the next queued push to come due or the oldest `sending` one's lease to end, if that is within the
   * budget; false when there is nothing to wait for in this run.
   */
  async function lingerForNext(): Promise<boolean> {
    const now = ports.clock.now().getTime();
    const [queued, sending] = await Promise.all([
      notices.find(
        { ...scope, push: 'queued', dueAt: { $gt: new Date(now).toISOString() } },
        { orderBy: [['dueAt', 'asc']], limit: 1 },
      ),
      notices.find({ ...scope, push: 'sending' }, { orderBy: [['sendingAt', 'asc']], limit: 1 }),
    ]);
    const times = [
      queued[0] ? Date.parse(queued[0].dueAt) : Infinity,
      sending[0]?.sendingAt ? Date.parse(sending[0].sendingAt) + SENDING_LEASE_MS : Infinity,
    ];
    // 1 ms past the moment, so the comparisons that follow (dueAt ≤ now, sendingAt < now − lease) hold.
    const wait = Math.max(0, Math.min(...times) - now) + 1;
    if (!Number.isFinite(wait) || elapsed() + wait > options.budgetMs - LINGER_MARGIN_MS) return false;
    await (ports.clock.wait ? ports.clock.wait(wait) : new Promise((resolve) => setTimeout(resolve, wait)));
    return true;
  }

  /** Starts at most `perSecond` sends in each second since the run began. */
  async function pace(): Promise<void> {
    startedSends += 1;
    const earliest = started + ((startedSends - 1) / perSecond) * 1000;
    const wait = earliest - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  async function failTemplate(templateId: string, reason: string, errCode: number | null): Promise<void> {
    ports.log.error('subscription template misconfigured', { templateId, errCode, reason });
    const failed = await notices.updateWhere(
      { push: 'queued', templateId },
      { push: 'failed', reason, errCode, pushedAt: ports.clock.now().toISOString() },
    );
    tally.failed += failed;
  }
}
