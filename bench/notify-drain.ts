/**
 * The cron drain of WeChat pushes under a crash: N recipients (80 % with one subscription credit, on the
 * platform's ledger and on the WeChat stand-in's own count, 20 % with none), one announcement notice each, the
 * stand-in answering in 50 ms with 5 % transient faults (-1 系统繁忙 or a timeout). A cron process
 * (bench/notify-drain-worker.ts) runs cron ticks on the same SQLite file; this process watches the notices and
 * SIGKILLs it when half of them are in a final state, then starts a new one that runs ticks until nothing is
 * queued or sending. Production time between runs (a 1-minute trigger) is simulated by the worker's clock.
 *
 * Prints messages/s, the cron runs needed (the killed one counts) against the target of 2, the final states
 * (sent + 未订阅 + failed + 未知 (+ 仅站内) = N) and duplicates: messages the stand-in delivered more than once to the
 * same recipient for the same notice. Returns how many of the must-be-zero figures are not.
 *
 * Run by `npm run bench` (bench/index.mjs, section `notify-drain`), or alone: `BENCH_ONLY=notify-drain npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterSubscribe, EMPTY_CREDITS } from '../core/notify/credits';
import { PUSH_STATE_LABELS, SENDING_LEASE_MS, retryDelayMs, type PushState } from '../core/notify/push';
import { buildNotice } from '../core/notify/templates';
import { createLocalPorts, LOCAL_MESSAGES, type LocalMessageDoc } from '../cloudfunctions/adapters/local';
import { LOCAL_SUBSCRIPTIONS } from '../cloudfunctions/adapters/local/local-wechat';
import { C, subscriptionId, type NoticeDoc, type SubscriptionDoc } from '../cloudfunctions/usecases/collections';
import { createNotices, type NoticeDraft } from '../cloudfunctions/usecases/notify/notices';
import { localTemplateIds } from '../cloudfunctions/usecases/notify/template-ids';
import type { WorkerEvent } from './notify-drain-worker';

export interface DrainBenchOptions {
  recipients: number;
  /** Share of recipients with one credit (both sides). */
  subscribed: number;
  latencyMs: number;
  transientRate: number;
  /** Share of notices in a final state at which the cron process is killed. */
  killAt: number;
  /** Cron runs the drain should need at most. */
  targetRuns: number;
}

const FINAL: readonly PushState[] = ['sent', 'unsubscribed', 'failed', 'unknown', 'inboxOnly'];
const STATES: readonly PushState[] = ['queued', 'sending', ...FINAL];
const SOURCE = 'a.bench-drain';
const fmt = (n: number) => n.toLocaleString('en-US');

