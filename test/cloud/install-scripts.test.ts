/**
 * scripts/check-install-scripts.mjs, which .ci/run runs after npm ci: every locked package with an install
 * script is allowed or denied in package.json#allowScripts, and no entry there is stale.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const checker = join(root, 'scripts', 'check-install-scripts.mjs');
const realPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const realLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

function check(dir?: string) {
  const result = spawnSync(process.execPath, dir === undefined ? [checker] : [checker, dir], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout + result.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'install-scripts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project(pkg: object, lock: object): string {
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
  return dir;
}

test('the real lockfile: every install script is reviewed, and better-sqlite3 is the one allowed', () => {
  const { status, out } = check();
  expect(out).toContain('all reviewed in allowScripts');
  expect(status).toBe(0);
  expect(out).toMatch(/allowed {2}better-sqlite3@/);
  expect(out).toMatch(/denied {3}esbuild@/);
  expect(out).not.toMatch(/allowed {2}(?!better-sqlite3@)/);
});

test('a dependency that brings an unreviewed install script fails the check, by name', () => {
  const lock = structuredClone(realLock);
  lock.packages['node_modules/sneaky-postinstall'] = { version: '1.0.0', dev: true, hasInstallScript: true };
  const { status, out } = check(project(realPackage, lock));
  expect(status).toBe(1);
  expect(out).toContain('not yet reviewed');
  expect(out).toContain('sneaky-postinstall@1.0.0 (node_modules/sneaky-postinstall)');
  expect(out).not.toContain('better-sqlite3@');
});

test('an allowScripts entry for a package without an install script is a stale review', () => {
  const pkg = { ...realPackage, allowScripts: { ...realPackage.allowScripts, 'left-pad': true } };
  const { status, out } = check(project(pkg, realLock));
  expect(status).toBe(1);
  expect(out).toContain('stale review');
  expect(out).toContain('"left-pad": true');
});

test('entries as npm reads them: pins need a resolved URL, ranges are refused, a deny wins', () => {
  const entry = (name: string, version: string, resolved?: string) => ({
    [`node_modules/${name}`]: { version, hasInstallScript: true, ...(resolved && { resolved }) },
  });
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': {},
      ...entry('native-a', '1.2.3', 'https://registry.npmjs.org/native-a/-/native-a-1.2.3.tgz'),
      ...entry('native-b', '2.0.0'),
      ...entry('@scope/native-c', '3.0.0', 'https://registry.npmjs.org/@scope/native-c/-/native-c-3.0.0.tgz'),
    },
  };
  const withPolicy = (allowScripts: Record<string, boolean>) => check(project({ allowScripts }, lock));
  const pins = { 'native-a@1.2.3': true, '@scope/native-c@3.0.0': true };

  expect(withPolicy({ ...pins, 'native-b': false })).toMatchObject({ status: 0 });

  // native-b's lock entry has no resolved URL: npm cannot verify a pinned version, so the pin allows nothing.
  const unverifiable = withPolicy({ ...pins, 'native-b@2.0.0': true });
  expect(unverifiable.status).toBe(1);
  expect(unverifiable.out).toContain('native-b@2.0.0 (node_modules/native-b) — its allowScripts entry is pinned');

  const range = withPolicy({ 'native-a@^1.0.0': true, '@scope/native-c@3.0.0': true, 'native-b': false });
  expect(range.status).toBe(1);
  expect(range.out).toContain('"native-a@^1.0.0" — npm ignores ranges');

  const denyWins = withPolicy({ ...pins, 'native-a': false, 'native-b': false });
  expect(denyWins.status).toBe(0);
  expect(denyWins.out).toMatch(/denied {3}native-a@1\.2\.3/);
});
