/**
 * `npm run verify-log -- <file.json>` (scripts/verify-log.mjs → scripts/verify-log-cli.ts) on real exports
 * written to a temp dir: a process is spawned per case, and its exit code and output are what is checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogExport } from '../../../core/live/chain';
import { LogBuilder, buildShow, newSigningKey } from './fixtures';

jest.setTimeout(120_000);

const root = join(__dirname, '..', '..', '..');
const KEY = newSigningKey();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ck-verify-log-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: LogExport | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'verify-log.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 3 contestants × 5 judges, a checkpoint after each reveal and one at the end. */
const show = () => buildShow(KEY, { contestants: 3, judges: 5, targetEvents: 60 });

test('a genuine export: exit 0, OK with the counts, the full head hash and the key id', () => {
  const log = show();
  const head = log.events[log.events.length - 1]!.hash;
  const r = cli(write('good.json', log));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const [first] = r.stdout.split('\n');
  expect(first).toMatch(/^OK /);
  expect(first).toContain(
    `OK ${log.events.length} 条事件，4 个检查点，3 次亮分；日志头 ${head}；签名密钥 ${KEY.keyId}`,
  );
  expect(first).toMatch(/（公钥指纹 [0-9a-f]{4}( [0-9a-f]{4}){7}）$/);
  // The key id is the start of the fingerprint: an export whose key was swapped cannot keep its id.
  expect(first).toContain(`（公钥指纹 ${KEY.keyId.replace(/(.{4})/g, '$1 ').trim()}`);
  expect(r.stdout).not.toContain('注意');
});

test('through npm run verify-log -- <file>', () => {
  const r = spawnSync('npm', ['run', '--silent', 'verify-log', '--', write('npm.json', show())], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^OK 60 条事件/m);
});

test('a tampered score event: exit 1, FAILED naming the event', () => {
  const log = show();
  const i = log.events.findIndex((e) => e.type === 'score');
  log.events[i]!.data.units = Number(log.events[i]!.data.units) + 200;
  const r = cli(write('tampered.json', log));
  expect(r.code).toBe(1);
  expect(r.stdout.trim()).toBe(`FAILED 第 ${i + 1} 条事件：第 ${i + 1} 条事件的哈希不符：事件内容被改动`);
});

test('a removed event, a forged checkpoint and a stored score edited outside the log: exit 1 with the event', () => {
  const removed = show();
  removed.events.splice(9, 1);
  expect(cli(write('removed.json', removed))).toMatchObject({
    code: 1,
    stdout: expect.stringMatching(/^FAILED 第 10 条事件：第 10 条事件的序号是 11/),
  });

  const forged = show();
  const sig = Buffer.from(forged.checkpoints[0]!.signature, 'base64');
  sig[10] = (sig[10] ?? 0) ^ 0xff;
  forged.checkpoints[0]!.signature = sig.toString('base64');
  expect(cli(write('forged.json', forged))).toMatchObject({
    code: 1,
    stdout: `FAILED 第 ${forged.checkpoints[0]!.count} 条事件：检查点（第 ${forged.checkpoints[0]!.count} 条）的签名无效\n`,
  });

  const edited = show();
  const stored = edited.scores[0]!;
  const last = edited.events
    .filter((e) => e.type === 'score' && e.data.entryId === stored.entryId && e.data.judge === stored.judge)
    .pop()!;
  edited.scores[0] = { ...stored, units: stored.units + 1 };
  expect(cli(write('edited.json', edited))).toMatchObject({
    code: 1,
    stdout: `FAILED 第 ${last.seq} 条事件：存储的评分与第 ${last.seq} 条事件不符：评分在日志之外被改动\n`,
  });
});

test('a failure that names no event prints FAILED and the reason only', () => {
  const other = { ...show(), format: 'something/2' };
  const r = cli(write('other.json', JSON.stringify(other)));
  expect(r.code).toBe(1);
  expect(r.stdout.trim()).toBe('FAILED 不是决赛评分日志（format=something/2）');
  const extra = show();
  extra.scores.push({ entryId: 'ghost', judge: 'judge-01', units: 1 });
  expect(cli(write('extra.json', extra))).toMatchObject({
    code: 1,
    stdout: 'FAILED 存储的评分（ghost）在日志中没有记录\n',
  });
});

test('JSON that is not a usable log is not verified: exit 1', () => {
  expect(cli(write('array.json', '[1, 2]'))).toMatchObject({
    code: 1,
    stdout: expect.stringMatching(/^FAILED 不是决赛评分日志/),
  });
  const noEvents = { ...show(), events: 'none' };
  expect(cli(write('no-events.json', JSON.stringify(noEvents)))).toMatchObject({
    code: 1,
    stdout: 'FAILED 日志结构无效：events 应为列表\n',
  });
  // A reveal with no lines for a contestant nobody scored: verifyLog throws (computeReveal refuses), the CLI fails.
  const log = new LogBuilder(KEY, 'mean');
  log.event('reveal', { entryId: 'e1', lines: [], final: '0.00' });
  expect(cli(write('empty-reveal.json', log.export()))).toMatchObject({
    code: 1,
    stdout: expect.stringMatching(/^FAILED 第 1 条事件：第 1 条亮分事件无法重新计算/),
  });
});

test('events after the last checkpoint are flagged as unsigned, still exit 0', () => {
  const log = show();
  log.checkpoints.pop();
  const lastSigned = log.checkpoints[log.checkpoints.length - 1]!.count;
  const r = cli(write('unsigned-tail.json', log));
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(
    `注意：最后 ${log.events.length - lastSigned} 条事件在最后一个检查点（第 ${lastSigned} 条）之后，未经签名`,
  );
});

test('missing file, unreadable path, bad JSON or no argument: exit 2 with a message in Chinese', () => {
  const missing = cli(join(dir, 'nope.json'));
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('找不到日志文件');
  const directory = cli(dir);
  expect(directory.code).toBe(2);
  expect(directory.stderr).toContain('无法读取日志文件');
  const bad = cli(write('bad.json', '{"format": "chuangke-live-log/1", "events": ['));
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('日志文件不是有效的 JSON');
  const none = cli();
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('用法：npm run verify-log -- <日志文件.json>');
  expect(`${missing.stdout}${bad.stdout}${none.stdout}`).toBe('');
});

test('an export whose public key was swapped for another fails: the key id no longer matches the key', () => {
  const log = new LogBuilder(KEY, 'mean');
  log.event('setup', {});
  const exported = { ...log.export(), publicKey: newSigningKey().publicKey };
  const r = cli(write('swapped-key.json', exported));
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^FAILED /);
});