interface Worker {
  child: ChildProcess;
  events: WorkerEvent[];
  /** Wall ms spent inside cron runs (a killed run: from its start to the kill). */
  runWallMs: number;
  runStartedAt: number | null;
  lastRun: number | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function runNotifyDrain(workerFile: string, options: DrainBenchOptions): Promise<number> {
  const { recipients: n } = options;
  const dir = mkdtempSync(join(tmpdir(), 'ck-bench-drain-'));
  const dbFile = join(dir, 'db.sqlite');
  const ports = createLocalPorts({
    dataDir: dir,
    dbFile,
    secret: Buffer.alloc(32, 7),
    baseUrl: 'http://127.0.0.1:1',
    log: { info: () => undefined, error: () => undefined },
  });
  try {
    // ---------------------------------------------------------------- setup (not measured)
    const setupStarted = performance.now();
    const templates = localTemplateIds();
    const templateId = templates.announcement;
    if (templateId === null) throw new Error('announcement has no template id');
    const now = ports.clock.now();
    const at = now.toISOString();
    const built = buildNotice('announcement', {
      contestId: 'bench-contest',
      title: '决赛日程调整',
      contestName: '创客中国 中小企业创新创业大赛',
      at: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      note: '请在小程序内查看新的日程',
    });
    if (!built.ok) throw new Error(`announcement does not fit: ${JSON.stringify(built.problems)}`);
    const openids = Array.from({ length: n }, (_, i) => `bench-drain-${String(i).padStart(5, '0')}`);
    // Every fifth of them without a credit, spread through the queue (the drain takes it in order).
    const every = Math.round(1 / (1 - options.subscribed));
    const withCredit = openids.filter((_, i) => i % every !== every - 1);
    const accepted = afterSubscribe({ ...EMPTY_CREDITS }, 'accept');
    await ports.db.collection<SubscriptionDoc>(C.subscriptions).createMany(
      withCredit.map((openid) => ({
        _id: subscriptionId(openid, templateId),
        openid,
        templateId,
        ...accepted,
        updatedAt: at,
      })),
    );
    // WeChat's own count, as local.wechat.accept writes it (one row per user and template), in one commit.
    await ports.db
      .collection<{ _id: string; openid: string; templateId: string; left: number }>(LOCAL_SUBSCRIPTIONS)
      .createMany(withCredit.map((openid) => ({ _id: `${openid}:${templateId}`, openid, templateId, left: 1 })));
    const noCredit = openids.find((_, i) => i % every === every - 1) ?? '';
    if (
      (await ports.wechat.remaining(withCredit[0] ?? '', templateId)) !== 1 ||
      (await ports.wechat.remaining(noCredit, templateId)) !== 0
    ) {
      throw new Error('the stand-in does not read the credits the bench wrote (its row shape changed?)');
    }
    const drafts: NoticeDraft[] = openids.map((openid) => ({
      openid,
      source: SOURCE,
      notice: built.notice,
      contestId: 'bench-contest',
    }));
    const { created } = await createNotices(ports, templates, drafts);
    const t0 = ports.clock.now().getTime();
    console.log(
      `setup: ${fmt(created)} notices, ${fmt(withCredit.length)} recipients with one credit, ${fmt(
        n - withCredit.length,
      )} with none (${((performance.now() - setupStarted) / 1000).toFixed(1)} s, not measured)`,
    );

    // ---------------------------------------------------------------- the drain
    const notices = ports.db.collection<NoticeDoc>(C.notices);
    const counts = async (): Promise<Record<PushState, number>> => {
      const out = {} as Record<PushState, number>;
      for (const state of STATES) out[state] = await notices.count({ push: state });
      return out;
    };
    const finalOf = (c: Record<PushState, number>) => FINAL.reduce((sum, s) => sum + c[s], 0);

    const start = (firstRun: number, seed: number): Worker => {
      const child = spawn(process.execPath, [workerFile], {
        env: {
          ...process.env,
          BENCH_DRAIN_DB: dbFile,
          BENCH_DRAIN_T0: String(t0),
          BENCH_DRAIN_FIRST_RUN: String(firstRun),
          BENCH_DRAIN_LATENCY_MS: String(options.latencyMs),
          BENCH_DRAIN_TRANSIENT: String(options.transientRate),
          BENCH_DRAIN_SEED: String(seed),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const worker: Worker = {
        child,
        events: [],
        runWallMs: 0,
        runStartedAt: null,
        lastRun: null,
        exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
      };
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        const event = JSON.parse(line) as WorkerEvent;
        worker.events.push(event);
        if (event.event === 'run-start') {
          worker.runStartedAt = performance.now();
          worker.lastRun = event.run;
          console.log(
            `  run ${event.run + 1} starts (pid ${child.pid}, clock T0 + ${(Date.parse(event.clock) - t0) / 1000} s)`,
          );
        } else if (event.event === 'run-end') {
          worker.runWallMs += event.wallMs;
          worker.runStartedAt = null;
          const t = event.tally;
          console.log(
            `  run ${event.run + 1} ends after ${(event.wallMs / 1000).toFixed(1)} s (${event.stoppedBy}): sent ${fmt(
              t.sent ?? 0,
            )}, 未订阅 ${fmt(t.unsubscribed ?? 0)}, failed ${fmt(t.failed ?? 0)}, retry later ${fmt(
              t.queued ?? 0,
            )}, 未知 marked ${event.interrupted}; left: ${fmt(event.queuedLater)} queued${
              event.dueAfterNextTriggerS === null
                ? ''
                : ` (due ${event.dueAfterNextTriggerS.map((s) => s.toFixed(1)).join(' … ')} s after the next trigger)`
            }, ${event.sending} sending${
              event.leaseEndsAfterNextTriggerS === null
                ? ''
                : ` (oldest lease ends ${event.leaseEndsAfterNextTriggerS.toFixed(0)} s after the next trigger)`
            }`,
          );
        }
      });
      return worker;
    };

    // The first cron process, killed at the threshold.
    const drainStarted = performance.now();
    const first = start(0, 1);
    let atKill: Record<PushState, number> | null = null;
    let lastShown = 0;
    for (;;) {
      const exitedEarly = await Promise.race([
        first.exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 100)),
      ]);
      if (exitedEarly) break;
      const c = await counts();
      const done = finalOf(c);
      if (done >= options.killAt * n) {
        first.child.kill('SIGKILL');
        atKill = c;
        if (first.runStartedAt !== null) first.runWallMs += performance.now() - first.runStartedAt;
        break;
      }
      if (done - lastShown >= n / 10) {
        lastShown = done;
        console.log(`    … ${fmt(done)} / ${fmt(n)} final, ${c.sending} sending`);
      }
    }
    const firstExit = await first.exited;
    if (atKill === null) throw new Error(`the first cron process ended before the kill (${JSON.stringify(firstExit)})`);
    console.log(
      `  killed (SIGKILL) during run ${(first.lastRun ?? 0) + 1} at ${fmt(finalOf(atKill))} / ${fmt(n)} final: sent ${fmt(
        atKill.sent,
      )}, 未订阅 ${fmt(atKill.unsubscribed)}, ${atKill.sending} sending, ${fmt(atKill.queued)} queued`,
    );

    // The restarted one: the next trigger is the next run.
    const second = start((first.lastRun ?? 0) + 1, 2);
    const secondExit = await second.exited;
    const drainWall = (performance.now() - drainStarted) / 1000;
    const doneEvent = second.events.find((e) => e.event === 'done');
    if (secondExit.code !== 0 || doneEvent === undefined) {
      throw new Error(`the restarted cron process failed (${JSON.stringify(secondExit)})`);
    }
    const runs = (second.lastRun ?? first.lastRun ?? 0) + 1;

    // ---------------------------------------------------------------- figures
    const final = await counts();
    const messages = await ports.db.collection<LocalMessageDoc>(LOCAL_MESSAGES).find({});
    const delivered = new Map<string, number>();
    for (const m of messages) {
      if (!m.result.ok) continue;
      // One notice per recipient here; the key still names the notice (template and content), not only the user.
      const key = `${m.message.toOpenid}|${m.message.templateId}|${m.message.page}|${JSON.stringify(m.message.data)}`;
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
    }
    const duplicates = [...delivered.values()].reduce((sum, k) => sum + Math.max(0, k - 1), 0);
    const refused = messages.filter((m) => !m.result.ok).length;
    const all = await notices.find({ push: { $in: ['sent', 'unknown'] } });
    const deliveredTo = new Set(
      messages.filter((m) => m.result.ok).map((m) => `${m.message.toOpenid}|${m.message.templateId}`),
    );
    const sentNotDelivered = all.filter(
      (d) => d.push === 'sent' && !deliveredTo.has(`${d.openid}|${d.templateId ?? ''}`),
    ).length;
    const unknownDelivered = all.filter(
      (d) => d.push === 'unknown' && deliveredTo.has(`${d.openid}|${d.templateId ?? ''}`),
    ).length;
    const byAttempts = new Map<number, number>();
    for (const d of await notices.find({ attempts: { $gt: 1 } })) {
      byAttempts.set(d.attempts, (byAttempts.get(d.attempts) ?? 0) + 1);
    }
    const retried = [...byAttempts.values()].reduce((s, k) => s + k, 0);
    const runEnds = [...first.events, ...second.events].flatMap((e) => (e.event === 'run-end' ? [e] : []));
    const interruptedIn = runEnds.find((e) => e.interrupted > 0);
    const lastSendRun = [...runEnds].reverse().find((e) => (e.tally.sent ?? 0) + (e.tally.failed ?? 0) > 0);
    const sum = FINAL.reduce((s, state) => s + final[state], 0);
    const sendingSeconds = (first.runWallMs + second.runWallMs) / 1000;

    console.log(
      `messages/s: ${(final.sent / sendingSeconds).toFixed(0)} sent per wall second of draining (${fmt(
        final.sent,
      )} in ${sendingSeconds.toFixed(1)} s inside cron runs; ${drainWall.toFixed(1)} s wall with the restart)`,
    );
    console.log(
      `cron runs needed: ${runs} (the killed one counts; target ≤ ${options.targetRuns}: ${(
        runs / options.targetRuns
      ).toFixed(2)}× the target) ${runs <= options.targetRuns ? 'within target' : 'OVER TARGET'}`,
    );
    const parts = FINAL.filter((s) => s !== 'inboxOnly' || final[s] > 0).map(
      (s) => `${PUSH_STATE_LABELS[s]} (${s}) ${fmt(final[s])}`,
    );
    console.log(
      `final: ${parts.join(' + ')} = ${fmt(sum)} of ${fmt(n)}; left queued ${final.queued}, sending ${final.sending}`,
    );
    console.log(
      `stand-in log: ${fmt(deliveredTo.size)} recipients delivered, duplicates ${duplicates}, refused ${refused}; ` +
        `sent but not delivered ${sentNotDelivered}, 未知 but delivered ${unknownDelivered}; ${fmt(retried)} notices retried`,
    );

    const backOff = [1, 2, 3, 4].map((a) => `${retryDelayMs(a) / 1000} s`).join(', ');
    console.log(
      `why: notices retried by attempts ${
        [...byAttempts.entries()]
          .sort(([a], [b]) => a - b)
          .map(([a, k]) => `${a}: ${k}`)
          .join(', ') || 'none'
      } (back-off after attempt 1–4: ${backOff}), last send in run ${
        lastSendRun ? lastSendRun.run + 1 : '-'
      }; ${atKill.sending} interrupted sends counted 未知 in run ${
        interruptedIn ? interruptedIn.run + 1 : '-'
      } (sending lease ${SENDING_LEASE_MS / 1000} s, a trigger every 60 s)`,
    );

    let bad = 0;
    if (duplicates > 0) {
      bad += 1;
      console.log(`FAIL: ${duplicates} duplicate deliveries`);
    }
    if (sum !== n || final.queued + final.sending > 0) {
      bad += 1;
      console.log(
        `FAIL: final states sum to ${fmt(sum)}, not ${fmt(n)} (queued ${final.queued}, sending ${final.sending})`,
      );
    }
    if (sentNotDelivered > 0) {
      bad += 1;
      console.log(`FAIL: ${sentNotDelivered} notices marked sent that the stand-in never delivered`);
    }
    return bad;
  } finally {
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
