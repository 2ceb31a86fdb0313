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
}

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
  const interrupted = await markInterrupted(ports, scope);
  const overBudget = () => Date.now() - started > options.budgetMs;
  const run: { stoppedBy: DrainReport['stoppedBy'] } = { stoppedBy: 'done' };
  let startedSends = 0;
  /** Config errors already reported: the rest of that template's queue is failed at once, not sent one by one. */
  const brokenTemplates = new Set<string>();

  while (run.stoppedBy === 'done') {
    const due = await notices.find(
      { ...scope, push: 'queued', dueAt: { $lte: ports.clock.now().toISOString() } },
      { orderBy: [['dueAt', 'asc']], limit: batch },
    );
    if (due.length === 0) break;
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
      if (left === 0) break;
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
