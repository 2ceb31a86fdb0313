/**
 * Subscriptions, the credit ledger, the inbox and the push of notices through the router and the cron drain, on
 * the embedded SQLite store and on the CloudBase adapter over the wx-server-sdk stand-in, with the local stand-in
 * of WeChat counting subscriptions as WeChat does and failing on request.
 */
import { cronTick } from '../../cloudfunctions/jobs';
import { drainNotices } from '../../cloudfunctions/jobs/drain-notices';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import type { Messenger, Ports } from '../../cloudfunctions/ports';
import type { Api } from '../../cloudfunctions/router';
import {
  C,
  subscriptionId,
  type ContestDoc,
  type NoticeDoc,
  type SubscriptionDoc,
} from '../../cloudfunctions/usecases/collections';
import { createNotices, pushNotice } from '../../cloudfunctions/usecases/notify/notices';
import { buildNotice } from '../../core/notify/templates';
import type { TemplateIds } from '../../core/notify/views';
import { call, ok } from '../support/judging-fixtures';
import { testPorts } from '../support/local-ports';
import { portsOn, storeApi } from '../support/store-api';
import { openContest } from '../support/registration-fixtures';

const CONTEST = 'c-notify';
const T = 'tmpl-announce';
const entrant = { openid: 'demo-entrant' };
const other = { openid: 'demo-entrant2' };

type Store = 'embedded' | 'cloudbase';

