/**
 * The cron process of the notify-drain bench (bench/notify-drain.ts starts it, once, kills it, starts it again):
 * opens the bench's SQLite file with the local adapters, makes the WeChat stand-in slow and flaky, and runs
 * `cronTick` — the whole cron function, jobs then the drain — again and again until no notice is queued or
 * sending. Each tick is one cron run.
 *
 * Time: production's cron trigger fires once a minute, so run n is started with the ports' clock at
 * T0 + n × 60 s (T0: when the notices were made), without sleeping; within a run the clock follows real time.
 * The back-off of a transient failure (30 s, 1, 2, 4 min) and the 2 min lease of an interrupted `sending` are
 * therefore seen by the runs exactly as production's runs would see them.
 *
 * Environment: BENCH_DRAIN_DB, BENCH_DRAIN_T0 (ms), BENCH_DRAIN_FIRST_RUN (index of the first run here),
 * BENCH_DRAIN_MAX_RUNS, BENCH_DRAIN_LATENCY_MS, BENCH_DRAIN_TRANSIENT, BENCH_DRAIN_SEED.
 * Writes one JSON line per event on stdout for the parent.
 */
import { dirname } from 'node:path';
import { SENDING_LEASE_MS } from '../core/notify/push';
import { createLocalPorts } from '../cloudfunctions/adapters/local';
import { cronTick } from '../cloudfunctions/jobs';
import { C, type NoticeDoc } from '../cloudfunctions/usecases/collections';

const CRON_EVERY_MS = 60_000;

export type WorkerEvent =
  | { event: 'ready'; pid: number }
  | { event: 'run-start'; run: number; clock: string }
  | {
      event: 'run-end';
      run: number;
      wallMs: number;
      tally: Record<string, number>;
      interrupted: number;
      stoppedBy: string;
      /** Left for a later run: queued with a back-off not yet due, and `sending` still within the lease. */
      queuedLater: number;
      /** Seconds after the next trigger the earliest and the latest queued notice come due (negative: by then). */
      dueAfterNextTriggerS: [earliest: number, latest: number] | null;
      sending: number;
      /** Seconds after the next trigger the oldest `sending` notice passes its lease (negative: by then). */
      leaseEndsAfterNextTriggerS: number | null;
      errorsLogged: number;
    }
  | { event: 'done'; runs: number; left: number };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const emit = (event: WorkerEvent) => process.stdout.write(`${JSON.stringify(event)}\n`);
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} missing`);
  return value;
};

async function main(): Promise<void> {
  const dbFile = env('BENCH_DRAIN_DB');
  const t0 = Number(env('BENCH_DRAIN_T0'));
  const firstRun = Number(env('BENCH_DRAIN_FIRST_RUN'));
  const maxRuns = Number(process.env.BENCH_DRAIN_MAX_RUNS ?? 20);
  let errorsLogged = 0;
  const ports = createLocalPorts({
    dataDir: dirname(dbFile),
    dbFile,
    secret: Buffer.alloc(32, 7),
    baseUrl: 'http://127.0.0.1:1',
    log: {
      info: () => undefined,
      error: () => {
        errorsLogged += 1;
      },
    },
  });
  ports.wechat.setChaos({
    latencyMs: Number(env('BENCH_DRAIN_LATENCY_MS')),
    transientRate: Number(env('BENCH_DRAIN_TRANSIENT')),
    random: mulberry32(Number(process.env.BENCH_DRAIN_SEED ?? 1)),
  });
  const notices = ports.db.collection<NoticeDoc>(C.notices);
  emit({ event: 'ready', pid: process.pid });

  let run = firstRun;
  for (; run < firstRun + maxRuns; run += 1) {
    if ((await notices.count({ push: { $in: ['queued', 'sending'] } })) === 0) break;
    const trigger = t0 + run * CRON_EVERY_MS;
    // A run never lasts a minute (50 s budget), so this only ever moves the clock forward.
    if (ports.clock.now().getTime() < trigger) ports.clock.set(new Date(trigger));
    emit({ event: 'run-start', run, clock: ports.clock.now().toISOString() });
    errorsLogged = 0;
    const started = performance.now();
    const { notices: report } = await cronTick(ports, `bench-${process.pid}-${run}`);
    const wallMs = performance.now() - started;

    const nextTrigger = t0 + (run + 1) * CRON_EVERY_MS;
    const queued = await notices.find({ push: 'queued' }, { orderBy: [['dueAt', 'asc']], limit: 1 });
    const lastQueued = await notices.find({ push: 'queued' }, { orderBy: [['dueAt', 'desc']], limit: 1 });
    const sending = await notices.find({ push: 'sending' }, { orderBy: [['sendingAt', 'asc']], limit: 1 });
    const firstQueued = queued[0];
    const latestQueued = lastQueued[0];
    const oldestSending = sending[0];
    emit({
      event: 'run-end',
      run,
      wallMs,
      tally: report.tally,
      interrupted: report.interrupted,
      stoppedBy: report.stoppedBy,
      queuedLater: await notices.count({ push: 'queued' }),
      dueAfterNextTriggerS:
        firstQueued === undefined || latestQueued === undefined
          ? null
          : [
              (Date.parse(firstQueued.dueAt) - nextTrigger) / 1000,
              (Date.parse(latestQueued.dueAt) - nextTrigger) / 1000,
            ],
      sending: await notices.count({ push: 'sending' }),
      leaseEndsAfterNextTriggerS:
        oldestSending?.sendingAt == null
          ? null
          : (Date.parse(oldestSending.sendingAt) + SENDING_LEASE_MS - nextTrigger) / 1000,
      errorsLogged,
    });
  }
  emit({ event: 'done', runs: run - firstRun, left: await notices.count({ push: { $in: ['queued', 'sending'] } }) });
  ports.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `notify-drain worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
