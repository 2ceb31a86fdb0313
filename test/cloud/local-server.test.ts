/** The local cloud over real HTTP: dev sign-in, the api function, files, persistence across restarts. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../cloudfunctions/local/server';

let dataDir: string;
let cloud: LocalCloud;
const quiet = { info: () => undefined, error: () => undefined };

async function start(): Promise<LocalCloud> {
  return startLocalCloud({ port: 0, dataDir, h5Dir: null, cronIntervalMs: 0, log: quiet, version: '1.2.3' });
}

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(cloud.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

async function login(as: string): Promise<string> {
  const { json } = await post('/dev/login', { as });
  return json.token;
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ck-local-'));
  cloud = await start();
});
afterEach(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('GET /healthz and the demo user list', async () => {
  const health = await (await fetch(`${cloud.url}/healthz`)).json();
  expect(health).toMatchObject({ ok: true, runtime: 'local', version: '1.2.3' });
  const { users } = await (await fetch(`${cloud.url}/dev/users`)).json();
  expect(users.map((u: { key: string }) => u.key)).toEqual([
    'entrant',
    'entrant2',
    'judge1',
    'judge2',
    'judge3',
    'judge4',
    'judge5',
    'organizer',
    'notary',
    'institution',
  ]);
});

test('dev sign-in → bearer token → the api function knows the user; no token → anonymous follower', async () => {
  const token = await login('judge1');
  const me = await post('/api/api', { action: 'auth.me' }, token);
  expect(me.status).toBe(200);
  expect(me.json).toMatchObject({ ok: true, data: { user: { name: '王建国' }, areas: ['entrant', 'judge'] } });

  expect((await post('/api/api', { action: 'auth.me' })).json).toEqual({
    ok: true,
    data: { user: null, roles: [], areas: [] },
  });
  expect((await post('/api/api', { action: 'admin.system.status' })).json).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
  expect((await post('/api/api', { action: 'admin.system.status' }, token)).json).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect((await post('/api/api', { action: 'admin.system.status' }, await login('organizer'))).json).toMatchObject({
    ok: true,
  });
});

test('guest-<id> signs in a WeChat user seen for the first time: an entrant and nothing more', async () => {
  const token = await login('guest-a1');
  expect((await post('/api/api', { action: 'auth.me' }, token)).json).toEqual({
    ok: true,
    data: {
      user: { openid: 'demo-guest-a1', name: '微信用户' },
      roles: [{ role: 'entrant', contestId: null, contestName: null }],
      areas: ['entrant'],
    },
  });
  expect((await post('/dev/login', { as: 'guest-../x' })).status).toBe(400);
});

test('bad requests get clear Chinese answers', async () => {
  expect(await post('/dev/login', { as: 'nobody' })).toMatchObject({
    status: 400,
    json: { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('没有这个演示用户') } },
  });
  const forged = `${(await login('entrant')).split('.')[0]}.forgedsignature`;
  expect((await post('/api/api', { action: 'auth.me' }, forged)).json).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新选择演示用户登录' },
  });
  expect(await post('/api/api', '{not json')).toMatchObject({
    status: 400,
    json: { ok: false, error: { code: 'INVALID_INPUT', message: '请求不是有效的 JSON' } },
  });
  expect(await post('/api/api', JSON.stringify({ action: 'auth.me', pad: 'x'.repeat(1_100_000) }))).toMatchObject({
    status: 413,
  });
  expect(await post('/api/nothing', { action: 'auth.me' })).toMatchObject({ status: 404 });
  // The timer function is not callable over HTTP, as on WeChat where it refuses client calls.
  expect(await post('/api/cron', { Type: 'Timer' })).toMatchObject({
    status: 403,
    json: { error: { code: 'FORBIDDEN' } },
  });
});

test('data and sign-ins survive a restart on the same DATA_DIR', async () => {
  const token = await login('entrant');
  await post(
    '/api/api',
    { action: 'auth.updateProfile', data: { name: '重启前的名字' }, requestId: 'restart-0001' },
    token,
  );
  await cloud.close();
  cloud = await start();
  expect((await post('/api/api', { action: 'auth.me' }, token)).json).toMatchObject({
    ok: true,
    data: { user: { name: '重启前的名字' } },
  });
});

test('files are served only through a valid, unexpired signed link', async () => {
  const stored = await cloud.ports.files.put('entries/e1/plan.pdf', Buffer.from('%PDF-1.4 demo'), 'application/pdf');
  const url = await cloud.ports.files.temporaryUrl(stored.fileId, 60);
  expect(url.startsWith(`${cloud.url}/files/`)).toBe(true);
  const ok = await fetch(url);
  expect(ok.status).toBe(200);
  expect(ok.headers.get('content-type')).toBe('application/pdf');
  expect(await ok.text()).toBe('%PDF-1.4 demo');

  expect((await fetch(url.replace('entries/e1', 'entries/e2'))).status).toBe(403);
  cloud.ports.clock.advance(61_000);
  expect((await fetch(url)).status).toBe(403);
});

test('PUT /upload/…: a signed link takes one PDF within its size; anything else is refused', async () => {
  const target = await cloud.ports.files.uploadTarget('entries/e-test/plan-1.pdf', {
    maxBytes: 64,
    contentType: 'application/pdf',
    ttlSeconds: 60,
  });
  if (target.kind !== 'http') throw new Error('the local cloud uploads over HTTP');
  const put = (url: string, body: string, type = 'application/pdf') =>
    fetch(url, { method: 'PUT', headers: { 'content-type': type }, body });

  const ok = await put(target.url, '%PDF-1.4 small');
  expect(ok.status).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true, data: { fileId: 'local://entries/e-test/plan-1.pdf', size: 14 } });
  expect(await cloud.ports.files.stat('local://entries/e-test/plan-1.pdf')).toMatchObject({ size: 14 });

  expect((await put(target.url, 'GIF89a not a pdf')).status).toBe(415);
  const tooLarge = await put(target.url, '%PDF-' + 'x'.repeat(100));
  expect(tooLarge.status).toBe(413);
  expect((await tooLarge.json()).error.message).toEqual(expect.any(String));
  expect((await put(target.url.replace('plan-1', 'plan-2'), '%PDF-1.4')).status).toBe(403);
  cloud.ports.clock.advance(61_000);
  expect((await put(target.url, '%PDF-1.4 late')).status).toBe(403);
});

test('POST /dev/clock moves the local clock for scheduled publishing and deadlines', async () => {
  const before = Date.parse((await (await fetch(`${cloud.url}/dev/clock`)).json()).now);
  const moved = await post('/dev/clock', { advanceMs: 3600_000 });
  expect(Date.parse(moved.json.now) - before).toBeGreaterThanOrEqual(3600_000);
  expect(await post('/dev/clock', { set: '2030-01-01T00:00:00Z' })).toMatchObject({
    json: { now: expect.stringMatching(/^2030-01-01T00:00/) },
  });
  expect((await post('/dev/clock', { advanceMs: 'soon' })).status).toBe(400);
});

test('the H5 app is served with browser routes falling back to index.html, precompressed when the browser takes it', async () => {
  const h5Dir = join(dataDir, 'h5');
  mkdirSync(join(h5Dir, 'js'), { recursive: true });
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>创客中国</title>');
  const js = 'console.log("app");'.repeat(200);
  writeFileSync(join(h5Dir, 'js', 'app.1234.js'), js);
  writeFileSync(join(h5Dir, 'js', 'app.1234.js.br'), brotliCompressSync(js));
  await cloud.close();
  cloud = await startLocalCloud({ port: 0, dataDir, h5Dir, cronIntervalMs: 0, log: quiet });

  const deep = await fetch(`${cloud.url}/pages/article/index?id=a-1`);
  expect(deep.status).toBe(200);
  expect(await deep.text()).toContain('创客中国');
  const compressed = await fetch(`${cloud.url}/js/app.1234.js`, { headers: { 'accept-encoding': 'br' } });
  expect(compressed.headers.get('content-encoding')).toBe('br');
  expect(compressed.headers.get('cache-control')).toContain('immutable');
  expect(await compressed.text()).toBe(js);
});

test('the cron stand-in runs the recurring purge job', async () => {
  const outcomes = await cloud.runCron();
  expect(outcomes).toEqual([
    { id: 'recurring:requests.purge', kind: 'requests.purge', status: 'rescheduled', result: { removed: 0 } },
  ]);
});

test('the local cloud refuses to start where cloud environment variables say it is not local', async () => {
  process.env.TCB_ENV = 'prod-123';
  try {
    await expect(startLocalCloud({ port: 0, dataDir, h5Dir: null, cronIntervalMs: 0, log: quiet })).rejects.toThrow(
      '开发登录只能在本地云运行',
    );
  } finally {
    delete process.env.TCB_ENV;
  }
});
