// npm run bench: figures and ratios, never pass/fail in a unit test (these machines are shared and noisy).
//  1. weapp package sizes (main + each subpackage, KiB, source maps excluded) against WeChat's 2048 KiB
//     limit, our budgets, and the floor of a one-page Taro 4.2 React app (298 KiB measured here).
//  2. local API round trip over HTTP: system.health and auth.me, p50 / p99 over 2,000 calls each.
//  3. registration surge: 300 distinct entrants + 50 duplicates submitting at once over HTTP; prints
//     submits/s, p50/p99 and the counts of entries created, duplicates refused, lost and doubled.
//  4. reader pages: home.get p50/p99 with 5,000 articles and 100 contests; cloud calls per page open
//     of 首页 / 新闻 / 成绩; H5 home FCP and time to contests under 4× CPU throttling and 3G, cold and warm.
//  5. judging core, in process: planAssignment (10,000 entries × 300 judges × k = 5, with conflicts) and
//     rankEntries (10,000 entries from 50,000 scores), median ms and ratio to the 1 s / 200 ms targets.
//  6. phone scoring surge: 200 judges submit 5 scores each at once over HTTP, 20 % of the requests sent
//     twice with the same requestId; p50/p99 and the counts of scores lost and doubled.
//  7. cost per action on CloudBase, in process: the database requests (reads, queries per page, counts, writes,
//     transactions, round trips) one call of each of the ten busiest actions makes through the CloudBase adapter
//     over the wx-server-sdk stand-in, with a few hundred entries, a judged round and 300 articles.
//  8. notify drain: 10,000 announcement notices (80 % of the recipients with one credit), the WeChat stand-in
//     answering in 50 ms with 5 % transient faults, the cron process SIGKILLed at 50 % and restarted (1-minute
//     trigger simulated on its clock); messages/s, cron runs needed against the target of 2, sent + 未订阅 +
//     failed + 未知 = 10,000 and duplicates (must be 0) from the stand-in's message log.
//  9. live final log, in process: verifyLog (core/live/chain.ts) over a 10,000-event log of 30 contestants × 9
//     judges with a signed checkpoint after each reveal, node:crypto as verify-log uses it; median ms of 5 runs
//     and ratio to the 1 s target.
// 10. live final over HTTP: 30 contestants × 9 judges with 20 % of the scores sent twice, a screen on SSE; reveal
//     latency p50 / p95 (target p95 < 300 ms) and scores lost / doubled (must be 0) from the exported signed log.
// 11. answers at production volume, in process: the shared production-size seed (seed-volume.ts), then the JSON
//     size of what 成绩, 评审工作台, 我的评审任务, 评审看板, 评委管理 and 新闻 ask for, against CloudBase's 1 MB.
// BENCH_ONLY=judging-core,judging-surge (names as in the list at the bottom) runs just those.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { root, run, taroBin } from '../scripts/lib.mjs';

const WECHAT_LIMIT_KIB = 2048;
const TARO_FLOOR_KIB = 298;
const BUDGET_MAIN_KIB = 430;
const BUDGET_SUB_KIB = 400;
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);

function sizeOf(dir, skip = new Set()) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(path)) bytes += sizeOf(path, skip);
    } else if (!entry.name.endsWith('.map')) {
      bytes += statSync(path).size;
    }
  }
  return bytes;
}

const kib = (bytes) => bytes / 1024;
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function packageSizes() {
  console.log('\n== weapp package sizes (npm run build:weapp, production) ==');
  const code = await run(taroBin, ['build', '--type', 'weapp'], {
    env: { ...process.env, NODE_ENV: 'production' },
    quiet: true,
  });
  if (code !== 0) throw new Error('build:weapp failed');
  const dist = join(root, 'dist', 'weapp');
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
  const subpackages = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const mainBytes = sizeOf(dist, new Set(subpackages.map((r) => join(dist, r))));
  const rows = [['main', kib(mainBytes), BUDGET_MAIN_KIB]];
  for (const sub of subpackages) rows.push([sub, kib(sizeOf(join(dist, sub))), BUDGET_SUB_KIB]);
  console.log('package        KiB   budget  of 2048 KiB limit  vs Taro floor (298 KiB)');
  for (const [name, size, budget] of rows) {
    const floor = name === 'main' ? `${(size / TARO_FLOOR_KIB).toFixed(2)}×` : '';
    console.log(
      `${name.padEnd(10)} ${size.toFixed(1).padStart(8)} ${String(budget).padStart(8)}  ${(
        (size / WECHAT_LIMIT_KIB) *
        100
      )
        .toFixed(1)
        .padStart(6)}%            ${floor.padStart(6)}  ${size <= budget ? 'within budget' : 'OVER BUDGET'}`,
    );
  }
  const total = kib(sizeOf(dist));
  console.log(`all packages ${total.toFixed(1)} KiB of the 30 MiB total limit`);
}

