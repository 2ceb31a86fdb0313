/** The local cloud over real HTTP: dev sign-in, the api function, files, persistence across restarts. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
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

/** The JSON the local cloud answers, as these tests read it: a wire answer, or a dev route's. */
interface LocalJson {
  ok?: boolean;
  data?: unknown;
  error?: { code: string; message: string; details?: Record<string, string> };
  token?: string;
  now?: string;
  offsetMs?: number;
  users?: Array<{ key: string; name: string }>;
}

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; json: LocalJson }> {
  const res = await fetch(cloud.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: LocalJson;
}

/**
 * One request over node:http, for the headers fetch will not let a test set (Host, Origin) and for
 * bodies of a chosen size. A fresh connection each time, so one answer's `connection: close` cannot
 * reach the next request.
 */
function raw(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: cloud.port, path, method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            // Not every answer is JSON; tests that need it say so.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: json as LocalJson });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const asJson = { 'content-type': 'application/json' };

async function login(as: string): Promise<string> {
  const { json } = await post('/dev/login', { as });
  if (typeof json.token !== 'string') throw new Error(`dev sign-in as ${as} gave no token`);
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
    { action: 'auth.profile.update', data: { name: '重启前的名字' }, requestId: 'restart-0001' },
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
  expect(Date.parse(moved.json.now ?? '') - before).toBeGreaterThanOrEqual(3600_000);
  expect(await post('/dev/clock', { set: '2030-01-01T00:00:00Z' })).toMatchObject({
    json: { now: expect.stringMatching(/^2030-01-01T00:00/) },
  });
  expect((await post('/dev/clock', { advanceMs: 'soon' })).status).toBe(400);
});

test('POST /dev/subscribe is the H5 build’s 允许; the api records it; GET /dev/messages shows what WeChat delivered', async () => {
  const token = await login('entrant');
  const api = (action: string, data: unknown) => post('/api/api', { action, data }, token);
  const templates = ((await api('notify.template.list', {})).json.data as { templates: Record<string, string> })
    .templates;
  expect(templates.judgeTask).toBe('local-judgeTask');

  expect((await post('/dev/subscribe', { templateIds: [templates.announcement] })).status).toBe(401);
  expect((await post('/dev/subscribe', { templateIds: [] }, token)).json.error?.message).toContain('模板 ID');
  const tapped = await post('/dev/subscribe', { templateIds: [templates.announcement] }, token);
  expect(tapped.json).toMatchObject({ errMsg: 'requestSubscribeMessage:ok', [templates.announcement ?? '']: 'accept' });
  expect(await cloud.ports.wechat.remaining('demo-entrant', templates.announcement ?? '')).toBe(1);
  const recorded = await api('notify.subscription.record', {
    results: [{ templateId: templates.announcement, result: 'accept' }],
  });
  expect(recorded.json).toMatchObject({ ok: true, data: { credits: [{ credits: 1 }] } });

  await cloud.ports.messenger.send({
    toOpenid: 'demo-entrant',
    templateId: templates.announcement ?? '',
    page: 'entrant/pages/inbox/index',
    data: {
      thing1: { value: '决赛路演安排' },
      thing2: { value: '上海赛区' },
      time3: { value: '2026年12月8日 09:00' },
      thing4: { value: '请准时参加' },
    },
  });
  const shown = await raw('/dev/messages');
  expect(shown.status).toBe(200);
  expect((shown.json as { messages?: unknown[] }).messages).toEqual([
    expect.objectContaining({
      to: 'demo-entrant',
      templateId: templates.announcement,
      page: 'entrant/pages/inbox/index',
      delivered: true,
      fields: expect.objectContaining({ thing1: { value: '决赛路演安排' } }),
    }),
  ]);
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

test('the cron stand-in runs the recurring jobs: the purge and the reminders’ planner', async () => {
  const { jobs: outcomes } = await cloud.runCron();
  expect(outcomes).toEqual(
    expect.arrayContaining([
      { id: 'recurring:requests.purge', kind: 'requests.purge', status: 'rescheduled', result: { removed: 0 } },
      expect.objectContaining({ id: 'recurring:reminders.plan', kind: 'reminders.plan', status: 'rescheduled' }),
    ]),
  );
  expect(outcomes).toHaveLength(2);
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

describe('the dev routes answer only pages and tools on this machine', () => {
  const loginBody = JSON.stringify({ as: 'organizer' });

  test('a foreign Host (DNS rebinding) gets no token; loopback names with the port do', async () => {
    for (const host of ['evil.example:10086', 'evil.example', '127.0.0.1.evil.com', 'localhost.evil.com:10086']) {
      const answer = await raw('/dev/login', { method: 'POST', headers: { ...asJson, host }, body: loginBody });
      expect({ host, status: answer.status }).toEqual({ host, status: 403 });
      expect(answer.json).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '开发接口只接受本机页面访问' },
      });
      expect(answer.text).not.toContain('token');
    }
    for (const host of [`localhost:${cloud.port}`, `127.0.0.1:${cloud.port}`, `[::1]:${cloud.port}`, 'localhost']) {
      const answer = await raw('/dev/login', { method: 'POST', headers: { ...asJson, host }, body: loginBody });
      expect({ host, status: answer.status }).toEqual({ host, status: 200 });
      expect(answer.json).toMatchObject({ token: expect.any(String), user: { key: 'organizer' } });
    }
    expect((await raw('/dev/users', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await raw('/dev/clock', { headers: { host: 'evil.example' } })).status).toBe(403);
    // A route the dev router does not know is behind the same guard.
    expect((await raw('/dev/anything-later', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  test('POSTs must be JSON: a cross-site text/plain or form POST neither signs in nor moves the clock', async () => {
    const clockBefore = (await (await fetch(`${cloud.url}/dev/clock`)).json()).offsetMs;
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const signIn = await raw('/dev/login', { method: 'POST', headers: { 'content-type': type }, body: loginBody });
      expect(signIn.status).toBe(415);
      expect(signIn.json).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '请以 JSON（application/json）提交' },
      });
      const clock = await raw('/dev/clock', {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ advanceMs: 3600_000 }),
      });
      expect(clock.status).toBe(415);
    }
    // No content type at all is refused too.
    expect((await raw('/dev/clock', { method: 'POST', body: JSON.stringify({ advanceMs: 1 }) })).status).toBe(415);
    expect((await (await fetch(`${cloud.url}/dev/clock`)).json()).offsetMs).toBe(clockBefore);

    const withCharset = await raw('/dev/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ advanceMs: 60_000 }),
    });
    expect(withCharset.status).toBe(200);
    expect(withCharset.json.offsetMs).toBe(clockBefore + 60_000);
  });

  test('a foreign or null Origin is refused; the H5 app on its own loopback origin is not', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1.evil.com', 'https://127.0.0.1']) {
      const users = await raw('/dev/users', { headers: { origin } });
      expect({ origin, status: users.status }).toEqual({ origin, status: 403 });
      expect(users.json.error).toEqual({ code: 'FORBIDDEN', message: '开发接口只接受本机页面访问' });
      const signIn = await raw('/dev/login', { method: 'POST', headers: { ...asJson, origin }, body: loginBody });
      expect({ origin, status: signIn.status }).toEqual({ origin, status: 403 });
      expect(signIn.text).not.toContain('token');
    }

    // What src/services/auth.ts sends from http://127.0.0.1:<port>: a same-origin GET (browsers add no
    // Origin to it) and POSTs with the page's Origin and `Content-Type: application/json`.
    const origin = `http://127.0.0.1:${cloud.port}`;
    const host = `127.0.0.1:${cloud.port}`;
    const users = await raw('/dev/users', { headers: { host } });
    expect(users.status).toBe(200);
    expect(users.json.users).toHaveLength(10);
    expect((await raw('/dev/users', { headers: { host, origin } })).status).toBe(200);
    const signIn = await raw('/dev/login', {
      method: 'POST',
      headers: { host, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'judge1' }),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.json).toMatchObject({ token: expect.any(String), user: { key: 'judge1', name: '王建国' } });
    const clock = await raw('/dev/clock', {
      method: 'POST',
      headers: { host, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 1000 }),
    });
    expect(clock.status).toBe(200);
    // Opened as http://localhost:<port> the app works the same.
    const localhost = await raw('/dev/login', {
      method: 'POST',
      headers: { host: `localhost:${cloud.port}`, origin: `http://localhost:${cloud.port}`, ...asJson },
      body: loginBody,
    });
    expect(localhost.status).toBe(200);
  });
});

