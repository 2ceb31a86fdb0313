import { createApi, type Api } from '../../cloudfunctions/router';
import { inputFingerprint, requestRecordId, type IdempotencyOptions } from '../../cloudfunctions/idempotency';
import { useCases } from '../../cloudfunctions/usecases';
import type { UseCaseTable } from '../../cloudfunctions/usecases/context';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import { DEMO_ADMIN_OPENIDS, demoOpenid } from '../../cloudfunctions/local/seed-data';
import { C, type RequestDoc, type UserDoc } from '../../cloudfunctions/usecases/collections';
import { testPorts } from '../support/local-ports';

type Ports = ReturnType<typeof testPorts>;

const anonymous = { openid: null };
const entrant = { openid: demoOpenid('entrant') };
const judge = { openid: demoOpenid('judge1') };
const organizer = { openid: demoOpenid('organizer') };

let ports: Ports;
let api: Api;

function makeApi(
  table: UseCaseTable = useCases,
  idempotency: IdempotencyOptions = { keepMs: 3600_000, leaseMs: 5_000, waitMs: 3_000, pollMs: 10 },
): Api {
  return createApi({
    ports,
    adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
    runtime: 'local',
    version: '9.9.9',
    useCases: table,
    idempotency,
    idHashKey: Buffer.alloc(32, 1),
  });
}

beforeEach(async () => {
  ports = testPorts({ start: new Date('2026-11-23T02:00:00Z') });
  await seedDemoData(ports);
  api = makeApi();
});
afterEach(() => ports.dispose());