let serverBuilt = false;
async function startServer(prepare) {
  // Built once per bench run, so any single bench (BENCH_ONLY) runs today's code.
  if (!serverBuilt) {
    const code = await run(process.execPath, [join(root, 'scripts', 'build-cloud.mjs'), '--local-only'], {
      quiet: true,
    });
    if (code !== 0) throw new Error('build of the local server failed');
    serverBuilt = true;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ck-bench-'));
  if (prepare) await prepare(dataDir);
  const child = spawn(process.execPath, [join(root, 'dist', 'local', 'server.js')], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, APP_ROOT: root, CRON_INTERVAL_MS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`local server exited (${code})`)));
  });
  return {
    url,
    stop() {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function roundTrips() {
  console.log(`\n== local API round trip (POST /api/api over HTTP, ${CALLS} calls each, sequential) ==`);
  const server = await startServer();
  try {
    const { token } = await (
      await fetch(`${server.url}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ as: 'judge1' }),
      })
    ).json();
    const cases = [
      ['system.health', {}],
      ['auth.me', { authorization: `Bearer ${token}` }],
    ];
    console.log('action            p50 ms   p99 ms   calls/s');
    for (const [action, headers] of cases) {
      const call = async () => {
        const res = await fetch(`${server.url}/api/api`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ action }),
        });
        const body = await res.json();
        if (!body.ok) throw new Error(`${action} failed: ${JSON.stringify(body)}`);
      };
      for (let i = 0; i < 100; i += 1) await call(); // warm-up
      const times = [];
      const started = performance.now();
      for (let i = 0; i < CALLS; i += 1) {
        const t = performance.now();
        await call();
        times.push(performance.now() - t);
      }
      const rate = CALLS / ((performance.now() - started) / 1000);
      console.log(
        `${action.padEnd(16)} ${pct(times, 50).toFixed(2).padStart(7)}  ${pct(times, 99).toFixed(2).padStart(7)}  ${rate
          .toFixed(0)
          .padStart(8)}`,
      );
    }
  } finally {
    server.stop();
  }
}

/**
 * Bundles a TypeScript bench module (it imports core and test fixtures) and imports it. `withRequire`: for a
 * bench that bundles the use cases, whose CommonJS dependencies (sanitize-html → postcss) require Node builtins.
 */
async function loadBench(name, options = {}) {
  return import(pathToFileURL(await bundleBench(name, options)).href);
}

/** Bundles bench/<name>.ts to .cache/bench/<name>.mjs (a module to import, or a script for a child process). */
async function bundleBench(name, { withRequire = false } = {}) {
  const outfile = join(root, '.cache', 'bench', `${name}.mjs`);
  await build({
    ...(withRequire
      ? {
          banner: {
            js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
          },
        }
      : {}),
    entryPoints: [join(root, 'bench', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.node.json'),
    // better-sqlite3 loads its native addon from its own folder (benches on the embedded store).
    external: ['playwright-core', 'better-sqlite3'],
    logLevel: 'warning',
  });
  return outfile;
}

async function readerPages() {
  console.log('\n== reader pages (home.get, cloud calls per page open, throttled H5 home) ==');
  const code = await run(taroBin, ['build', '--type', 'h5'], {
    env: { ...process.env, NODE_ENV: 'production' },
    quiet: true,
  });
  if (code !== 0) throw new Error('build:h5 failed');
  await run(process.execPath, [join(root, 'scripts', 'compress-h5.mjs')]);
  const { runPages } = await loadBench('h5-pages');
  const server = await startServer();
  try {
    await runPages(server.url, {
      articles: Number(process.env.BENCH_ARTICLES ?? 5000),
      contests: Number(process.env.BENCH_CONTESTS ?? 100),
    });
  } finally {
    server.stop();
  }
}

async function registrationSurge() {
  console.log('\n== registration surge (POST /api/api registration.submit over HTTP, all at once) ==');
  const { runSurge } = await loadBench('registration-surge');
  const server = await startServer();
  try {
    const bad = await runSurge(
      server.url,
      Number(process.env.BENCH_SURGE ?? 300),
      Number(process.env.BENCH_SURGE_DUPLICATES ?? 50),
    );
    if (bad > 0) process.exitCode = 1;
  } finally {
    server.stop();
  }
}

async function judgingCore() {
  const { runJudgingCore } = await loadBench('judging-core');
  runJudgingCore();
}

async function judgingSurge() {
  console.log('\n== phone scoring surge (POST /api/api judge.score over HTTP, all at once, 20 % retried) ==');
  const { runJudgingSurge } = await loadBench('judging-surge');
  const server = await startServer();
  try {
    const bad = await runJudgingSurge(
      server.url,
      Number(process.env.BENCH_JUDGES ?? 200),
      Number(process.env.BENCH_SCORES_PER_JUDGE ?? 5),
      0.2,
    );
    if (bad > 0) process.exitCode = 1;
  } finally {
    server.stop();
  }
}

async function dbOps() {
  console.log(
    '\n== cost per action on CloudBase (database requests of one call, CloudBase adapter over the stand-in) ==',
  );
  const { runDbOps } = await loadBench('db-ops', { withRequire: true });
  await runDbOps();
}

async function liveFinal() {
  console.log('\n== live final (30 contestants × 9 judges over HTTP, 20 % of scores sent twice; big screen on SSE) ==');
  const { prepareLiveFinal, runLiveFinal } = await loadBench('live-final', { withRequire: true });
  const server = await startServer((dataDir) => prepareLiveFinal(dataDir));
  try {
    const bad = await runLiveFinal(server.url);
    if (bad > 0) process.exitCode = 1;
  } finally {
    server.stop();
  }
}

async function liveVerify() {
  const { runLiveVerify } = await loadBench('live-verify');
  runLiveVerify();
}

async function notifyDrain() {
  console.log(
    '\n== notify drain (10,000 pushes by cron over a 50 ms, 5 % flaky WeChat stand-in; killed at 50 %, restarted) ==',
  );
  const workerFile = await bundleBench('notify-drain-worker', { withRequire: true });
  const { runNotifyDrain } = await loadBench('notify-drain', { withRequire: true });
  const bad = await runNotifyDrain(workerFile, {
    recipients: Number(process.env.BENCH_DRAIN_RECIPIENTS ?? 10_000),
    subscribed: 0.8,
    latencyMs: 50,
    transientRate: 0.05,
    killAt: 0.5,
    targetRuns: 2,
  });
  if (bad > 0) process.exitCode = 1;
}

async function volumeAnswers() {
  console.log(
    '\n== answers at production volume (2,000 entries, 100 judges, k = 5, a 500-project list, 300 articles) ==',
  );
  const { runVolumeAnswers } = await loadBench('volume-answers', { withRequire: true });
  if ((await runVolumeAnswers()) > 0) process.exitCode = 1;
}

const benches = {
  sizes: packageSizes,
  'round-trips': roundTrips,
  'registration-surge': registrationSurge,
  'reader-pages': readerPages,
  'judging-core': judgingCore,
  'judging-surge': judgingSurge,
  'db-ops': dbOps,
  'notify-drain': notifyDrain,
  'live-final': liveFinal,
  'live-verify': liveVerify,
  'volume-answers': volumeAnswers,
};
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : Object.keys(benches);
for (const name of only) {
  if (!(name in benches)) throw new Error(`unknown bench ${name}; one of ${Object.keys(benches).join(', ')}`);
  await benches[name]();
}
