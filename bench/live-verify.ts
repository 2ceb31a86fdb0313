/**
 * verifyLog (core/live/chain.ts) on a live final's log at the design size, in process: figures and ratios,
 * never pass/fail. 30 contestants × 9 judges (every judge scores, a third of them twice), a reveal and a
 * signed checkpoint after each contestant, padded with control events (timer pauses and resumes) to 10,000
 * events; SHA-256 and Ed25519 from node:crypto as verify-log uses them. Median of 5 runs against the 1 s
 * target, with the checks that must hold (ok, counts; a changed event in the middle fails at that event).
 * Run by `npm run bench` (bench/index.mjs, BENCH_ONLY=live-verify), or alone:
 *   npx esbuild bench/live-verify.ts --bundle --platform=node --format=esm --outfile=.cache/bench/live-verify.mjs && node .cache/bench/live-verify.mjs
 */
import { verifyLog, type LogExport } from '../core/live/chain';
import { buildShow, newSigningKey, nodeCrypto } from '../test/core/live/fixtures';

const TARGET_MS = 1000;
const RUNS = 5;
const EVENTS = 10_000;
const CONTESTANTS = 30;
const JUDGES = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = fn();
  return { ms: performance.now() - started, result };
}

export function runLiveVerify(): void {
  console.log(
    `\n== live final log (verifyLog in process, ${EVENTS.toLocaleString('en')} events, median of ${RUNS} runs) ==`,
  );
  const key = newSigningKey();
  const built = time(() =>
    buildShow(key, { contestants: CONTESTANTS, judges: JUDGES, targetEvents: EVENTS, seed: 2026 }),
  );
  const log: LogExport = built.result;
  const json = JSON.stringify(log);
  const types = new Map<string, number>();
  for (const e of log.events) types.set(e.type, (types.get(e.type) ?? 0) + 1);
  console.log(
    `log: ${log.events.length} events (${[...types].map(([t, n]) => `${t} ${n}`).join(', ')}), ${log.checkpoints.length} checkpoints, ${log.scores.length} stored scores; ${(json.length / 1024 / 1024).toFixed(1)} MiB of JSON; built in ${built.ms.toFixed(0)} ms`,
  );

  const parsed = JSON.parse(json) as LogExport; // what verify-log reads from the file
  const runs: number[] = [];
  let result = verifyLog(parsed, nodeCrypto); // warm-up
  for (let r = 0; r < RUNS; r++) {
    const t = time(() => verifyLog(parsed, nodeCrypto));
    runs.push(t.ms);
    result = t.result;
  }
  const ms = median(runs);
  console.log(
    `verifyLog ${log.events.length} events, ${log.checkpoints.length} signatures: ${ms.toFixed(0)} ms (${(ms / TARGET_MS).toFixed(2)}× the ${TARGET_MS} ms target; runs ${runs.map((x) => x.toFixed(0)).join(' / ')} ms)`,
  );

  const middle = Math.floor(log.events.length / 2);
  const tampered = JSON.parse(json) as LogExport;
  tampered.events[middle]!.data = { ...tampered.events[middle]!.data, tampered: true };
  const caught = verifyLog(tampered, nodeCrypto);
  console.log(
    `  checks: ${result.ok ? `ok, ${result.count} events, ${result.checkpoints} checkpoints, ${result.reveals} reveals` : `NOT OK: ${result.reason}`}; event ${middle + 1} changed → ${caught.ok ? 'NOT CAUGHT' : `fails at ${caught.seq}`}`,
  );
  if (!result.ok || caught.ok || caught.seq !== middle + 1) process.exitCode = 1;
}

// Run directly (bench/index.mjs imports it from its own bundle, whose URL is not argv[1]).
if (import.meta.url === `file://${process.argv[1]}`) runLiveVerify();
