/**
 * Judging use cases through the router, as clients call them, on the real embedded SQLite store and on
 * the CloudBase adapter over the wx-server-sdk stand-in: invites, rounds and rubric lock, assignment with
 * conflicts, scoring with retries and concurrency, the window, recusal top-up, progress, ranking, the
 * cut-off with a tie, advancement, 复赛 panels, awards, exports and the audit log.
 */
import readXlsxFile from 'read-excel-file/node';
import { LOCAL_MESSAGES, type LocalMessageDoc } from '../../cloudfunctions/adapters/local';
import { cronTick } from '../../cloudfunctions/jobs';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import type { Ports } from '../../cloudfunctions/ports';
import type { Api } from '../../cloudfunctions/router';
import {
  C,
  type AssignmentDoc,
  type AuditDoc,
  type ContestDoc,
  type EntryDoc,
  type RoundDoc,
  type SessionDoc,
} from '../../cloudfunctions/usecases/collections';
import { personKey } from '../../cloudfunctions/usecases/files/file-links';
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

const CONTEST = 'c-judge';
const ROUND = `${CONTEST}:preliminary`;

type Store = 'embedded' | 'cloudbase';

describe.each<Store>(['embedded', 'cloudbase'])('judging on the %s store', (store) => {
  let local: ReturnType<typeof testPorts>;
  let ports: Ports;
  let api: Api;

  beforeEach(async () => {
    local = testPorts();
    local.clock.freeze(new Date('2026-11-26T02:00:00Z'));
    ports = portsOn(store, local);
    await seedDemoData(ports);
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(CONTEST));
    api = storeApi(ports, { judgeTask: 'tmpl-remind' });
  });
  afterEach(() => local.dispose());

  const assignments = () => ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: ROUND });
  const audits = (action: string) => ports.db.collection<AuditDoc>(C.audits).find({ action });

  async function setUp(
    options: { entries?: number; judges?: number; k?: number; round?: Record<string, unknown> } = {},
  ) {
    const entries = await approvedEntries(
      ports,
      CONTEST,
      Array.from({ length: options.entries ?? 6 }, (_, i) => ({
        n: i + 1,
        field: i % 2 === 0 ? '新一代信息技术' : '生物医药',
      })),
    );
    const judges = Array.from({ length: options.judges ?? 4 }, (_, i) => judge(i + 1));
    await bindJudges(
      api,
      CONTEST,
      judges.map((who, i) => ({ who, name: `评委${i + 1}`, expertise: [i % 2 === 0 ? '新一代信息技术' : '生物医药'] })),
    );
    await ok(
      call(
        api,
        organizer,
        'admin.round.upsert',
        roundFixture(CONTEST, { judgesPerEntry: options.k ?? 3, ...options.round }),
      ),
    );
    return { entries, judges };
  }

  async function myItems(who: { openid: string }) {
    const data = await ok<{
      rounds: Array<{
        items: Array<{ entryId: string; state: string; orgName: string | null }>;
        done: number;
        total: number;
      }>;
    }>(call(api, who, 'judge.assignment.list', {}));
    return data.rounds[0] ?? { items: [], done: 0, total: 0 };
  }

  describe('invites and binding', () => {
    test('a code binds one judge once, with the judge role for its contest; others are refused in Chinese', async () => {
      const { invites } = await ok<{ invites: Array<{ code: string; status: string }> }>(
        call(api, organizer, 'admin.judge.invite', { contestId: CONTEST, count: 2, validDays: 3 }),
      );
      expect(invites).toHaveLength(2);
      expect(invites[0]?.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
      const code = invites[0]?.code ?? '';
      const profile = { name: '王建国', organization: '复旦大学', title: '教授', expertise: ['新一代信息技术'] };

      expect(await call(api, judge(1), 'judge.assignment.list', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      // Typed in lower case with a space, as people do.
      const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
      expect(await call(api, judge(1), 'judge.invite.check', { code: typed })).toMatchObject({
        ok: true,
        data: { contestId: CONTEST, fields: expect.arrayContaining(['新一代信息技术']) },
      });
      expect(await call(api, judge(1), 'judge.bind', { code: typed, ...profile })).toMatchObject({
        ok: true,
        data: { contestId: CONTEST, judge: { name: '王建国' } },
      });
      expect(await call(api, judge(1), 'judge.assignment.list', {})).toMatchObject({ ok: true, data: { rounds: [] } });
      expect(await call(api, judge(1), 'judge.profile.get', {})).toMatchObject({
        ok: true,
        data: { items: [{ contestId: CONTEST, name: '王建国', contestFields: expect.arrayContaining(['生物医药']) }] },
      });
      // The same judge again with the same code (a retry): fine. Anyone else: refused.
      expect(await call(api, judge(1), 'judge.bind', { code, ...profile })).toMatchObject({ ok: true });
      // Another code of the same contest: told at once, before filling the form.
      expect(await call(api, judge(1), 'judge.invite.check', { code: invites[1]?.code })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE', message: expect.stringContaining('无需再次绑定') },
      });
      expect(await call(api, judge(2), 'judge.bind', { code, ...profile })).toMatchObject({
        ok: false,
        error: { code: 'INVITE_INVALID', message: '该邀请码已被使用，请向组委会索取新的邀请码' },
      });
      expect(await call(api, judge(2), 'judge.bind', { code: 'ABCDEFGH', ...profile })).toMatchObject({
        ok: false,
        error: { code: 'INVITE_INVALID', message: '邀请码不存在，请核对后重新输入' },
      });
      expect(await call(api, judge(2), 'judge.bind', { code: '12', ...profile })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { code: '邀请码为 8 位字母或数字，请核对' } },
      });
      expect(
        await call(api, judge(2), 'judge.bind', { code: invites[1]?.code, ...profile, expertise: ['养殖业'] }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { expertise: expect.stringContaining('养殖业') } },
      });

      local.clock.freeze(new Date('2026-11-29T02:00:01Z'));
      expect(await call(api, judge(2), 'judge.bind', { code: invites[1]?.code, ...profile })).toMatchObject({
        ok: false,
        error: { code: 'INVITE_INVALID', message: '该邀请码已过期，请向组委会索取新的邀请码' },
      });
      const listed = await ok<{
        judges: Array<{ name: string }>;
        invites: Array<{ code: string; status: string; usedByName: string | null }>;
      }>(call(api, organizer, 'admin.judge.list', { contestId: CONTEST }));
      expect(listed.judges.map((j) => j.name)).toEqual(['王建国']);
      expect(listed.invites.find((i) => i.code === code)).toMatchObject({ status: 'used', usedByName: '王建国' });
      expect(listed.invites.find((i) => i.code === invites[1]?.code)).toMatchObject({ status: 'expired' });
      expect(await audits('judge_bind')).toHaveLength(1);
    });

    test('only the contest organizers make codes', async () => {
      expect(await call(api, judge(1), 'admin.judge.invite', { contestId: CONTEST, count: 1 })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });
  });

  describe('rounds and the rubric', () => {
    test('invalid rubrics and windows are refused per field', async () => {
      const bad = await call(
        api,
        organizer,
        'admin.round.upsert',
        roundFixture(CONTEST, {
          rubric: { criteria: [{ key: 'a', name: '创新', maxPoints: 7.3 }] },
          closesAt: '2026-11-01T00:00:00+08:00',
        }),
      );
      expect(bad).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          details: { 'rubric.criteria.0.maxPoints': '满分应为 0.5 的整数倍', closesAt: '评分截止时间应晚于开始时间' },
        },
      });
    });

    test('the first score locks the rubric (RUBRIC_LOCKED); other settings still change', async () => {
      await setUp();
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const changed = { ...roundFixture(CONTEST).rubric };
      changed.criteria = changed.criteria.map((c, i) => (i === 0 ? { ...c, maxPoints: 40 } : c));
      // Before any score the rubric may still change.
      expect(
        await call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { rubric: changed })),
      ).toMatchObject({
        ok: true,
      });
      await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST)));

      const [first] = (await myItems(judge(1))).items;
      await ok(
        call(
          api,
          judge(1),
          'judge.score',
          { roundId: ROUND, entryId: first?.entryId, points: points(80) },
          'req-first-1',
        ),
      );
      expect(
        await call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { rubric: changed })),
      ).toMatchObject({
        ok: false,
        error: { code: 'RUBRIC_LOCKED' },
      });
      expect(
        await call(
          api,
          organizer,
          'admin.round.upsert',
          roundFixture(CONTEST, { aggregation: 'trimmed', blind: false }),
        ),
      ).toMatchObject({ ok: true, data: { round: { aggregation: 'trimmed', blind: false, rubricLocked: true } } });
    });
  });

  describe('assignment', () => {
    test('k distinct judges per entry, never a conflicted one, loads within one; a re-run only tops up', async () => {
      const entries = await approvedEntries(
        ports,
        CONTEST,
        Array.from({ length: 10 }, (_, i) => ({ n: i + 1, field: i < 5 ? '新一代信息技术' : '生物医药' })),
      );
      const judges = Array.from({ length: 5 }, (_, i) => judge(i + 1));
      await bindJudges(api, CONTEST, [
        // Judge 1 declares entry 1's company by name, judge 2 entry 2's by credit code.
        { who: judges[0] as { openid: string }, conflicts: { names: ['上海测试科技有限公司1'] } },
        {
          who: judges[1] as { openid: string },
          conflicts: {
            creditCodes: [entries[1]?.form.group === 'enterprise' ? (entries[1].form.creditCode ?? '') : ''],
          },
        },
        { who: judges[2] as { openid: string }, expertise: ['生物医药'] },
        { who: judges[3] as { openid: string } },
        { who: judges[4] as { openid: string }, expertise: ['生物医药'] },
      ]);
      await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { judgesPerEntry: 3 })));
      const run = await ok<{ joined: number; added: number; short: unknown[]; loads: { min: number; max: number } }>(
        call(api, organizer, 'admin.round.assign', { roundId: ROUND, seed: 's1' }),
      );
      expect(run).toMatchObject({ joined: 10, added: 30, short: [] });
      expect(run.loads.max - run.loads.min).toBeLessThanOrEqual(1);
      const all = await assignments();
      const byEntry = new Map<string, string[]>();
      for (const a of all) byEntry.set(a.entryId, [...(byEntry.get(a.entryId) ?? []), a.judgeOpenid]);
      for (const judgesOf of byEntry.values()) expect(new Set(judgesOf).size).toBe(3);
      expect(byEntry.get(entries[0]?._id ?? '')).not.toContain(judges[0]?.openid);
      expect(byEntry.get(entries[1]?._id ?? '')).not.toContain(judges[1]?.openid);

      // A judge scores; a new entry is approved; a new judge joins: the re-run keeps the score where it is.
      const scored = all.find((a) => a.judgeOpenid === judges[3]?.openid);
      await ok(
        call(api, judges[3] as { openid: string }, 'judge.score', {
          roundId: ROUND,
          entryId: scored?.entryId,
          points: points(70),
        }),
      );
      await approvedEntries(ports, CONTEST, [{ n: 11 }]);
      await bindJudges(api, CONTEST, [{ who: judge(6) }]);
      const again = await ok<{ joined: number; added: number; loads: { min: number; max: number } }>(
        call(api, organizer, 'admin.round.assign', { roundId: ROUND, seed: 's1' }),
      );
      expect(again.joined).toBe(1);
      const after = await assignments();
      expect(after.find((a) => a._id === scored?._id)?.score?.units).toBe(70 * 200);
      expect(after.filter((a) => a.entryId === 'e-c-judge-11')).toHaveLength(3);
      expect(after).toHaveLength(33);
      // Nothing in a judge's list moved; the newcomer, least loaded, took part of the new work.
      for (const a of all) expect(after.some((b) => b._id === a._id)).toBe(true);
      expect(after.filter((a) => a.judgeOpenid === judge(6).openid).map((a) => a.entryId)).toEqual(['e-c-judge-11']);
      expect(again.loads).toEqual({ min: 1, max: 7 });
      // Running it again with nothing new changes nothing.
      expect(await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND, seed: 's1' }))).toMatchObject({
        joined: 0,
        added: 0,
        removed: 0,
      });
      expect(await audits('assign')).toHaveLength(3);
    });

    test('without judges the organizer is told what to do', async () => {
      await approvedEntries(ports, CONTEST, [{ n: 1 }]);
      await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST)));
      expect(await call(api, organizer, 'admin.round.assign', { roundId: ROUND })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE', message: '本赛事还没有评委，请先发放邀请码让评委绑定' },
      });
    });
  });

  describe('scoring', () => {
    test("a judge sees only their entries, blind, and never another judge's score", async () => {
      const { judges } = await setUp();
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const mine = await myItems(judges[0] as { openid: string });
      expect(mine.total).toBeGreaterThan(0);
      expect(mine.items.every((i) => i.orgName === null)).toBe(true);
      const all = await assignments();
      const notMine = all.find((a) => !mine.items.some((i) => i.entryId === a.entryId));
      expect(
        await call(api, judges[0] as { openid: string }, 'judge.entry.get', {
          roundId: ROUND,
          entryId: notMine?.entryId,
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const entry = await ok<{
        entry: { orgName: string | null; businessPlan: { name: string; url: string }; summary: string };
      }>(
        call(api, judges[0] as { openid: string }, 'judge.entry.get', {
          roundId: ROUND,
          entryId: mine.items[0]?.entryId,
        }),
      );
      expect(entry.entry.orgName).toBeNull();
      expect(entry.entry.businessPlan.name).toBe('商业计划书.pdf');
      expect(entry.entry.businessPlan.url).toContain('/files/');
      expect(entry.entry.summary).toMatch(/^（已隐去）研发的面向制造业的智能视觉质检平台/);
      expect(JSON.stringify(entry)).not.toContain('上海测试科技');

      // Another judge's score on the same entry is not visible to this judge.
      const shared = all.find((a) => a.entryId === mine.items[0]?.entryId && a.judgeOpenid !== judges[0]?.openid);
      await ok(
        call(api, { openid: shared?.judgeOpenid ?? '' }, 'judge.score', {
          roundId: ROUND,
          entryId: shared?.entryId,
          points: points(91),
        }),
      );
      const again = await ok<{ entry: { myScore: unknown } }>(
        call(api, judges[0] as { openid: string }, 'judge.entry.get', {
          roundId: ROUND,
          entryId: mine.items[0]?.entryId,
        }),
      );
      expect(again.entry.myScore).toBeNull();
      expect(JSON.stringify(again)).not.toContain('91');

      await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { blind: false })));
      const open = await ok<{ entry: { orgName: string; summary: string; businessPlan: { name: string } } }>(
        call(api, judges[0] as { openid: string }, 'judge.entry.get', {
          roundId: ROUND,
          entryId: mine.items[0]?.entryId,
        }),
      );
      expect(open.entry.orgName).toMatch(/^上海测试科技有限公司/);
      expect(open.entry.summary).toMatch(/^上海测试科技有限公司\d研发的/);
      expect(open.entry.businessPlan.name).toMatch(/商业计划书\.pdf$/);
    });

    test('points are checked per criterion against the rubric', async () => {
      const { judges } = await setUp();
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const [item] = (await myItems(judges[0] as { openid: string })).items;
      const answer = await call(api, judges[0] as { openid: string }, 'judge.score', {
        roundId: ROUND,
        entryId: item?.entryId,
        points: { innovation: 27.3, business: 21, market: 10, team: 5, unknown: 1 },
      });
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          details: {
            'points.innovation': '「技术创新性」的分数应为 0.5 的整数倍',
            'points.business': '「商业模式」最高 20 分',
            'points.social': '请为「社会效益」打分',
            'points.unknown': '评分表中没有这一项',
          },
        },
      });
      expect((await assignments()).every((a) => a.score === null)).toBe(true);
    });

    test('a retried submit stores one score; a change is audited with before and after', async () => {
      const { judges } = await setUp();
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const who = judges[0] as { openid: string };
      const [item] = (await myItems(who)).items;
      const data = { roundId: ROUND, entryId: item?.entryId, points: points(86.5), comment: '技术扎实' };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => call(api, who, 'judge.score', data, 'req-same-0001')),
      );
      expect(answers.every((a) => a.ok)).toBe(true);
      // The same score sent again under new request ids (an outbox replay) changes nothing either.
      const replay = await ok<{ changed: boolean; score: { total: string; revision: number } }>(
        call(api, who, 'judge.score', data, 'req-other-0002'),
      );
      expect(replay).toMatchObject({ changed: false, score: { total: '86.50', revision: 1 } });
      expect(await audits('score')).toHaveLength(1);

      const changed = await ok<{ changed: boolean; score: { total: string; revision: number } }>(
        call(api, who, 'judge.score', { ...data, points: points(88) }, 'req-change-003'),
      );
      expect(changed).toMatchObject({ changed: true, score: { total: '88.00', revision: 2 } });
      const records = (await audits('score')).sort((a, b) => (a.before === null ? -1 : b.before === null ? 1 : 0));
      expect(records).toHaveLength(2);
      expect(records[1]?.before).toContain('合计 86.50');
      expect(records[1]?.after).toContain('合计 88.00');
      expect(records[1]?.actorName).toBe('评委1');
      const mine = (await assignments()).filter((a) => a.judgeOpenid === who.openid && a.score !== null);
      expect(mine).toHaveLength(1);
      expect((await myItems(who)).done).toBe(1);
    });

    test('ten different submits of one score at once leave one score and one audit record per change', async () => {
      const { judges } = await setUp();
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const who = judges[1] as { openid: string };
      const [item] = (await myItems(who)).items;
      const totals = [60, 61, 62, 63, 64, 65, 66, 67, 68, 69];
      const answers = await Promise.all(
        totals.map((t, i) =>
          call(
            api,
            who,
            'judge.score',
            { roundId: ROUND, entryId: item?.entryId, points: points(t) },
            `req-conc-${i}-000`,
          ),
        ),
      );
      expect(answers.every((a) => a.ok)).toBe(true);
      const stored = (await assignments()).filter((a) => a.judgeOpenid === who.openid && a.entryId === item?.entryId);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.score?.revision).toBe(10);
      expect(totals.map((t) => t * 200)).toContain(stored[0]?.score?.units);
      expect(await audits('score')).toHaveLength(10);
    });

    test('the window: ROUND_NOT_OPEN before, open through the closing second, ROUND_CLOSED after', async () => {
      const { judges } = await setUp();
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const who = judges[0] as { openid: string };
      const [item] = (await myItems(who)).items;
      const send = () => call(api, who, 'judge.score', { roundId: ROUND, entryId: item?.entryId, points: points(75) });
      local.clock.freeze(new Date('2026-11-24T15:59:59Z'));
      expect(await send()).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_OPEN', message: '本轮评分尚未开始' } });
      local.clock.freeze(new Date('2026-12-10T15:59:59.900Z')); // 23:59:59.9 in Shanghai
      expect(await send()).toMatchObject({ ok: true });
      local.clock.freeze(new Date('2026-12-10T16:00:00Z'));
      expect(await send()).toMatchObject({ ok: false, error: { code: 'ROUND_CLOSED', message: '本轮评分已截止' } });
    });
  });

  describe('recusal', () => {
    test('a recused entry is topped up with another judge; the organizer sees the recusal', async () => {
      const { judges } = await setUp({ entries: 4, judges: 5, k: 3 });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const who = judges[0] as { openid: string };
      const [item] = (await myItems(who)).items;
      const answer = await call(api, who, 'judge.recuse', {
        roundId: ROUND,
        entryId: item?.entryId,
        reason: '曾为该企业提供咨询',
      });
      expect(answer).toMatchObject({ ok: true, data: { state: 'recused', replacedBy: true } });
      const onEntry = (await assignments()).filter((a) => a.entryId === item?.entryId);
      expect(onEntry.filter((a) => a.status === 'active')).toHaveLength(3);
      expect(onEntry.find((a) => a.judgeOpenid === who.openid)?.status).toBe('recused');
      expect(
        await call(api, who, 'judge.score', { roundId: ROUND, entryId: item?.entryId, points: points(50) }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE', message: '您已回避该项目，不能评分' },
      });
      expect(
        await call(api, who, 'judge.recuse', { roundId: ROUND, entryId: item?.entryId, reason: '再次回避' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE' },
      });
      const progress = await ok<{
        recusals: Array<{ judgeName: string; reason: string }>;
        judges: Array<{ name: string; recused: number }>;
      }>(call(api, organizer, 'admin.round.progress', { roundId: ROUND }));
      expect(progress.recusals).toEqual([
        expect.objectContaining({ judgeName: '评委1', reason: '曾为该企业提供咨询' }),
      ]);
      expect(progress.judges.find((j) => j.name === '评委1')?.recused).toBe(1);
      const round = await ports.db.collection<RoundDoc>(C.rounds).get(ROUND);
      const loads = Object.values(round?.loads ?? {});
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      expect(loads.reduce((s, n) => s + n, 0)).toBe(12);
    });

    test('declaring a conflict later recuses the pending assignments it concerns', async () => {
      const { judges, entries } = await setUp({ entries: 4, judges: 5, k: 3 });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const who = judges[2] as { openid: string };
      const [item] = (await myItems(who)).items;
      const entry = entries.find((e) => e._id === item?.entryId);
      await ok(
        call(api, who, 'judge.profile.update', {
          contestId: CONTEST,
          name: '评委3',
          organization: '上海某大学',
          title: '教授',
          expertise: ['新一代信息技术'],
          conflicts: { names: [entry?.orgName ?? ''] },
        }),
      );
      const after = (await assignments()).filter((a) => a.entryId === item?.entryId);
      expect(after.find((a) => a.judgeOpenid === who.openid)?.status).toBe('recused');
      expect(after.filter((a) => a.status === 'active')).toHaveLength(3);
    });
  });

  describe('progress, reminders, ranking, cut-off and advancement', () => {
    /** 6 entries × 3 judges each, every judge scoring by a table of totals per entry. */
    async function scoreAll(totals: Record<number, number>, skipJudge?: string) {
      for (const a of await assignments()) {
        if (a.judgeOpenid === skipJudge) continue;
        const n = Number(a.entryId.split('-').pop());
        await ok(
          call(api, { openid: a.judgeOpenid }, 'judge.score', {
            roundId: ROUND,
            entryId: a.entryId,
            points: points(totals[n] ?? 50),
          }),
        );
      }
    }

    test('progress per judge and entry; the reminder goes to judges who are behind', async () => {
      const { judges } = await setUp({ entries: 6, judges: 4, k: 3 });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      await scoreAll({ 1: 90, 2: 80, 3: 70, 4: 60, 5: 50, 6: 40 }, judges[3]?.openid);
      const progress = await ok<{
        judges: Array<{ key: string; assigned: number; done: number; behind: boolean }>;
        entries: { total: number; complete: number };
        tooFewCount: number;
      }>(call(api, organizer, 'admin.round.progress', { roundId: ROUND }));
      const lagging = progress.judges.find((j) => j.key === personKey(judges[3]?.openid ?? ''));
      expect(lagging).toMatchObject({ done: 0, behind: true });
      expect(lagging?.assigned).toBeGreaterThan(0);
      expect(progress.judges.filter((j) => j.behind)).toHaveLength(1);
      expect(progress.entries.total).toBe(6);
      expect(progress.tooFewCount).toBe(6 - progress.entries.complete);

      // The judge tapped 允许 for 评审任务提醒 once (WeChat counts it; the client reports it).
      const lagger = { openid: judges[3]?.openid ?? '' };
      await local.wechat.accept(lagger.openid, ['tmpl-remind']);
      await ok(
        call(api, lagger, 'notify.subscription.record', { results: [{ templateId: 'tmpl-remind', result: 'accept' }] }),
      );
      expect(await ok(call(api, organizer, 'admin.round.remind', { roundId: ROUND }))).toMatchObject({
        judges: 1,
        sent: 1,
        refused: 0,
      });
      // A second press finds no credit left: 未订阅, and the reminder waits in the judge's inbox.
      expect(await ok(call(api, organizer, 'admin.round.remind', { roundId: ROUND }))).toMatchObject({
        judges: 1,
        sent: 0,
        refused: 1,
      });
      expect(await ok(call(api, lagger, 'inbox.count', {}))).toEqual({ unread: 2 });
      const sent = await local.db.collection<LocalMessageDoc>(LOCAL_MESSAGES).find({});
      expect(sent).toHaveLength(1);
      expect(sent[0]?.message).toMatchObject({
        toOpenid: judges[3]?.openid,
        templateId: 'tmpl-remind',
        data: { thing1: { value: '预赛线上评审' }, number2: { value: String(lagging?.assigned) } },
      });
      expect(await audits('remind')).toHaveLength(2);
      // Each press is a 评审任务提醒 campaign with its own report, beside the organizers' campaigns.
      const { items } = await ok<{ items: Array<{ id: string; kind: string; audience: unknown }> }>(
        call(api, organizer, 'admin.campaign.list', { contestId: CONTEST }),
      );
      expect(items.map((c) => c.kind)).toEqual(['judgeTask', 'judgeTask']);
      expect(items[0]?.audience).toEqual({ role: 'judges', roundId: ROUND, pendingOnly: true });
      const reports = await Promise.all(
        items.map((c) =>
          ok<{ report: { status: string; counts: { sent: number; unsubscribed: number } } }>(
            call(api, organizer, 'admin.campaign.report', { id: c.id }),
          ),
        ),
      );
      expect(reports.map((r) => r.report.status)).toEqual(['done', 'done']);
      expect(reports.map((r) => r.report.counts.sent).sort()).toEqual([0, 1]);
    });

    test('a score far from the entry median is flagged', async () => {
      const { judges } = await setUp({ entries: 2, judges: 3, k: 3 });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      for (const a of await assignments()) {
        const total = a.judgeOpenid === judges[2]?.openid ? 30 : 85;
        await ok(
          call(api, { openid: a.judgeOpenid }, 'judge.score', {
            roundId: ROUND,
            entryId: a.entryId,
            points: points(total),
          }),
        );
      }
      const progress = await ok<{
        flags: Array<{ judgeName: string; total: string; median: string; gap: string }>;
        judges: Array<{ name: string; biasFlagged: boolean; bias: string | null }>;
      }>(call(api, organizer, 'admin.round.progress', { roundId: ROUND }));
      expect(progress.flags).toHaveLength(2);
      expect(progress.flags[0]).toMatchObject({ judgeName: '评委3', total: '30.00', median: '85.00', gap: '-55.00' });
      expect(progress.judges.find((j) => j.name === '评委3')).toMatchObject({ biasFlagged: true, bias: '-55.00' });
    });

    test('a proportional cut-off with a tie: resolved by the organizer, entries advance, the list is public', async () => {
      await setUp({ entries: 6, judges: 3, k: 3 });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      // Odd entries are 新一代信息技术 (1, 3, 5), even ones 生物医药 (2, 4, 6); 2 slots → one per field.
      // In 新一代信息技术, entries 1 and 3 tie exactly.
      const rule = { kind: 'proportional', n: 2 };
      // Before the scores are in, the preview counts the entries still short of k scores (the page warns).
      const early = await ok<{ preview: { shortOfScores: number } }>(
        call(api, organizer, 'admin.round.cutoff', { roundId: ROUND, rule }),
      );
      expect(early.preview.shortOfScores).toBe(6);
      await scoreAll({ 1: 88, 3: 88, 5: 70, 2: 90, 4: 60, 6: 55 });
      const ranking = await ok<{ rows: Array<{ entryId: string; rank: number; tied: boolean; aggregate: string }> }>(
        call(api, organizer, 'admin.round.ranking', { roundId: ROUND }),
      );
      expect(ranking.rows.map((r) => [r.entryId.split('-').pop(), r.rank, r.tied])).toEqual([
        ['2', 1, false],
        ['1', 2, true],
        ['3', 2, true],
        ['5', 4, false],
        ['4', 5, false],
        ['6', 6, false],
      ]);
      const { preview } = await ok<{
        preview: {
          shortOfScores: number;
          fingerprint: string;
          admitted: Array<{ entryId: string }>;
          straddling: Array<{ entryId: string }>;
          scopes: Array<{ scope: string; slots: number; open: number }>;
        };
      }>(call(api, organizer, 'admin.round.cutoff', { roundId: ROUND, rule }));
      expect(preview.shortOfScores).toBe(0);
      expect(preview.admitted.map((e) => e.entryId)).toEqual(['e-c-judge-2']);
      expect(preview.straddling.map((e) => e.entryId).sort()).toEqual(['e-c-judge-1', 'e-c-judge-3']);
      expect(preview.scopes.find((s) => s.scope === '新一代信息技术')).toMatchObject({ slots: 1, open: 1 });
      // Nothing changed yet.
      expect((await ports.db.collection<EntryDoc>(C.entries).get('e-c-judge-2'))?.status).toBe('approved');

      // Unresolved tie, or a pick outside the tie: refused.
      expect(
        await call(api, organizer, 'admin.round.advance', { roundId: ROUND, rule, fingerprint: preview.fingerprint }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(
        await call(api, organizer, 'admin.round.advance', {
          roundId: ROUND,
          rule,
          fingerprint: preview.fingerprint,
          chosen: ['e-c-judge-5'],
        }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      // A stale preview: refused.
      expect(
        await call(api, organizer, 'admin.round.advance', {
          roundId: ROUND,
          rule,
          fingerprint: 'stale',
          chosen: ['e-c-judge-1'],
        }),
      ).toMatchObject({ ok: false, error: { code: 'CUTOFF_CHANGED' } });

      const advanced = await ok<{ advanced: number; listId: string; round: { status: string } }>(
        call(
          api,
          organizer,
          'admin.round.advance',
          {
            roundId: ROUND,
            rule,
            fingerprint: preview.fingerprint,
            chosen: ['e-c-judge-1', 'e-c-judge-3'],
            publicityDays: 5,
          },
          'req-advance-01',
        ),
      );
      expect(advanced).toMatchObject({ advanced: 3, round: { status: 'advanced' } });
      const statuses = await ports.db
        .collection<EntryDoc>(C.entries)
        .find({ contestId: CONTEST }, { orderBy: [['_id', 'asc']] });
      expect(statuses.map((e) => [e._id.split('-').pop(), e.status])).toEqual([
        ['1', 'semifinalist'],
        ['2', 'semifinalist'],
        ['3', 'semifinalist'],
        ['4', 'approved'],
        ['5', 'approved'],
        ['6', 'approved'],
      ]);
      const lists = await ok<{
        lists: Array<{ id: string; kind: string; items: Array<{ entryId: string }>; inPublicity: boolean }>;
      }>(call(api, { openid: null }, 'results.list', { contestId: CONTEST }));
      expect(lists.lists).toEqual([
        expect.objectContaining({ id: advanced.listId, kind: 'preliminary', inPublicity: true }),
      ]);
      expect(lists.lists[0]?.items.map((i) => i.entryId).sort()).toEqual(['e-c-judge-1', 'e-c-judge-2', 'e-c-judge-3']);
      // The retry answers the same; another confirm is refused; scoring is over.
      expect(
        await call(
          api,
          organizer,
          'admin.round.advance',
          {
            roundId: ROUND,
            rule,
            fingerprint: preview.fingerprint,
            chosen: ['e-c-judge-1', 'e-c-judge-3'],
            publicityDays: 5,
          },
          'req-advance-01',
        ),
      ).toMatchObject({ ok: true, data: { listId: advanced.listId } });
      expect(
        await call(api, organizer, 'admin.round.advance', {
          roundId: ROUND,
          rule,
          fingerprint: preview.fingerprint,
          chosen: ['e-c-judge-1'],
        }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
      const a = (await assignments())[0];
      // Inside the window, yet over: judges see it closed.
      expect(await call(api, { openid: a?.judgeOpenid ?? '' }, 'judge.assignment.list', {})).toMatchObject({
        ok: true,
        data: { rounds: [{ round: { window: 'closed' } }] },
      });
      expect(
        await call(api, { openid: a?.judgeOpenid ?? '' }, 'judge.score', {
          roundId: ROUND,
          entryId: a?.entryId,
          points: points(1),
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'ROUND_CLOSED' },
      });
      const record = await audits('advance');
      expect(record).toHaveLength(1);
      expect(record[0]?.after).toBe(
        '规则：2 个名额按各行业领域项目数占比分配；晋级 3 个项目；并列中选定：工业视觉质检平台1、工业视觉质检平台3',
      );
    });

    test('a score changed after the preview makes the confirm stale (CUTOFF_CHANGED)', async () => {
      await setUp({ entries: 4, judges: 3, k: 3 });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      await scoreAll({ 1: 90, 2: 80, 3: 70, 4: 60 });
      const rule = { kind: 'top', n: 2 };
      const { preview } = await ok<{ preview: { fingerprint: string } }>(
        call(api, organizer, 'admin.round.cutoff', { roundId: ROUND, rule }),
      );
      const a = (await assignments()).find((x) => x.entryId === 'e-c-judge-3');
      await ok(
        call(api, { openid: a?.judgeOpenid ?? '' }, 'judge.score', {
          roundId: ROUND,
          entryId: a?.entryId,
          points: points(100),
        }),
      );
      await ok(
        call(
          api,
          {
            openid:
              (await assignments()).find((x) => x.entryId === 'e-c-judge-3' && x.judgeOpenid !== a?.judgeOpenid)
                ?.judgeOpenid ?? '',
          },
          'judge.score',
          { roundId: ROUND, entryId: 'e-c-judge-3', points: points(100) },
        ),
      );
      expect(
        await call(api, organizer, 'admin.round.advance', { roundId: ROUND, rule, fingerprint: preview.fingerprint }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CUTOFF_CHANGED' },
      });
    });

    test('a disqualified entry leaves the ranking', async () => {
      await setUp({ entries: 3, judges: 3, k: 3 });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      await scoreAll({ 1: 90, 2: 80, 3: 70 });
      await ok(
        call(api, organizer, 'admin.entry.decide', {
          entryId: 'e-c-judge-1',
          decision: 'disqualify',
          reason: '抄袭他人成果',
        }),
      );
      const ranking = await ok<{ rows: Array<{ entryId: string; rank: number }> }>(
        call(api, organizer, 'admin.round.ranking', { roundId: ROUND }),
      );
      expect(ranking.rows.map((r) => r.entryId)).toEqual(['e-c-judge-2', 'e-c-judge-3']);
    });
  });

  describe('复赛 panels and the final', () => {
    test('semifinal sessions by district × field within capacity; the previous aggregate carries over; awards', async () => {
      const specs = [
        ...Array.from({ length: 5 }, (_, i) => ({ n: i + 1, field: '新一代信息技术', district: '浦东新区' })),
        ...Array.from({ length: 2 }, (_, i) => ({ n: i + 6, field: '生物医药', district: '徐汇区' })),
      ];
      await approvedEntries(ports, CONTEST, specs);
      await bindJudges(
        api,
        CONTEST,
        Array.from({ length: 4 }, (_, i) => ({ who: judge(i + 1), expertise: ['新一代信息技术', '生物医药'] })),
      );
      await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { judgesPerEntry: 2 })));
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      for (const a of await assignments()) {
        const n = Number(a.entryId.split('-').pop());
        await ok(
          call(api, { openid: a.judgeOpenid }, 'judge.score', {
            roundId: ROUND,
            entryId: a.entryId,
            points: points(100 - n),
          }),
        );
      }
      const rule = { kind: 'top', n: 7 };
      const { preview } = await ok<{ preview: { fingerprint: string } }>(
        call(api, organizer, 'admin.round.cutoff', { roundId: ROUND, rule }),
      );
      await ok(call(api, organizer, 'admin.round.advance', { roundId: ROUND, rule, fingerprint: preview.fingerprint }));

      const SEMI = `${CONTEST}:semifinal`;
      await ok(
        call(
          api,
          organizer,
          'admin.round.upsert',
          roundFixture(CONTEST, {
            stage: 'semifinal',
            name: '复赛',
            mode: 'panels',
            panelCapacity: 3,
            judgesPerEntry: 2,
          }),
        ),
      );
      const run = await ok<{ joined: number; sessions: number }>(
        call(api, organizer, 'admin.round.assign', { roundId: SEMI }),
      );
      expect(run).toMatchObject({ joined: 7, sessions: 3 });
      const { sessions } = await ok<{
        sessions: Array<{ key: string; district: string; field: string; entryIds: string[]; judgeKeys: string[] }>;
      }>(call(api, organizer, 'admin.round.get', { roundId: SEMI }));
      expect(sessions.map((s) => [s.district, s.field, s.entryIds.length, s.judgeKeys.length])).toEqual(
        [
          ['徐汇区', '生物医药', 2, 2],
          ['浦东新区', '新一代信息技术', 3, 2],
          ['浦东新区', '新一代信息技术', 2, 2],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh-CN')),
      );
      const key = sessions[0]?.key ?? '';
      expect(
        await ok(
          call(api, organizer, 'admin.session.update', {
            roundId: SEMI,
            key,
            place: '张江科学会堂 3 楼',
            startsAt: '2027-02-21T09:00:00+08:00',
          }),
        ),
      ).toMatchObject({ session: { place: '张江科学会堂 3 楼' } });
      // Organizers see judges by key only; the test knows which of its judges that is.
      const stored = await ports.db.collection<SessionDoc>(C.sessions).get(`${SEMI}:${key}`);
      expect(stored?.judgeOpenids.map(personKey)).toEqual(sessions[0]?.judgeKeys);
      const panelJudge = { openid: stored?.judgeOpenids[0] ?? '' };
      const mine = await ok<{
        rounds: Array<{ round: { id: string }; items: Array<{ session: { place: string } | null }> }>;
      }>(call(api, panelJudge, 'judge.assignment.list', { roundId: SEMI }));
      expect(mine.rounds[0]?.items.some((i) => i.session?.place === '张江科学会堂 3 楼')).toBe(true);

      // Everyone scores 80 in the semifinal: the preliminary aggregate decides the order.
      for (const a of await ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: SEMI })) {
        await ok(
          call(api, { openid: a.judgeOpenid }, 'judge.score', {
            roundId: SEMI,
            entryId: a.entryId,
            points: points(80),
          }),
        );
      }
      const semiRanking = await ok<{ rows: Array<{ entryId: string; tied: boolean; previous: string }> }>(
        call(api, organizer, 'admin.round.ranking', { roundId: SEMI }),
      );
      expect(semiRanking.rows.map((r) => r.entryId.split('-').pop())).toEqual(['1', '2', '3', '4', '5', '6', '7']);
      expect(semiRanking.rows.every((r) => !r.tied)).toBe(true);
      expect(semiRanking.rows[0]?.previous).toBe('99.00');

      const semiRule = { kind: 'top', n: 7 };
      const semiPreview = await ok<{ preview: { fingerprint: string } }>(
        call(api, organizer, 'admin.round.cutoff', { roundId: SEMI, rule: semiRule }),
      );
      const semi = await ok<{ listId: string }>(
        call(api, organizer, 'admin.round.advance', {
          roundId: SEMI,
          rule: semiRule,
          fingerprint: semiPreview.preview.fingerprint,
        }),
      );
      expect((await ports.db.collection<EntryDoc>(C.entries).get('e-c-judge-7'))?.status).toBe('finalist');

      const FINAL = `${CONTEST}:final`;
      await ok(
        call(
          api,
          organizer,
          'admin.round.upsert',
          roundFixture(CONTEST, { stage: 'final', name: '决赛', judgesPerEntry: 3 }),
        ),
      );
      await ok(call(api, organizer, 'admin.round.assign', { roundId: FINAL }));
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
      expect(
        await call(api, organizer, 'admin.round.advance', { roundId: FINAL, rule: semiRule, fingerprint: 'x' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE' },
      });
      const proposal = await ok<{
        groups: Array<{
          group: string;
          counts: Array<{ prize: string; count: number }>;
          items: Array<{ entryId: string; prize: string | null }>;
        }>;
      }>(call(api, organizer, 'admin.award.propose', { roundId: FINAL }));
      const enterprise = proposal.groups.find((g) => g.group === 'enterprise');
      expect(enterprise?.counts).toEqual([
        { prize: 'first', count: 2 },
        { prize: 'second', count: 3 },
        { prize: 'third', count: 6 },
        { prize: 'merit', count: 0 },
      ]);
      expect(enterprise?.items.slice(0, 3).map((i) => [i.entryId.split('-').pop(), i.prize])).toEqual([
        ['7', 'first'],
        ['6', 'first'],
        ['5', 'second'],
      ]);
      const prizes = (enterprise?.items ?? [])
        .filter((i) => i.prize !== null)
        .map((i) => ({ entryId: i.entryId, prize: i.prize }));
      const decided = await ok<{ awarded: number; awardsListId: string; nationalListId: string }>(
        call(api, organizer, 'admin.award.decide', { roundId: FINAL, prizes }, 'req-awards-001'),
      );
      expect(decided.awarded).toBe(7);
      expect((await ports.db.collection<EntryDoc>(C.entries).get('e-c-judge-7'))?.history.at(-1)).toMatchObject({
        status: 'awarded',
        reason: '企业组一等奖',
      });
      const lists = await ok<{
        lists: Array<{ id: string; kind: string; items: Array<{ entryId: string; prize: string | null }> }>;
      }>(call(api, { openid: null }, 'results.list', { contestId: CONTEST }));
      expect(lists.lists.map((l) => l.kind).sort()).toEqual(['awards', 'finalist', 'national', 'preliminary']);
      expect(lists.lists.find((l) => l.id === decided.awardsListId)?.items[0]).toMatchObject({
        entryId: 'e-c-judge-7',
        prize: 'first',
      });
      expect(semi.listId).toBeTruthy();

      const file = await ok<{ url: string; fileName: string }>(
        call(api, organizer, 'admin.award.export', { roundId: FINAL }),
      );
      expect(file.fileName).toMatch(/获奖名单.*\.xlsx$/);
      const fileId = `local://${new URL(file.url).pathname.replace(/^\/files\//, '')}`;
      const bytes = await ports.files.read(decodeURIComponent(fileId));
      const sheets = await readXlsxFile(Buffer.from(bytes));
      expect(sheets.map((s) => s.sheet)).toEqual(['获奖名单', '推荐名单']);
      expect(JSON.stringify(sheets[0]?.data)).toContain('一等奖');
      expect(JSON.stringify(sheets[1]?.data)).toContain('全国企业组500强');
      expect(JSON.stringify(sheets)).not.toContain('13812341234');
    });
  });

  describe('the audit log', () => {
    test('assignment, scores, recusals and the cut-off are listed and exported', async () => {
      const { judges } = await setUp({ entries: 3, judges: 4, k: 3 });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const who = judges[0] as { openid: string };
      const [first, second] = (await myItems(who)).items;
      await ok(call(api, who, 'judge.score', { roundId: ROUND, entryId: first?.entryId, points: points(77) }));
      await ok(
        call(api, who, 'judge.recuse', { roundId: ROUND, entryId: second?.entryId, reason: '亲属在该企业任职' }),
      );
      const log = await ok<{ items: Array<{ action: string; actionLabel: string }>; total: number }>(
        call(api, organizer, 'admin.audit.list', { contestId: CONTEST, roundId: ROUND }),
      );
      expect(log.items.map((i) => i.action)).toEqual(
        expect.arrayContaining(['round_upsert', 'assign', 'score', 'recuse']),
      );
      expect(log.items.find((i) => i.action === 'recuse')?.actionLabel).toBe('评委回避');
      expect(await call(api, who, 'admin.audit.list', { contestId: CONTEST })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const file = await ok<{ url: string; rows: number }>(
        call(api, organizer, 'admin.audit.export', { contestId: CONTEST }),
      );
      expect(file.rows).toBeGreaterThanOrEqual(log.total);
    });
  });

  test('a large assignment left unfinished by the api call is finished by cron', async () => {
    // Many entries so the work spans several chunks; a zero budget makes the api call hand over at once.
    await approvedEntries(
      ports,
      CONTEST,
      Array.from({ length: 30 }, (_, i) => ({ n: i + 1 })),
    );
    await bindJudges(
      api,
      CONTEST,
      Array.from({ length: 3 }, (_, i) => ({ who: judge(i + 1) })),
    );
    await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { judgesPerEntry: 2 })));
    const assign = await import('../../cloudfunctions/usecases/judging/assignment-run');
    const round = await ports.db.collection<RoundDoc>(C.rounds).get(ROUND);
    const run = await assign.runAssignment(ports, {
      round: round as RoundDoc,
      seed: 'x',
      actorOpenid: organizer.openid,
      actorName: '组委会',
      budgetMs: -1,
    });
    expect(run.finished).toBe(false);
    expect((await ports.db.collection<RoundDoc>(C.rounds).get(ROUND))?.assignProgress).toMatchObject({
      state: 'running',
      done: 0,
      total: 60,
    });
    expect(await call(api, organizer, 'admin.round.assign', { roundId: ROUND })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('上一次分配仍在后台进行') },
    });
    const { jobs: outcomes } = await cronTick(ports, 'test');
    expect(outcomes.find((o) => o.kind === 'rounds.assign')).toMatchObject({
      status: 'done',
      result: { finished: true },
    });
    expect(await assignments()).toHaveLength(60);
    expect((await ports.db.collection<RoundDoc>(C.rounds).get(ROUND))?.assignProgress).toMatchObject({
      state: 'done',
      done: 60,
    });
  });
});