test('files from /files/ are never sniffed; images show inline, everything else downloads', async () => {
  const served = async (path: string, content: Buffer, type: string) => {
    const stored = await cloud.ports.files.put(path, content, type);
    return fetch(await cloud.ports.files.temporaryUrl(stored.fileId, 60));
  };
  const pdf = await served('entries/e1/plan.pdf', Buffer.from('%PDF-1.4 demo'), 'application/pdf');
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
  expect(pdf.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''plan.pdf");

  const xlsx = await served(
    'exports/c1/评审结果 (终版).xlsx',
    Buffer.from('PK'),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get('x-content-type-options')).toBe('nosniff');
  expect(xlsx.headers.get('content-disposition')).toBe(
    `attachment; filename*=UTF-8''${encodeURIComponent('评审结果 ')}%28${encodeURIComponent('终版')}%29.xlsx`,
  );

  const png = await served('news/n1/cover.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
  expect(png.headers.get('content-type')).toBe('image/png');
  expect(png.headers.get('x-content-type-options')).toBe('nosniff');
  expect(png.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''cover.png");
  const jpeg = await served('news/n1/photo.jpg', Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg');
  expect(jpeg.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''photo.jpg");
  // An HTML file (or an SVG, which can carry script) is downloaded, never rendered on this origin.
  const html = await served('news/n1/page.html', Buffer.from('<script>1</script>'), 'text/html');
  expect(html.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''page.html");
  const svg = await served('news/n1/logo.svg', Buffer.from('<svg/>'), 'image/svg+xml');
  expect(svg.headers.get('content-disposition')).toMatch(/^attachment;/);

  // The JSON answers say nosniff too.
  expect((await fetch(`${cloud.url}/healthz`)).headers.get('x-content-type-options')).toBe('nosniff');
  expect((await fetch(`${cloud.url}/dev/users`)).headers.get('x-content-type-options')).toBe('nosniff');
});

describe('oversize bodies get an answer the client can read', () => {
  test('a 2 MB call to /api/api: the client reads the 413 JSON, and the server goes on answering', async () => {
    const body = JSON.stringify({ action: 'auth.me', pad: 'x'.repeat(2 * 1024 * 1024) });
    const res = await fetch(`${cloud.url}/api/api`, { method: 'POST', headers: asJson, body });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容超过 1 MB' } });

    const viaHttp = await raw('/api/api', { method: 'POST', headers: asJson, body });
    expect(viaHttp.status).toBe(413);
    expect(viaHttp.json.error?.message).toBe('请求内容超过 1 MB');

    expect((await post('/api/api', { action: 'auth.me' })).json).toMatchObject({ ok: true });
    expect((await fetch(`${cloud.url}/healthz`)).status).toBe(200);
  });

  test('a body exactly at the 1 MB limit is still read as the call', async () => {
    const prefix = '{"action":"auth.me","pad":"';
    const suffix = '"}';
    const body = prefix + 'x'.repeat(1024 * 1024 - prefix.length - suffix.length) + suffix;
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    expect(await post('/api/api', body)).toMatchObject({ status: 200, json: { ok: true } });
  });

  test('an upload over its maxBytes: the client reads the 413 JSON', async () => {
    const target = await cloud.ports.files.uploadTarget('entries/e-big/plan.pdf', {
      maxBytes: 64 * 1024,
      contentType: 'application/pdf',
      ttlSeconds: 60,
    });
    if (target.kind !== 'http') throw new Error('the local cloud uploads over HTTP');
    const big = Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.alloc(3 * 1024 * 1024, 0x61)]);
    const res = await fetch(target.url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: big });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '文件超过大小上限 64 KB' },
    });
    expect(await cloud.ports.files.stat('local://entries/e-big/plan.pdf')).toBeNull();

    // The same link still takes a file within its size.
    const ok = await fetch(target.url, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: '%PDF-1.4 fits',
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.json()).toMatchObject({ ok: true, data: { size: 13 } });
  });

  test('a body declared past the drain cap is cut off at once, and the server goes on answering', async () => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: cloud.port,
      path: '/api/api',
      method: 'POST',
      headers: { ...asJson, 'content-length': String(100 * 1024 * 1024) },
      agent: false,
    });
    const outcome = new Promise<string>((resolve) => {
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.on('response', (res) => resolve(`status ${res.statusCode}`));
    });
    req.write('{"action":"auth.me","pad":"');
    expect(await outcome).toMatch(/^(ECONNRESET|EPIPE)$/);
    req.destroy();
    expect((await post('/api/api', { action: 'auth.me' })).json).toMatchObject({ ok: true });
  });

  test('a chunked body that runs past the 64 MB drain cap is cut off there', async () => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: cloud.port,
      path: '/api/api',
      method: 'POST',
      headers: asJson,
      agent: false,
    });
    const outcome = new Promise<string>((resolve) => {
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.on('response', (res) => resolve(`status ${res.statusCode}`));
    });
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    // Up to 200 MB, one chunk after the last is taken; the server must cut in well before that.
    while (!settled && sent < 200) {
      await Promise.race([outcome, new Promise<void>((resolve) => req.write(chunk, () => resolve()))]);
      sent += 1;
    }
    expect(await outcome).toMatch(/^(ECONNRESET|EPIPE)$/);
    expect(sent).toBeGreaterThanOrEqual(64);
    expect(sent).toBeLessThan(200);
    req.destroy();
    expect((await post('/api/api', { action: 'auth.me' })).json).toMatchObject({ ok: true });
  });
});

