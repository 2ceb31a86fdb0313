/**
 * Automatic reminders through the router and the cron function, on the embedded store and on the CloudBase adapter
 * over the wx-server-sdk stand-in, with a frozen clock moved forward (never a sleep): the registration deadline at
 * closesAt − 72 h and − 24 h (Shanghai time) to draft holders only, each once; a review decision to the entrant in
 * the decision's transaction; judging closing in a day to judges with entries left; a published list to the
 * contest's followers; advancement, awards and the final's time and place to the entrants concerned; every kind
 * switched off per contest by its organizers, and by nobody else. WeChat gets a push only where there is a credit.
 */
import { cronTick } from '../../cloudfunctions/jobs';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import type { Ports } from '../../cloudfunctions/ports';
import type { Api } from '../../cloudfunctions/router';
import {
  C,
  roleGrantId,
  type AssignmentDoc,
  type AuditDoc,
  type ContestDoc,
  type EntryDoc,
  type NoticeDoc,
  type RoleGrantDoc,
} from '../../cloudfunctions/usecases/collections';
import { templateIds } from '../../cloudfunctions/usecases/notify/template-ids';
import type { InboxItemView } from '../../core/inbox/views';
import type { ReminderSettingsView } from '../../core/notify/reminders';
import { NOTIFY_KINDS } from '../../core/notify/templates';
import {
  approvedEntries,
  bindJudges,
  call,
  judge,
  ok,
  organizer,
  points,
  roundFixture,
} from '../support/judging-fixtures';
import { testPorts } from '../support/local-ports';
import { portsOn, storeApi } from '../support/store-api';
import { openContest } from '../support/registration-fixtures';

const CONTEST = 'c-remind';
const OTHER = 'c-remind-other';
const ROUND = `${CONTEST}:preliminary`;
const FINAL = `${CONTEST}:final`;
/** An organizer of the other contest only. */
const SCOPED = { openid: 'oScopedOrganizer000000000000' };
const TEMPLATES = templateIds(Object.fromEntries(NOTIFY_KINDS.map((kind) => [kind, `tmpl-${kind}`])));
const owner = (n: number) => `oEntrant${String(n).padStart(20, '0')}`;

type Store = 'embedded' | 'cloudbase';

