/**
 * Campaigns through the router and the cron function, on the embedded store and on the CloudBase adapter over the
 * wx-server-sdk stand-in: a draft stored first, the counts before sending, the fan-out with natural ids, the
 * report while it drains, the schedule fired by cron when the (frozen) clock reaches it, every refusal changing
 * nothing, and the judges' reminder as a campaign of its own kind.
 */
import readXlsxFile from 'read-excel-file/node';
import { cronTick } from '../../cloudfunctions/jobs';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import type { Ports } from '../../cloudfunctions/ports';
import type { Api } from '../../cloudfunctions/router';
import { runFanout } from '../../cloudfunctions/usecases/notify/campaign-run';
import {
  C,
  roleGrantId,
  type CampaignDoc,
  type ContestDoc,
  type NoticeDoc,
  type RoleGrantDoc,
} from '../../cloudfunctions/usecases/collections';
import type { CampaignReport, CampaignView, AudienceCount } from '../../core/notify/campaigns';
import { approvedEntries, call, ok, organizer } from '../support/judging-fixtures';
import { testPorts } from '../support/local-ports';
import { portsOn, storeApi } from '../support/store-api';
import { openContest } from '../support/registration-fixtures';

const CONTEST = 'c-campaign';
const OTHER = 'c-campaign-other';
const T = 'tmpl-announce';
const SCOPED = { openid: 'oScopedOrganizer000000000000' };

type Store = 'embedded' | 'cloudbase';