test('GET /live/<liveId>/stream: the released projection at once, again as soon as the host changes it', async () => {
  const liveId = 'demo-final:final:enterprise';
  const controller = new AbortController();
  const res = await fetch(`${cloud.url}/live/${encodeURIComponent(liveId)}/stream`, { signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  /** The next `data:` frame's projection. */
  const nextScreen = async (): Promise<{ version: number; current: { state: string } | null }> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data)
          return (JSON.parse(data.slice(6)) as { screen: { version: number; current: { state: string } | null } })
            .screen;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  const first = await nextScreen();
  expect(first.current).toBeNull();
  const { json } = await post('/dev/login', { as: 'organizer' });
  const token = json.token as string;
  const drawn = await post('/api/api', { action: 'admin.live.draw', data: { liveId, seed: 'sse' } }, token);
  const slots = (drawn.json.data as { console: { slots: Array<{ entryId: string }> } }).console.slots;
  await post(
    '/api/api',
    { action: 'admin.live.control', data: { liveId, command: 'pitch', entryId: slots[0]?.entryId } },
    token,
  );
  // The draw and the 路演 each move the version; the stream carries both, in order.
  const afterDraw = await nextScreen();
  expect(afterDraw.version).toBeGreaterThan(first.version);
  const onStage = afterDraw.current?.state === 'pitch' ? afterDraw : await nextScreen();
  expect(onStage.current?.state).toBe('pitch');
  controller.abort();
  // An unknown show and a malformed id are 404s, not a stream.
  expect((await fetch(`${cloud.url}/live/nope/stream`)).status).toBe(404);
  expect((await fetch(`${cloud.url}/live/%E0%A4%A/stream`)).status).toBe(404);
});