describe.each<Store>(['embedded', 'cloudbase'])('automatic reminders on the %s store', (store) => {
  let local: ReturnType<typeof testPorts>;
  let ports: Ports;
  let api: Api;

  beforeEach(async () => {
    local = testPorts();
    local.clock.freeze(new Date('2026-11-26T02:00:00Z'));
    ports = portsOn(store, local);
    await seedDemoData(ports);
    // Registration open through 2026-12-31 23:59:59 Shanghai time.
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(CONTEST, { name: '测试赛事' }));
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(OTHER, { name: '另一赛事' }));
    await ports.db.collection<RoleGrantDoc>(C.roles).create({
      _id: roleGrantId(SCOPED.openid, 'organizer', OTHER),
      openid: SCOPED.openid,
      role: 'organizer',
      contestId: OTHER,
      createdAt: '2026-11-01T00:00:00Z',
    });
    api = storeApi(ports, TEMPLATES);
  });
  afterEach(() => {
    // No job failed and nothing was refused by a template along the way.
    const errors = local.logs.filter((l) => l.level === 'error');
    local.dispose();
    expect(errors).toEqual([]);
  });

  /** The clock moves to a Shanghai wall-clock time and the cron function runs once. */
  async function tickAt(shanghai: string) {
    local.clock.freeze(new Date(`${shanghai}+08:00`));
    return cronTick(ports, `tick-${shanghai}`, { templates: TEMPLATES });
  }

  const notices = async (prefix: string) =>
    (await ports.db.collection<NoticeDoc>(C.notices).find({})).filter((n) => n.source.startsWith(prefix));
  /** Who got the notices of one source (a source ending in `.`: of every source it begins). */
  const recipients = async (source: string) =>
    (await notices(source))
      .filter((n) => source.endsWith('.') || n.source === source)
      .map((n) => n.openid)
      .sort();
  const inbox = async (openid: string) =>
    (await ok<{ items: InboxItemView[]; unread: number }>(call(api, { openid }, 'inbox.list', {}))).items;
  const delivered = async () => (await local.wechat.messages()).filter((m) => m.result.ok);
  const line = (item: InboxItemView | undefined, label: string) => item?.lines.find((l) => l.label === label)?.value;

  async function subscribe(openid: string, kind: keyof typeof TEMPLATES) {
    const templateId = TEMPLATES[kind] ?? '';
    await local.wechat.accept(openid, [templateId]);
    await ok(call(api, { openid }, 'notify.subscription.record', { results: [{ templateId, result: 'accept' }] }));
  }

  const settings = (who: { openid: string }, contestId = CONTEST) =>
    call(api, who, 'admin.reminder.get', { contestId }) as Promise<{ ok: boolean; data?: ReminderSettingsView }>;
  const switchKinds = (who: { openid: string }, enabled: Record<string, boolean>, contestId = CONTEST) =>
    call(api, who, 'admin.reminder.update', { contestId, enabled });

  test('registration closing: 3 days and 1 day before, once each, to draft holders only, at Shanghai time', async () => {
    await approvedEntries(ports, CONTEST, [
      { n: 1, status: 'draft' },
      { n: 2, status: 'draft' },
      { n: 3, status: 'submitted' },
    ]);
    await approvedEntries(ports, OTHER, [{ n: 9, status: 'draft' }]);
    await subscribe(owner(1), 'registrationDeadline');

    // 2026-12-31 23:59:59 − 72 h = 2026-12-28 23:59:59: not yet at 23:55.
    await tickAt('2026-12-28T23:55:00');
    expect(await notices('r.deadline')).toEqual([]);
    await tickAt('2026-12-29T00:00:30');
    expect(await recipients(`r.deadline3.${CONTEST}`)).toEqual([owner(1), owner(2)]);
    expect(await notices('r.deadline1')).toEqual([]);
    const [item] = await inbox(owner(1));
    expect(item).toMatchObject({ id: `r.deadline3.${CONTEST}`, title: '报名截止提醒', read: false });
    expect(line(item, '赛事名称')).toBe('测试赛事');
    expect(line(item, '截止时间')).toBe('2026年12月31日 23:59');
    expect(line(item, '温馨提示')).toContain('还有 3 天');
    expect(await inbox(owner(3))).toEqual([]);
    // WeChat only for the draft holder with a credit; the other finds it in the inbox.
    expect((await delivered()).map((m) => m.message.toOpenid)).toEqual([owner(1)]);

    // A draft started after that pass still hears of it; nobody hears twice.
    await approvedEntries(ports, CONTEST, [{ n: 4, status: 'draft' }]);
    await ports.db
      .collection<EntryDoc>(C.entries)
      .update(`e-${CONTEST}-4`, { updatedAt: local.clock.now().toISOString() });
    await tickAt('2026-12-29T12:00:00');
    await tickAt('2026-12-30T08:00:00');
    expect(await recipients(`r.deadline3.${CONTEST}`)).toEqual([owner(1), owner(2), owner(4)]);

    await tickAt('2026-12-30T23:55:00');
    expect(await notices('r.deadline1')).toEqual([]);
    await tickAt('2026-12-31T00:00:30');
    expect(await recipients(`r.deadline1.${CONTEST}`)).toEqual([owner(1), owner(2), owner(4)]);
    expect(line((await inbox(owner(2)))[0], '温馨提示')).toBe('明天截止，请尽快提交报名');
    await tickAt('2026-12-31T12:00:00');
    await tickAt('2027-01-01T00:10:00');
    expect(await notices('r.deadline')).toHaveLength(8);
    expect(await recipients(`r.deadline1.${CONTEST}`)).toEqual([owner(1), owner(2), owner(4)]);
    // The 1-day one found no credit left: in the inbox, counted 未订阅, not delivered.
    expect(
      (await notices(`r.deadline1.${CONTEST}`)).find(
        (n) => n.source === `r.deadline1.${CONTEST}` && n.openid === owner(1),
      )?.push,
    ).toBe('unsubscribed');
    expect((await delivered()).map((m) => m.message.toOpenid)).toEqual([owner(1)]);
    // The other contest closes at the same time: its own reminders, to its own draft holder.
    expect(await recipients(`r.deadline3.${OTHER}`)).toEqual([owner(9)]);
  });

  test('more draft holders than a page: each once, over the pages', async () => {
    const [template] = await approvedEntries(ports, CONTEST, [{ n: 1, status: 'draft' }]);
    if (template === undefined) throw new Error('no entry');
    const many = Array.from({ length: 1100 }, (_, i) => ({
      ...template,
      _id: `e-bulk-${String(i).padStart(5, '0')}`,
      ownerOpenid: `oBulk${String(i).padStart(23, '0')}`,
    }));
    await ports.db.collection<EntryDoc>(C.entries).createMany(many);
    await tickAt('2026-12-29T00:00:30');
    await tickAt('2026-12-29T00:10:00');
    const told = await recipients(`r.deadline3.${CONTEST}`);
    expect(told).toHaveLength(1101);
    expect(new Set(told).size).toBe(1101);
  });

  test('organizers switch kinds per contest; an organizer of another contest is refused and changes nothing', async () => {
    await approvedEntries(ports, CONTEST, [{ n: 1, status: 'draft' }]);
    expect((await settings(organizer)).data?.kinds.every((k) => k.enabled)).toBe(true);
    expect((await settings(SCOPED)).ok).toBe(false);
    expect(await switchKinds(SCOPED, { registrationDeadline: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await switchKinds(SCOPED, { registrationDeadline: false }, 'c-missing')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await switchKinds(organizer, { award: false }, 'c-missing')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await settings(organizer)).data?.kinds.every((k) => k.enabled)).toBe(true);
    expect(await switchKinds(organizer, { registrationDeadline: 'off' } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });

    const off = await ok<ReminderSettingsView>(switchKinds(organizer, { registrationDeadline: false }));
    expect(off.kinds.find((k) => k.kind === 'registrationDeadline')).toMatchObject({
      label: '报名截止提醒',
      enabled: false,
      description: expect.stringContaining('前 3 天'),
    });
    expect(off.kinds.filter((k) => !k.enabled).map((k) => k.kind)).toEqual(['registrationDeadline']);
    // The same switch again changes nothing and records nothing more.
    await ok(switchKinds(organizer, { registrationDeadline: false }));
    const audits = await ports.db.collection<AuditDoc>(C.audits).find({ action: 'reminders' });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ contestId: CONTEST, after: expect.stringContaining('报名截止提醒：关') });
    // The other contest keeps its own settings; its organizer may change them.
    expect((await settings(SCOPED, OTHER)).data?.kinds.every((k) => k.enabled)).toBe(true);
    await ok(switchKinds(SCOPED, { resultPublished: false }, OTHER));

    await tickAt('2026-12-29T00:00:30');
    await tickAt('2026-12-30T12:00:00');
    expect(await notices('r.deadline')).toEqual([]);
    // On again before the last day: the 1-day reminder goes; the 3-day one is past.
    await ok(switchKinds(organizer, { registrationDeadline: true }));
    await tickAt('2026-12-31T00:00:30');
    expect(await recipients(`r.deadline1.${CONTEST}`)).toEqual([owner(1)]);
    expect((await notices('r.deadline'))[0]?.source).toBe(`r.deadline1.${CONTEST}`);
  });

  test('a review decision reaches the entrant once, in its transaction; a retry makes nothing more', async () => {
    const [entry] = await approvedEntries(ports, CONTEST, [{ n: 3, status: 'submitted' }]);
    const entryId = entry?._id ?? '';
    const reject = { entryId, decision: 'reject', reason: '商业计划书缺少近两年的财务数据，请补充后联系组委会' };
    await ok(call(api, organizer, 'admin.entry.decide', reject, 'req-review-1'));
    await ok(call(api, organizer, 'admin.entry.decide', reject, 'req-review-1'));
    expect(await recipients('r.review.')).toEqual([owner(3)]);
    const [item] = await inbox(owner(3));
    expect(item).toMatchObject({ title: '审核结果通知', body: `未通过原因：${reject.reason}` });
    expect(line(item, '审核结果')).toBe('未通过');
    expect(line(item, '备注')?.length).toBeLessThanOrEqual(20);

    // Re-decided (a reviewer's mistake): a decision of its own, told once more.
    await ok(call(api, organizer, 'admin.entry.decide', { entryId, decision: 'approve' }, 'req-review-2'));
    const items = await inbox(owner(3));
    expect(items).toHaveLength(2);
    expect(items.map((i) => line(i, '审核结果')).sort()).toEqual(['审核通过', '未通过']);

    // Pushed by the next cron run, to the one with a credit only.
    await subscribe(owner(3), 'reviewResult');
    await tickAt('2026-11-26T10:30:00');
    expect((await delivered()).map((m) => m.message.templateId)).toEqual([TEMPLATES.reviewResult]);

    // Switched off: the decision goes through, no message.
    await ok(switchKinds(organizer, { reviewResult: false }));
    await ok(call(api, organizer, 'admin.entry.decide', { ...reject, reason: '资料不全' }, 'req-review-3'));
    expect((await ports.db.collection<EntryDoc>(C.entries).get(entryId))?.status).toBe('rejected');
    expect(await inbox(owner(3))).toHaveLength(2);
    // Disqualifying is no review result.
    await ok(switchKinds(organizer, { reviewResult: true }));
    await ok(call(api, organizer, 'admin.entry.decide', { entryId, decision: 'disqualify', reason: '抄袭' }));
    expect(await inbox(owner(3))).toHaveLength(2);
  });

  test('judging closes in a day: the judges with entries left, once, with how many', async () => {
    await approvedEntries(ports, CONTEST, [{ n: 5 }, { n: 6 }, { n: 7 }]);
    const judges = [judge(1), judge(2), judge(3)];
    await bindJudges(
      api,
      CONTEST,
      judges.map((who) => ({ who })),
    );
    await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { judgesPerEntry: 2 })));
    await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
    const all = await ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: ROUND });
    const done = judge(1).openid;
    for (const a of all.filter((x) => x.judgeOpenid === done)) {
      await ok(call(api, judge(1), 'judge.score', { roundId: ROUND, entryId: a.entryId, points: points(80) }));
    }
    const left = (openid: string) => all.filter((a) => a.judgeOpenid === openid).length;

    // The round closes 2026-12-10 23:59:59 Shanghai time.
    await tickAt('2026-12-09T23:50:00');
    expect(await notices('r.judgeCloses')).toEqual([]);
    await tickAt('2026-12-10T00:00:10');
    expect(await recipients(`r.judgeCloses.${ROUND}`)).toEqual([judge(2).openid, judge(3).openid].sort());
    const [item] = await inbox(judge(2).openid);
    expect(item).toMatchObject({
      title: '评审任务提醒',
      page: `judge/pages/round/index?roundId=${encodeURIComponent(ROUND)}`,
    });
    expect(line(item, '待评项目')).toBe(String(left(judge(2).openid)));
    expect(line(item, '截止时间')).toBe('2026年12月10日 23:59');
    await tickAt('2026-12-10T12:00:00');
    await tickAt('2026-12-11T00:10:00');
    expect(await notices('r.judgeCloses')).toHaveLength(2);
    expect(await inbox(done)).toEqual([]);
  });

  test('a published list reaches the contest’s followers once, by cron', async () => {
    const [entry] = await approvedEntries(ports, CONTEST, [{ n: 5 }]);
    const follower = { openid: 'demo-entrant' };
    const elsewhere = { openid: 'demo-entrant2' };
    await ok(call(api, follower, 'notify.subscription.record', { results: [], contestId: CONTEST }));
    await ok(call(api, elsewhere, 'notify.subscription.record', { results: [], contestId: OTHER }));
    const input = { contestId: CONTEST, kind: 'preliminary', entries: [{ entryId: entry?._id }], publicityDays: 3 };
    const { list } = await ok<{ list: { id: string } }>(
      call(api, organizer, 'admin.result.publish', input, 'req-pub-1'),
    );
    await ok(call(api, organizer, 'admin.result.publish', input, 'req-pub-1'));
    await tickAt('2026-11-26T10:05:00');
    await tickAt('2026-11-26T10:15:00');
    expect(await recipients('r.results.')).toEqual([follower.openid]);
    const [item] = await inbox(follower.openid);
    expect(item).toMatchObject({ id: `r.results.${list.id}`, title: '成绩公布通知' });
    expect(line(item, '公布日期')).toBe('2026年11月26日');
    expect(await inbox(elsewhere.openid)).toEqual([]);

    // Turned off: the next list is published and nobody is told.
    await ok(switchKinds(organizer, { resultPublished: false }));
    await ok(call(api, organizer, 'admin.result.publish', input, 'req-pub-2'));
    await tickAt('2026-11-26T10:25:00');
    expect(await notices('r.results.')).toHaveLength(1);
  });

  test('advancement tells the entrants who advance, and only them', async () => {
    await approvedEntries(ports, CONTEST, [{ n: 5 }, { n: 6 }, { n: 7 }]);
    await bindJudges(api, CONTEST, [{ who: judge(1) }, { who: judge(2) }]);
    await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { judgesPerEntry: 1 })));
    await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
    for (const a of await ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: ROUND })) {
      const n = Number(a.entryId.split('-').pop());
      await ok(
        call(api, { openid: a.judgeOpenid }, 'judge.score', {
          roundId: ROUND,
          entryId: a.entryId,
          points: points(100 - n),
        }),
      );
    }
    const rule = { kind: 'top', n: 2 };
    const { preview } = await ok<{ preview: { fingerprint: string } }>(
      call(api, organizer, 'admin.round.cutoff', { roundId: ROUND, rule }),
    );
    const advance = { roundId: ROUND, rule, fingerprint: preview.fingerprint };
    await ok(call(api, organizer, 'admin.round.advance', advance, 'req-adv-1'));
    await ok(call(api, organizer, 'admin.round.advance', advance, 'req-adv-1'));
    expect(await recipients(`r.advance.${ROUND}`)).toEqual([owner(5), owner(6)]);
    const [item] = await inbox(owner(5));
    expect(item).toMatchObject({ title: '晋级通知' });
    expect(line(item, '晋级赛段')).toBe('复赛');
    expect(line(item, '赛事名称')).toBe('测试赛事');
    expect(await inbox(owner(7))).toEqual([]);
  });

  test('the final’s time and place, then the awards, reach the finalists concerned', async () => {
    await approvedEntries(ports, CONTEST, [
      { n: 8, status: 'finalist' },
      { n: 9, status: 'finalist' },
    ]);
    await bindJudges(api, CONTEST, [{ who: judge(1) }, { who: judge(2) }]);
    await ok(
      call(
        api,
        organizer,
        'admin.round.upsert',
        roundFixture(CONTEST, { stage: 'final', name: '决赛', judgesPerEntry: 2, mode: 'panels', panelCapacity: 5 }),
      ),
    );
    await ok(call(api, organizer, 'admin.round.assign', { roundId: FINAL }));
    const { sessions } = await ok<{ sessions: Array<{ key: string; entryIds: string[] }> }>(
      call(api, organizer, 'admin.round.get', { roundId: FINAL }),
    );
    expect(sessions).toHaveLength(1);
    const key = sessions[0]?.key ?? '';
    const place = { roundId: FINAL, key, place: '张江科学会堂 3 楼报告厅', startsAt: null };
    // A place without a time is no schedule yet.
    await ok(call(api, organizer, 'admin.session.update', place));
    expect(await notices('r.final.')).toEqual([]);
    const schedule = { ...place, startsAt: '2027-03-18T09:00:00+08:00' };
    await ok(call(api, organizer, 'admin.session.update', schedule, 'req-final-1'));
    await ok(call(api, organizer, 'admin.session.update', schedule, 'req-final-2'));
    expect(await recipients('r.final.')).toEqual([owner(8), owner(9)]);
    const [item] = await inbox(owner(8));
    expect(item).toMatchObject({ title: '决赛安排通知' });
    expect(line(item, '决赛时间')).toBe('2027年3月18日 09:00');
    expect(line(item, '地点')).toBe('张江科学会堂 3 楼报告厅');
    // Moved to the afternoon: news, told once more.
    await ok(call(api, organizer, 'admin.session.update', { ...schedule, startsAt: '2027-03-18T14:00:00+08:00' }));
    expect(await notices('r.final.')).toHaveLength(4);

    for (const a of await ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: FINAL })) {
      const n = Number(a.entryId.split('-').pop());
      await ok(
        call(api, { openid: a.judgeOpenid }, 'judge.score', {
          roundId: FINAL,
          entryId: a.entryId,
          points: points(60 + n),
        }),
      );
    }
    const prizes = [
      { entryId: `e-${CONTEST}-9`, prize: 'first' },
      { entryId: `e-${CONTEST}-8`, prize: 'second' },
    ];
    await ok(call(api, organizer, 'admin.award.decide', { roundId: FINAL, prizes }, 'req-award-1'));
    await ok(call(api, organizer, 'admin.award.decide', { roundId: FINAL, prizes }, 'req-award-1'));
    expect(await recipients(`r.award.${FINAL}`)).toEqual([owner(8), owner(9)]);
    const award = (await inbox(owner(9))).find((i) => i.title === '获奖通知');
    expect(line(award, '奖项')).toBe('企业组一等奖');
    expect(line(award, '公布日期')).toBe('2026年11月26日');
    expect(
      line(
        (await inbox(owner(8))).find((i) => i.title === '获奖通知'),
        '奖项',
      ),
    ).toBe('企业组二等奖');
  });

  test('awards switched off: the winners move, nobody is messaged', async () => {
    await approvedEntries(ports, CONTEST, [{ n: 8, status: 'finalist' }]);
    await bindJudges(api, CONTEST, [{ who: judge(1) }]);
    await ok(
      call(
        api,
        organizer,
        'admin.round.upsert',
        roundFixture(CONTEST, { stage: 'final', name: '决赛', judgesPerEntry: 1 }),
      ),
    );
    await ok(call(api, organizer, 'admin.round.assign', { roundId: FINAL }));
    await ok(call(api, judge(1), 'judge.score', { roundId: FINAL, entryId: `e-${CONTEST}-8`, points: points(90) }));
    await ok(switchKinds(organizer, { award: false }));
    await ok(
      call(api, organizer, 'admin.award.decide', {
        roundId: FINAL,
        prizes: [{ entryId: `e-${CONTEST}-8`, prize: 'first' }],
      }),
    );
    expect((await ports.db.collection<EntryDoc>(C.entries).get(`e-${CONTEST}-8`))?.status).toBe('awarded');
    expect(await notices('r.award.')).toEqual([]);
  });
});