describe('routing and errors', () => {
  test('an unknown or missing action is UNKNOWN_ACTION', async () => {
    expect(await api({ action: 'nope.nothing' }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    });
    expect(await api(null, anonymous)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    // Inherited object keys are not actions.
    expect(await api({ action: 'toString' }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    });
  });

  test('a schema failure is INVALID_INPUT with a Chinese message per field', async () => {
    const result = await api({ action: 'auth.profile.update', data: { name: '   ' } }, entrant);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '填写的内容有误，请检查后重试', details: { name: '请填写昵称' } },
    });
    const tooLong = await api({ action: 'auth.profile.update', data: { name: '很'.repeat(21) } }, entrant);
    expect(tooLong).toMatchObject({ error: { details: { name: '昵称不能超过 20 个字' } } });
    const missing = await api({ action: 'auth.profile.update', data: {} }, entrant);
    expect(missing).toMatchObject({ error: { details: { name: '此项为必填项' } } });
    const wrongShape = await api({ action: 'contest.list', data: { editionId: 'no spaces allowed' } }, anonymous);
    expect(wrongShape).toMatchObject({ error: { code: 'INVALID_INPUT', details: { editionId: '届次格式不正确' } } });
  });

  test('a malformed requestId is refused before anything runs', async () => {
    const result = await api({ action: 'auth.profile.update', data: { name: '新名字' }, requestId: 'x' }, entrant);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { requestId: expect.any(String) } },
    });
    expect(await ports.db.collection<UserDoc>(C.users).get(entrant.openid)).toMatchObject({ name: '张明' });
  });

  test('the role check comes before input validation', async () => {
    // Invalid input, but the caller lacks the role: they learn nothing about the schema.
    expect(await api({ action: 'admin.system.status', data: 'garbage' }, entrant)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '没有权限进行此操作' },
    });
    expect(await api({ action: 'auth.profile.update', data: { name: '' } }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await api({ action: 'admin.system.status', data: 'garbage' }, organizer)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('identity comes from the platform, never from data', async () => {
    const spoof = await api(
      {
        action: 'auth.me',
        data: { openid: organizer.openid },
        openid: organizer.openid,
        userInfo: { openId: organizer.openid },
      },
      anonymous,
    );
    expect(spoof).toEqual({ ok: true, data: { user: null, roles: [], areas: [] } });
    expect(await api({ action: 'admin.system.status', data: { openid: organizer.openid } }, judge)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  test('an unexpected error is logged with the requestId and answered INTERNAL without a stack', async () => {
    const broken: UseCaseTable = {
      ...useCases,
      'system.health': async () => {
        throw new TypeError('cannot read properties of undefined (secret internals)');
      },
    };
    const result = await makeApi(broken)({ action: 'system.health', requestId: 'trace-0001' }, anonymous);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    const logged = ports.logs.find((l) => l.level === 'error');
    expect(logged?.fields).toMatchObject({ requestId: 'trace-0001', action: 'system.health' });
    expect(String(logged?.fields?.error)).toContain('secret internals');
  });
});

describe('actions', () => {
  test('system.health answers anyone', async () => {
    expect(await api({ action: 'system.health' }, anonymous)).toEqual({
      ok: true,
      data: { status: 'ok', time: expect.stringMatching(/^2026-11-23T02:00/), version: '9.9.9', runtime: 'local' },
    });
  });

  test('auth.me: anonymous follower, entrant, judge with contest name, organizer from ADMIN_OPENIDS', async () => {
    expect(await api({ action: 'auth.me' }, anonymous)).toEqual({
      ok: true,
      data: { user: null, roles: [], areas: [] },
    });

    expect(await api({ action: 'auth.me' }, entrant)).toEqual({
      ok: true,
      data: {
        user: { openid: 'demo-entrant', name: '张明' },
        roles: [{ role: 'entrant', contestId: null, contestName: null }],
        areas: ['entrant'],
      },
    });

    const judgeMe = await api({ action: 'auth.me' }, judge);
    expect(judgeMe).toMatchObject({ ok: true, data: { areas: ['entrant', 'judge'] } });
    expect(judgeMe.ok && judgeMe.data).toMatchObject({
      roles: expect.arrayContaining([
        { role: 'judge', contestId: 'sh-2024', contestName: '2024年“创客中国”上海市中小企业创新创业大赛' },
      ]),
    });

    const organizerMe = await api({ action: 'auth.me' }, organizer);
    expect(organizerMe).toMatchObject({ ok: true, data: { areas: ['entrant', 'admin'] } });

    // A WeChat user never seen before is an entrant with a default name.
    expect(await api({ action: 'auth.me' }, { openid: 'oNewUser123' })).toMatchObject({
      ok: true,
      data: { user: { openid: 'oNewUser123', name: '微信用户' }, areas: ['entrant'] },
    });
  });

  test('ADMIN_OPENIDS makes an organizer with no stored grant', async () => {
    const withEnvAdmin = createApi({
      ports,
      adminOpenids: new Set(['oBootstrapAdmin']),
      runtime: 'cloud',
      version: '1',
      idHashKey: null,
    });
    expect(await withEnvAdmin({ action: 'admin.system.status' }, { openid: 'oBootstrapAdmin' })).toMatchObject({
      ok: true,
    });
    // The demo organizer is an organizer only through ADMIN_OPENIDS, so here it is not one.
    expect(await withEnvAdmin({ action: 'admin.system.status' }, organizer)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  test('contest.list shows the seeded Shanghai contest with its status decided by the clock', async () => {
    const result = await api({ action: 'contest.list', data: { editionId: 'edition-9' } }, anonymous);
    expect(result).toMatchObject({
      ok: true,
      data: {
        items: [
          {
            id: 'sh-2024',
            kind: 'regional',
            editionName: '第九届“创客中国”中小企业创新创业大赛',
            year: 2024,
            groups: ['enterprise', 'maker'],
            registration: { status: 'closed', closesAt: '2024-08-31T15:59:59.000Z' },
          },
        ],
      },
    });
    ports.clock.freeze(new Date('2024-08-31T15:59:59.500Z'));
    expect(await api({ action: 'contest.list', data: { editionId: 'edition-9' } }, anonymous)).toMatchObject({
      data: { items: [{ registration: { status: 'open' } }] },
    });
  });

  test('auth.profile.update refuses risky text with CONTENT_RISKY and keeps the old name', async () => {
    const result = await api({ action: 'auth.profile.update', data: { name: '赌博网站代理' } }, entrant);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY', details: { name: expect.any(String) } },
    });
    expect(await api({ action: 'auth.me' }, entrant)).toMatchObject({ data: { user: { name: '张明' } } });
  });

  test('admin.system.status counts what is stored', async () => {
    const result = await api({ action: 'admin.system.status' }, organizer);
    expect(result).toMatchObject({ ok: true, data: { counts: { contests: 3, users: 10, roles: 7, requests: 0 } } });
  });
});

describe('requestId makes a write idempotent', () => {
  test('a repeat returns the stored answer and does not write again', async () => {
    const first = await api(
      { action: 'auth.profile.update', data: { name: '张明明' }, requestId: 'req-00000001' },
      entrant,
    );
    expect(first).toEqual({ ok: true, data: { openid: 'demo-entrant', name: '张明明' } });
    await api({ action: 'auth.profile.update', data: { name: '后来的名字' }, requestId: 'req-00000002' }, entrant);

    const repeat = await api(
      { action: 'auth.profile.update', data: { name: '张明明' }, requestId: 'req-00000001' },
      entrant,
    );
    expect(repeat).toEqual(first);
    // The repeat did not run again: the later name stays.
    expect(await api({ action: 'auth.me' }, entrant)).toMatchObject({ data: { user: { name: '后来的名字' } } });
  });

  test('two identical calls arriving at once run the use case once and get one answer', async () => {
    let runs = 0;
    const counted: UseCaseTable = {
      ...useCases,
      'auth.profile.update': async (ctx, input, p) => {
        runs += 1;
        await new Promise((r) => setTimeout(r, 50));
        return useCases['auth.profile.update'](ctx, input, p);
      },
    };
    const counting = makeApi(counted);
    const call = { action: 'auth.profile.update', data: { name: '并发' }, requestId: 'req-concurrent-1' };
    const answers = await Promise.all([counting(call, entrant), counting(call, entrant), counting(call, entrant)]);
    expect(runs).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toEqual({ ok: true, data: { openid: 'demo-entrant', name: '并发' } });
  });

  test('a stored AppError answer is returned again; the same id for other input is REQUEST_ID_REUSED', async () => {
    const risky = { action: 'auth.profile.update', data: { name: '赌博网站代理' }, requestId: 'req-risky-01' };
    const first = await api(risky, entrant);
    expect(first).toMatchObject({ error: { code: 'CONTENT_RISKY' } });
    expect(await api(risky, entrant)).toEqual(first);
    expect(await api({ ...risky, data: { name: '正常名字' } }, entrant)).toMatchObject({
      error: { code: 'REQUEST_ID_REUSED' },
    });
  });

  test('requestIds are per caller: another user with the same id gets their own answer', async () => {
    const call = { action: 'auth.profile.update', data: { name: '同名' }, requestId: 'req-shared-01' };
    expect(await api(call, entrant)).toMatchObject({ data: { openid: 'demo-entrant' } });
    expect(await api(call, judge)).toMatchObject({ data: { openid: 'demo-judge1' } });
  });

  test('after an unexpected failure the same requestId runs again', async () => {
    let fail = true;
    const flaky: UseCaseTable = {
      ...useCases,
      'auth.profile.update': async (ctx, input, p) => {
        if (fail) throw new Error('database hiccup');
        return useCases['auth.profile.update'](ctx, input, p);
      },
    };
    const flakyApi = makeApi(flaky);
    const call = { action: 'auth.profile.update', data: { name: '重试成功' }, requestId: 'req-retry-001' };
    expect(await flakyApi(call, entrant)).toMatchObject({ error: { code: 'INTERNAL' } });
    fail = false;
    expect(await flakyApi(call, entrant)).toEqual({ ok: true, data: { openid: 'demo-entrant', name: '重试成功' } });
  });

  test('a pending record whose worker died is taken over once its lease expires; a live one is waited for', async () => {
    const call = { action: 'auth.profile.update', data: { name: '接管' }, requestId: 'req-takeover-1' };
    const recordId = requestRecordId(entrant.openid, call.requestId);
    const now = ports.clock.now().getTime();
    const pending: Omit<RequestDoc, 'leaseUntil'> = {
      _id: recordId,
      openid: entrant.openid,
      action: call.action,
      fingerprint: inputFingerprint(call.data),
      status: 'pending',
      result: null,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 3600_000).toISOString(),
    };
    // A worker that is still within its lease: the repeat waits, then says it is still in progress.
    await ports.db
      .collection<RequestDoc>(C.requests)
      .create({ ...pending, leaseUntil: new Date(now + 60_000).toISOString() });
    const impatient = makeApi(useCases, { keepMs: 3600_000, leaseMs: 5_000, waitMs: 150, pollMs: 10 });
    expect(await impatient(call, entrant)).toMatchObject({ error: { code: 'REQUEST_IN_PROGRESS' } });

    // The worker crashed: once its lease is over, the repeat takes over and runs the write.
    ports.clock.advance(61_000);
    expect(await api(call, entrant)).toEqual({ ok: true, data: { openid: 'demo-entrant', name: '接管' } });
    expect(await ports.db.collection(C.requests).get(recordId)).toMatchObject({ status: 'done' });
  });
});
