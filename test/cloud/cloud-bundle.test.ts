/**
 * The built cloud functions (npm run build:cloud), loaded as CloudBase loads them, with the
 * wx-server-sdk stand-in in place of the real SDK: the platform boundary, nothing of ours replaced.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWxServerSdkStandin, type WxServerSdkStandin } from '../standins/wx-server-sdk';

const dist = join(__dirname, '..', '..', 'dist', 'cloudfunctions');
let sdk: WxServerSdkStandin;

jest.mock('wx-server-sdk', () => sdk, { virtual: true });

type Main = (event: unknown, context?: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

function load(name: 'api' | 'cron'): Main {
  const file = join(dist, name, 'index.js');
  if (!existsSync(file)) throw new Error(`${file} 不存在：先运行 npm run build:cloud（npm test 会自动构建）`);
  let main: Main | undefined;
  jest.isolateModules(() => {
    main = (require(file) as { main: Main }).main;
  });
  if (main === undefined) throw new Error('bundle exports no main');
  return main;
}

beforeEach(() => {
  sdk = createWxServerSdkStandin();
  delete process.env.WX_OPENID;
  process.env.ADMIN_OPENIDS = 'oAdmin0000000000000000000001';
});
afterAll(() => {
  delete process.env.WX_OPENID;
  delete process.env.ADMIN_OPENIDS;
});

test('each function folder has index.js, package.json with wx-server-sdk, and config.json', () => {
  for (const name of ['api', 'cron']) {
    const pkg = JSON.parse(readFileSync(join(dist, name, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ main: 'index.js', dependencies: { 'wx-server-sdk': expect.any(String) } });
    const bundle = readFileSync(join(dist, name, 'index.js'), 'utf8');
    expect(bundle).toContain('require("wx-server-sdk")');
    expect(bundle).not.toContain('better-sqlite3');
  }
  expect(JSON.parse(readFileSync(join(dist, 'api', 'config.json'), 'utf8'))).toEqual({
    permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck'] },
  });
  expect(JSON.parse(readFileSync(join(dist, 'cron', 'config.json'), 'utf8'))).toMatchObject({
    triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }],
  });
});

test('api: identity from getWXContext, organizer from ADMIN_OPENIDS, data over the CloudBase adapter', async () => {
  const main = load('api');
  expect(sdk.initCalls).toHaveLength(1);

  expect(await main({ action: 'auth.me' })).toEqual({ ok: true, data: { user: null, roles: [], areas: [] } });

  process.env.WX_OPENID = 'oUser00000000000000000000001';
  expect(await main({ action: 'auth.profile.update', data: { name: '云端用户' }, requestId: 'cloud-req-1' })).toEqual({
    ok: true,
    data: { openid: 'oUser00000000000000000000001', name: '云端用户' },
  });
  // The nickname went through msgSecCheck and into the (stand-in) cloud database.
  expect(sdk.openapiStandin.secChecks).toHaveLength(1);
  const stored = await sdk.databaseStandin.collection('users').doc('oUser00000000000000000000001').get();
  expect(stored.data).toMatchObject({ name: '云端用户' });
  expect(await main({ action: 'admin.system.status' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  process.env.WX_OPENID = 'oAdmin0000000000000000000001';
  expect(await main({ action: 'admin.system.status' })).toMatchObject({
    ok: true,
    data: { counts: { users: 1, requests: 1 } },
  });
});

test('cron: refuses every caller but its own timer trigger, runs due jobs on it', async () => {
  const main = load('cron');
  const timerEvent = { Type: 'Timer', TriggerName: 'every-minute', Time: '2026-11-23T02:00:00Z' };
  const refused = { ok: false, error: { code: 'FORBIDDEN' } };
  try {
    // A mini-program user forging the timer's event.
    process.env.TCB_SOURCE = 'wx_client';
    process.env.WX_OPENID = 'oUser00000000000000000000001';
    expect(await main(timerEvent)).toMatchObject(refused);
    // A web or anonymous caller (no OPENID) forging it: the platform still says who started the run.
    delete process.env.WX_OPENID;
    expect(await main(timerEvent)).toMatchObject(refused);
    process.env.TCB_SOURCE = 'wx_http';
    expect(await main(timerEvent)).toMatchObject(refused);
    // Another function calling on a client's behalf: the chain is not the timer.
    process.env.TCB_SOURCE = 'wx_trigger,scf';
    expect(await main(timerEvent)).toMatchObject(refused);
    // A timer run, but not of our trigger's name, or not a timer event at all.
    process.env.TCB_SOURCE = 'wx_trigger';
    expect(await main({ ...timerEvent, TriggerName: 'someone-else' })).toMatchObject(refused);
    expect(await main({ action: 'whatever' })).toMatchObject(refused);
    expect(await main(null)).toMatchObject(refused);
    // A timer run with a user behind it is no timer run.
    process.env.WX_OPENID = 'oUser00000000000000000000001';
    expect(await main(timerEvent)).toMatchObject(refused);
    delete process.env.WX_OPENID;
  } finally {
    delete process.env.TCB_SOURCE;
  }
  expect(await main(timerEvent)).toMatchObject(refused);
  // Nothing ran for any of them: not even the recurring jobs a first tick plants.
  expect((await sdk.databaseStandin.collection('jobs').count()).total).toBe(0);

  process.env.TCB_SOURCE = 'wx_trigger';
  let tick: Awaited<ReturnType<typeof main>>;
  try {
    tick = await main(timerEvent);
  } finally {
    delete process.env.TCB_SOURCE;
  }
  expect(tick).toMatchObject({
    ok: true,
    data: {
      outcomes: expect.arrayContaining([
        expect.objectContaining({ id: 'recurring:requests.purge', status: 'rescheduled', result: { removed: 0 } }),
        expect.objectContaining({ id: 'recurring:reminders.plan', status: 'rescheduled' }),
      ]),
    },
  });
});
