// npm test: builds what the tests exercise (weapp, h5, cloud functions, local server), runs every
// jest project (core, cloud, app, e2e, weapp) and ends with one plain line: `N passed, N failed`.
// Extra arguments go to jest (e.g. `npm test -- --selectProjects core`); SKIP_BUILD=1 reuses dist/.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, seconds, taroBin } from './lib.mjs';

const jestArgs = process.argv.slice(2);
const timings = [];
async function phase(name, fn) {
  const started = Date.now();
  const code = await fn();
  timings.push(`${name} ${seconds(Date.now() - started)}`);
  return code;
}

let buildFailures = 0;
if (process.env.SKIP_BUILD !== '1') {
  const builds = [
    [
      'build:weapp',
      () => run(taroBin, ['build', '--type', 'weapp'], { env: { ...process.env, NODE_ENV: 'production' } }),
    ],
    [
      'build:h5',
      async () =>
        (await run(taroBin, ['build', '--type', 'h5'], { env: { ...process.env, NODE_ENV: 'production' } })) ||
        run(process.execPath, [join(root, 'scripts', 'compress-h5.mjs')]),
    ],
    ['build:cloud', () => run(process.execPath, [join(root, 'scripts', 'build-cloud.mjs')])],
  ];
  for (const [name, fn] of builds) {
    const code = await phase(name, fn);
    if (code !== 0) {
      console.error(`${name} failed (exit ${code})`);
      buildFailures += 1;
    }
  }
}

const resultsDir = join(root, '.cache');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, 'jest-results.json');
rmSync(resultsFile, { force: true });
await phase('jest', () =>
  run(
    process.execPath,
    [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${resultsFile}`, ...jestArgs],
    // Deadlines are decided in Asia/Shanghai whatever the machine's zone: tests run in UTC to prove it.
    { env: { ...process.env, TZ: 'UTC' } },
  ),
);

let passed = 0;
let failed = buildFailures;
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that fails to load has no tests to count: count it as a failure.
  failed += results.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
} catch {
  console.error('jest produced no results file');
  failed += 1;
}
console.log(`phases: ${timings.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