describe.each<Store>(['embedded', 'cloudbase'])('campaigns on the %s store', (store) => {
  let local: ReturnType<typeof testPorts>;
  let ports: Ports;
  let api: Api;
  let submitted: string[];

  beforeEach(async () => {
    local = testPorts();
    local.clock.freeze(new Date('2026-11-26T02:00:00Z'));
    ports = portsOn(store, local);
    await seedDemoData(ports);
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(CONTEST, { name: '测试赛事' }));
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(OTHER, { name: '另一赛事' }));
    const entries = await approvedEntries(ports, CONTEST, [
      { n: 1, status: 'submitted' },
      { n: 2, status: 'submitted', district: '徐汇区' },
      { n: 3, status: 'submitted' },
      { n: 4, status: 'approved' },
      { n: 5, status: 'draft' },
    ]);
    submitted = entries.filter((e) => e.status === 'submitted').map((e) => e.ownerOpenid);
    await ports.db.collection<RoleGrantDoc>(C.roles).create({
      _id: roleGrantId(SCOPED.openid, 'organizer', CONTEST),
      openid: SCOPED.openid,
      role: 'organizer',
      contestId: CONTEST,
      createdAt: '2026-11-01T00:00:00Z',
    });
    api = storeApi(ports, { announcement: T, judgeTask: 'tmpl-judge' });
  });
  afterEach(() => local.dispose());

  const campaigns = () => ports.db.collection<CampaignDoc>(C.campaigns);
  const notices = () => ports.db.collection<NoticeDoc>(C.notices);
  const delivered = async () => (await local.wechat.messages()).filter((m) => m.result.ok);

  async function subscribe(openid: string, templateId = T) {
    await local.wechat.accept(openid, [templateId]);
    await ok(call(api, { openid }, 'notify.subscription.record', { results: [{ templateId, result: 'accept' }] }));
  }

  const draftInput = (overrides: Record<string, unknown> = {}) => ({
    contestId: CONTEST,
    kind: 'announcement',
    fields: { title: '决赛路演安排', at: '2026-12-08T09:00:00+08:00', note: '请提前 30 分钟到场' },
    body: '决赛在张江科学会堂举行，请携带身份证。',
    audience: { role: 'entrants', statuses: ['submitted'] },
    ...overrides,
  });

  async function draft(overrides: Record<string, unknown> = {}, who = organizer) {
    return (await ok<{ campaign: CampaignView }>(call(api, who, 'admin.campaign.upsert', draftInput(overrides))))
      .campaign;
  }

  const report = async (id: string) =>
    ok<{ campaign: CampaignView; report: CampaignReport }>(call(api, organizer, 'admin.campaign.report', { id }));

  test('a field over WeChat’s limit is refused on save with its name and the limit; nothing is stored', async () => {
    const answer = await call(
      api,
      organizer,
      'admin.campaign.upsert',
      draftInput({
        fields: { title: '关于2026年创客中国上海赛区决赛路演安排的通知', at: '2026-12-08T09:00:00+08:00' },
      }),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '「通知标题」最多 20 个字',
        details: { 'fields.title': '「通知标题」最多 20 个字' },
      },
    });
    const missing = await call(api, organizer, 'admin.campaign.upsert', draftInput({ fields: { title: '决赛' } }));
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { 'fields.at': expect.any(String) } },
    });
    expect(await campaigns().count({})).toBe(0);
  });

  test('the counts before sending: audience N, reachable M, unreachable N − M', async () => {
    await subscribe(submitted[0] ?? '');
    await subscribe(submitted[1] ?? '', 'tmpl-judge');
    const count = await ok<AudienceCount>(
      call(api, organizer, 'admin.campaign.preview', {
        contestId: CONTEST,
        kind: 'announcement',
        audience: { role: 'entrants', statuses: ['submitted'] },
      }),
    );
    expect(count).toEqual({ audience: 3, reachable: 1, unreachable: 2 });
    // Filters narrow the audience; no status means every entry past its draft.
    expect(
      await ok(
        call(api, organizer, 'admin.campaign.preview', {
          contestId: CONTEST,
          kind: 'announcement',
          audience: { role: 'entrants', district: '徐汇区' },
        }),
      ),
    ).toEqual({ audience: 1, reachable: 0, unreachable: 1 });
    expect(
      await ok(
        call(api, organizer, 'admin.campaign.preview', {
          contestId: CONTEST,
          kind: 'announcement',
          audience: { role: 'entrants' },
        }),
      ),
    ).toEqual({ audience: 4, reachable: 1, unreachable: 3 });
  });

  test('send now: recipients written once each, pushed to those with a credit, the report and the inbox agree', async () => {
    await subscribe(submitted[0] ?? '');
    const campaign = await draft();
    const sent = await ok<{ campaign: CampaignView; count: AudienceCount }>(
      call(api, organizer, 'admin.campaign.send', { id: campaign.id }),
    );
    expect(sent.count).toEqual({ audience: 3, reachable: 1, unreachable: 2 });
    const { report: r, campaign: view } = await report(campaign.id);
    expect(view.status).toBe('done');
    expect(r).toMatchObject({
      audience: 3,
      reachable: 1,
      recipients: 3,
      counts: { sent: 1, unsubscribed: 2, failed: 0, unknown: 0, queued: 0 },
      progress: 1,
      configError: null,
    });
    expect((await delivered()).map((m) => m.message.toOpenid)).toEqual([submitted[0]]);
    expect((await delivered())[0]?.message).toMatchObject({
      templateId: T,
      data: {
        thing1: { value: '决赛路演安排' },
        time3: { value: '2026年12月8日 09:00' },
        thing4: { value: '请提前 30 分钟到场' },
      },
    });
    for (const openid of submitted) {
      expect(await ok(call(api, { openid }, 'inbox.list', {}))).toMatchObject({
        unread: 1,
        items: [{ title: '赛事通知', body: '决赛在张江科学会堂举行，请携带身份证。' }],
      });
    }

    // A fan-out run again (a crashed job retried by cron) writes nothing new and sends nothing more.
    await campaigns().update(campaign.id, { fanout: { written: 0, done: false } });
    const rerun = await runFanout(ports, campaign.id, 10_000);
    expect(rerun).toMatchObject({ written: 3, done: true, created: 0 });
    await cronTick(ports, 'tick-after-rerun');
    expect(await notices().count({ campaignId: campaign.id })).toBe(3);
    expect(await delivered()).toHaveLength(1);
  });

  test('a scheduled campaign waits, then cron sends it once when Shanghai time reaches it', async () => {
    await subscribe(submitted[0] ?? '');
    const campaign = await draft();
    const at = '2026-11-27T09:00:00+08:00';
    const sent = await ok<{ campaign: CampaignView }>(
      call(api, organizer, 'admin.campaign.send', { id: campaign.id, sendAt: at }),
    );
    expect(sent.campaign).toMatchObject({ status: 'scheduled', sendAt: '2026-11-27T01:00:00.000Z' });
    await cronTick(ports, 'tick-early');
    expect(await notices().count({ campaignId: campaign.id })).toBe(0);
    expect((await report(campaign.id)).report).toMatchObject({ status: 'scheduled', recipients: 0 });

    local.clock.freeze(new Date('2026-11-27T01:00:00Z'));
    await cronTick(ports, 'tick-on-time');
    await cronTick(ports, 'tick-after');
    expect((await report(campaign.id)).report).toMatchObject({
      status: 'done',
      counts: { sent: 1, unsubscribed: 2 },
    });
    expect(await delivered()).toHaveLength(1);
  });

  test('refusals change nothing: a past time, nobody in the audience, no template, a second send', async () => {
    const campaign = await draft();
    expect(
      await call(api, organizer, 'admin.campaign.send', { id: campaign.id, sendAt: '2026-11-25T09:00:00+08:00' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { sendAt: expect.any(String) } } });

    const nobody = await draft({ audience: { role: 'entrants', statuses: ['rejected'] } });
    expect(await call(api, organizer, 'admin.campaign.send', { id: nobody.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('没有任何人') },
    });

    const finals = await draft({
      kind: 'finalSchedule',
      fields: { at: '2026-12-08T09:00:00+08:00', place: '张江科学会堂', note: '请提前到场' },
    });
    expect(await call(api, organizer, 'admin.campaign.send', { id: finals.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('TEMPLATE_FINAL_SCHEDULE') },
    });
    for (const id of [campaign.id, nobody.id, finals.id]) {
      expect(await campaigns().get(id)).toMatchObject({ status: 'draft', sendAt: null });
    }
    expect(await notices().count({})).toBe(0);

    await ok(call(api, organizer, 'admin.campaign.send', { id: campaign.id }));
    expect(await call(api, organizer, 'admin.campaign.send', { id: campaign.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '该通知已发送，不能重复发送' },
    });
    expect(await call(api, organizer, 'admin.campaign.upsert', { ...draftInput(), id: campaign.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await notices().count({ campaignId: campaign.id })).toBe(3);
  });

  test('two organizers pressing 发送 at once send it once', async () => {
    await subscribe(submitted[0] ?? '');
    const campaign = await draft();
    const answers = await Promise.all([
      call(api, organizer, 'admin.campaign.send', { id: campaign.id }),
      call(api, SCOPED, 'admin.campaign.send', { id: campaign.id }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    await cronTick(ports, 'tick');
    expect(await notices().count({ campaignId: campaign.id })).toBe(3);
    expect(await delivered()).toHaveLength(1);
  });

  test('scope: a contest’s organizer writes to its people only, and never to the institutions', async () => {
    expect(await call(api, SCOPED, 'admin.campaign.upsert', draftInput({ contestId: OTHER }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await call(api, SCOPED, 'admin.campaign.upsert', draftInput({ audience: { role: 'institutions' } })),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('服务机构') } });
    expect(
      await call(api, organizer, 'admin.campaign.upsert', draftInput({ audience: { role: 'judges', roundId: 'r-x' } })),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const mine = await draft({}, SCOPED);
    const others = await draft({ contestId: OTHER });
    const list = await ok<{ items: CampaignView[] }>(call(api, SCOPED, 'admin.campaign.list', {}));
    expect(list.items.map((c) => c.id)).toEqual([mine.id]);
    expect(await call(api, SCOPED, 'admin.campaign.report', { id: others.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('the report exports as a workbook: the summary and one row per recipient, by name', async () => {
    await subscribe(submitted[0] ?? '');
    const campaign = await draft();
    await ok(call(api, organizer, 'admin.campaign.send', { id: campaign.id }));
    const file = await ok<{ url: string; fileName: string; rows: number }>(
      call(api, organizer, 'admin.campaign.export', { id: campaign.id }),
    );
    expect(file.fileName).toMatch(/^测试赛事-赛事通知-送达报告-\d{8}-\d{6}\.xlsx$/);
    expect(file.rows).toBe(3);
    const fileId = `local://${decodeURIComponent(new URL(file.url).pathname.replace(/^\/files\//, ''))}`;
    const sheets = await readXlsxFile(Buffer.from(await ports.files.read(fileId)));
    const [summary, recipients] = sheets.map((s) => s.data);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['发送对象', 3],
        ['已送达微信', 1],
        ['未订阅（仅站内消息）', 2],
      ]),
    );
    expect(recipients?.[0]).toEqual(['收件人', '状态', '原因', '时间（北京时间）']);
    expect(
      recipients
        ?.slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['已送达微信', '未订阅', '未订阅']);
    expect(JSON.stringify(sheets)).not.toMatch(/oEntrant/);
  });
});