describe.each<Store>(['embedded', 'cloudbase'])('notifications on the %s store', (store) => {
  let local: ReturnType<typeof testPorts>;
  let ports: Ports;
  let api: Api;
  let templates: TemplateIds;

  beforeEach(async () => {
    local = testPorts();
    local.clock.freeze(new Date('2026-11-26T02:00:00Z'));
    ports = portsOn(store, local);
    await seedDemoData(ports);
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(CONTEST));
    api = storeApi(ports, { announcement: T, reviewResult: 'tmpl-review' });
    templates = (await ok<{ templates: TemplateIds }>(call(api, { openid: null }, 'notify.template.list', {})))
      .templates;
  });
  afterEach(() => local.dispose());

  const notices = () => ports.db.collection<NoticeDoc>(C.notices);
  const credits = async (openid: string, templateId = T) =>
    (await ports.db.collection<SubscriptionDoc>(C.subscriptions).get(subscriptionId(openid, templateId)))?.credits ?? 0;
  const delivered = async () => (await local.wechat.messages()).filter((m) => m.result.ok);

  /** The user taps 允许 `taps` times: WeChat counts it, and the client reports it (notify.subscription.record). */
  async function subscribe(who: { openid: string }, taps = 1, templateId = T) {
    for (let i = 0; i < taps; i++) {
      await local.wechat.accept(who.openid, [templateId]);
      await ok(call(api, who, 'notify.subscription.record', { results: [{ templateId, result: 'accept' }] }));
    }
  }

  function announcement(title = '决赛路演安排') {
    const built = buildNotice('announcement', {
      contestId: CONTEST,
      title,
      contestName: '测试赛事',
      at: '2026-12-08T01:00:00Z',
      note: '请准时参加',
    });
    if (!built.ok) throw new Error('announcement does not fit');
    return built.notice;
  }

  async function notify(openids: readonly string[], source = 'c.test') {
    return createNotices(
      ports,
      templates,
      openids.map((openid) => ({ openid, source, notice: announcement(), contestId: CONTEST })),
    );
  }

  test('the client learns the template ids; kinds without one are null', () => {
    expect(templates).toMatchObject({ announcement: T, reviewResult: 'tmpl-review', judgeTask: null });
  });

  test('each accept adds one credit; reject and ban are recorded; a retried report counts once', async () => {
    await ok(
      call(
        api,
        entrant,
        'notify.subscription.record',
        {
          results: [
            { templateId: T, result: 'accept' },
            { templateId: 'tmpl-review', result: 'reject' },
          ],
        },
        'req-subscribe-1',
      ),
    );
    await ok(
      call(
        api,
        entrant,
        'notify.subscription.record',
        {
          results: [
            { templateId: T, result: 'accept' },
            { templateId: 'tmpl-review', result: 'reject' },
          ],
        },
        'req-subscribe-1',
      ),
    );
    expect(await credits(entrant.openid)).toBe(1);
    const settings = await ok<{
      kinds: Array<{ kind: string; credits: number; lastResult: string | null; templateId: string | null }>;
    }>(call(api, entrant, 'notify.setting.get', {}));
    expect(settings.kinds.find((k) => k.kind === 'announcement')).toMatchObject({ credits: 1, lastResult: 'accept' });
    expect(settings.kinds.find((k) => k.kind === 'reviewResult')).toMatchObject({ credits: 0, lastResult: 'reject' });
    expect(settings.kinds.find((k) => k.kind === 'judgeTask')).toMatchObject({ templateId: null });
  });

  test('concurrent reports from one user all count', async () => {
    await Promise.all(
      Array.from({ length: 12 }, () =>
        ok(call(api, entrant, 'notify.subscription.record', { results: [{ templateId: T, result: 'accept' }] })),
      ),
    );
    expect(await credits(entrant.openid)).toBe(12);
  });

  test('a template of another mini-program, a repeated id and a stranger are refused', async () => {
    expect(
      await call(api, entrant, 'notify.subscription.record', { results: [{ templateId: 'tmpl-x', result: 'accept' }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('不属于本小程序') },
    });
    expect(
      await call(api, entrant, 'notify.subscription.record', {
        results: [
          { templateId: T, result: 'accept' },
          { templateId: T, result: 'accept' },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await call(api, { openid: null }, 'notify.subscription.record', {
        results: [{ templateId: T, result: 'accept' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await credits(entrant.openid)).toBe(0);
  });

  test('订阅赛事提醒 follows the contest; the main switch off is remembered', async () => {
    await ok(
      call(api, entrant, 'notify.subscription.record', { results: [], contestId: CONTEST, mainSwitchOff: true }),
    );
    const settings = await ok<{ mainSwitchOff: boolean; contests: Array<{ contestId: string }> }>(
      call(api, entrant, 'notify.setting.get', {}),
    );
    expect(settings).toMatchObject({ mainSwitchOff: true, contests: [{ contestId: CONTEST }] });
    expect(
      await call(api, entrant, 'notify.subscription.record', { results: [], contestId: 'c-missing' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a notice reaches the inbox first; WeChat only for a user with a credit, who spends it', async () => {
    await subscribe(entrant);
    const { ids } = await notify([entrant.openid, other.openid]);
    await cronTick(ports, 'tick');
    const states = await Promise.all(ids.map(async (id) => (await notices().get(id))?.push));
    expect(states).toEqual(['sent', 'unsubscribed']);
    expect(await credits(entrant.openid)).toBe(0);
    expect((await delivered()).map((m) => m.message.toOpenid)).toEqual([entrant.openid]);

    for (const who of [entrant, other]) {
      const inbox = await ok<{ items: Array<{ id: string; title: string; read: boolean }>; unread: number }>(
        call(api, who, 'inbox.list', {}),
      );
      expect(inbox).toMatchObject({ unread: 1, items: [{ id: 'c.test', title: '赛事通知', read: false }] });
    }
  });

  test('making the same notices again creates nothing and sends nothing more', async () => {
    await subscribe(entrant, 2);
    await notify([entrant.openid]);
    await cronTick(ports, 'tick-1');
    const again = await notify([entrant.openid]);
    await cronTick(ports, 'tick-2');
    expect(again.created).toBe(0);
    expect(await delivered()).toHaveLength(1);
    expect(await credits(entrant.openid)).toBe(1);
  });

  test('N credits send exactly N of many concurrent pushes to one user', async () => {
    await subscribe(entrant, 3);
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => notify([entrant.openid], `c.burst${i}`)));
    const results = await Promise.all(made.flatMap((m) => m.ids).map((id) => pushNotice(ports, id)));
    expect(results.filter((r) => r.result === 'sent')).toHaveLength(3);
    expect(results.filter((r) => r.result === 'unsubscribed')).toHaveLength(5);
    expect(await delivered()).toHaveLength(3);
    expect(await credits(entrant.openid)).toBe(0);
  });

  test('43101 sets the ledger to 0 and counts the user 未订阅', async () => {
    // The ledger believes in two credits, WeChat in none (a tap recorded but never made).
    await ok(call(api, entrant, 'notify.subscription.record', { results: [{ templateId: T, result: 'accept' }] }));
    await ok(call(api, entrant, 'notify.subscription.record', { results: [{ templateId: T, result: 'accept' }] }));
    const { ids } = await notify([entrant.openid]);
    await cronTick(ports, 'tick');
    expect(await notices().get(ids[0] ?? '')).toMatchObject({ push: 'unsubscribed', errCode: 43101 });
    expect(await credits(entrant.openid)).toBe(0);
  });

  test('47003 fails the recipient with a reason and keeps the credit', async () => {
    await subscribe(entrant);
    local.wechat.injectFaults('badData');
    const { ids } = await notify([entrant.openid]);
    await cronTick(ports, 'tick');
    expect(await notices().get(ids[0] ?? '')).toMatchObject({
      push: 'failed',
      errCode: 47003,
      reason: expect.stringContaining('47003'),
    });
    expect(await credits(entrant.openid)).toBe(1);
  });

  test('-1 and timeouts back off and retry, and the message goes once', async () => {
    await subscribe(entrant);
    local.wechat.injectFaults('busy', 'timeout');
    const { ids } = await notify([entrant.openid]);
    const id = ids[0] ?? '';
    // A drain that may not wait (inside an organizer's call) leaves the retry to cron, 5 s later.
    await drainNotices(ports, { budgetMs: 5_000 });
    expect(await notices().get(id)).toMatchObject({ push: 'queued', attempts: 1, dueAt: '2026-11-26T02:00:05.000Z' });
    expect(await credits(entrant.openid)).toBe(1);
    // The cron run waits out the back-off (5 s, then 10 s, on the clock: nothing sleeps) and sends it.
    await cronTick(ports, 'tick');
    expect(await notices().get(id)).toMatchObject({ push: 'sent', attempts: 3 });
    expect(local.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-11-26T02:00:15Z'));
    expect(await delivered()).toHaveLength(1);
    expect(await credits(entrant.openid)).toBe(0);
  });

  test('45009 holds every queued push until midnight in Shanghai, without a call for each', async () => {
    const openids = Array.from({ length: 40 }, (_, i) => `oUser${i}`);
    for (const openid of openids) await subscribe({ openid });
    // Once the day's quota is used up, WeChat answers 45009 to every call, the ones in flight included.
    local.wechat.injectFaults(...Array.from({ length: 16 }, () => 'quota' as const));
    const { ids } = await notify(openids);
    const report = await cronTick(ports, 'tick');
    expect(report.notices).toMatchObject({ stoppedBy: 'quota', more: true });
    for (const id of ids) {
      expect(await notices().get(id)).toMatchObject({ push: 'queued', dueAt: '2026-11-26T16:00:00.000Z' });
    }
    expect((await local.wechat.messages()).length).toBeLessThanOrEqual(16);
    expect(await delivered()).toHaveLength(0);
    local.clock.freeze(new Date('2026-11-26T16:00:00Z'));
    await cronTick(ports, 'tick-next-day');
    expect((await delivered()).map((m) => m.message.toOpenid).sort()).toEqual([...openids].sort());
  });

  test('a wrong template id is one call and one configuration error, not one per recipient', async () => {
    // WeChat answers 40037 for a template id it does not know: the stand-in takes only ids with a subscription.
    const broken: Messenger = {
      send: async () => ({
        ok: false,
        errCode: 40037,
        errMsg: 'openapi.subscribeMessage.send:fail invalid template_id',
      }),
    };
    let calls = 0;
    const counting: Messenger = { send: async (m) => (calls++, broken.send(m)) };
    const openids = Array.from({ length: 30 }, (_, i) => `oUser${i}`);
    for (const openid of openids) await subscribe({ openid });
    await notify(openids);
    await cronTick({ ...ports, messenger: counting }, 'tick');
    expect(calls).toBeLessThanOrEqual(16);
    const failed = await notices().find({ push: 'failed' });
    expect(failed).toHaveLength(30);
    expect(new Set(failed.map((n) => n.reason))).toEqual(new Set(['模板 ID 无效，请检查订阅消息模板配置（40037）']));
  });

  test('a push interrupted between the mark and WeChat’s answer is counted 未知 and never sent again', async () => {
    await subscribe(entrant);
    const { ids } = await notify([entrant.openid]);
    const id = ids[0] ?? '';
    // The process "dies" in the call: the answer never comes.
    const hanging: Messenger = { send: () => new Promise(() => undefined) };
    void pushNotice({ ...ports, messenger: hanging }, id);
    await waitFor(async () => (await notices().get(id))?.push === 'sending');
    // The next minute's cron run starts before the 75 s lease ends, waits for it, and settles the push in that run.
    local.clock.freeze(new Date('2026-11-26T02:01:00Z'));
    const report = await cronTick(ports, 'after-restart');
    expect(report.notices.interrupted).toBe(1);
    expect(await notices().get(id)).toMatchObject({ push: 'unknown' });
    expect(await local.wechat.messages()).toHaveLength(0);
    expect(await credits(entrant.openid)).toBe(0);
  });

  test('inbox: newest first, read one or all; ids name only the caller’s own messages', async () => {
    await notify([entrant.openid, other.openid], 'c.first');
    local.clock.freeze(new Date('2026-11-26T03:00:00Z'));
    await notify([entrant.openid, other.openid], 'c.second');
    const inbox = await ok<{ items: Array<{ id: string }>; unread: number; hasMore: boolean }>(
      call(api, entrant, 'inbox.list', { pageSize: 1 }),
    );
    expect(inbox).toMatchObject({ items: [{ id: 'c.second' }], unread: 2, hasMore: true });
    expect(await ok(call(api, entrant, 'inbox.read', { ids: ['c.second'] }))).toEqual({ unread: 1 });
    expect(await ok(call(api, other, 'inbox.count', {}))).toEqual({ unread: 2 });
    // Another user's notice id, in full, names nothing of the caller's.
    expect(await ok(call(api, entrant, 'inbox.read', { ids: [`c.first:${other.openid}`] }))).toEqual({ unread: 1 });
    expect(await ok(call(api, other, 'inbox.count', {}))).toEqual({ unread: 2 });
    expect(await ok(call(api, entrant, 'inbox.read', { all: true }))).toEqual({ unread: 0 });
    expect(await call(api, entrant, 'inbox.read', { ids: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call(api, { openid: null }, 'inbox.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  test('a kind without a template reaches the inbox only', async () => {
    const built = buildNotice('judgeTask', {
      roundId: 'r1',
      roundName: '预赛',
      pending: 2,
      closesAt: '2026-11-30T10:00:00Z',
    });
    if (!built.ok) throw new Error('judgeTask does not fit');
    const { ids } = await createNotices(ports, templates, [
      { openid: entrant.openid, source: 'r.test', notice: built.notice, contestId: CONTEST },
    ]);
    await cronTick(ports, 'tick');
    expect(await notices().get(ids[0] ?? '')).toMatchObject({ push: 'inboxOnly', templateId: null });
    expect(await local.wechat.messages()).toHaveLength(0);
  });
});

/** Polls the store until the condition holds (what the test waits on is a write, not a time). */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}
