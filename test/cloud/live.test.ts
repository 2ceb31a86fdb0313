/**
 * The live final through the router, on the embedded store and on the CloudBase adapter over the wx-server-sdk
 * stand-in: the run of show and its draw, the host console's state machine (every command out of order refused
 * with INVALID_STATE and the current state, nothing half-written), judges' live scores (retried and concurrent
 * submits store one), 亮分 by the round's exact rule, the released projection never showing a score before its
 * reveal, re-opening with a reason, the notary's log and sign-off freezing the group, the signed log export that
 * verify-log checks (and that fails once a stored score is changed behind its back), and the awards from the
 * frozen results.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import type { Ports } from '../../cloudfunctions/ports';
import type { Api } from '../../cloudfunctions/router';
import {
  C,
  assignmentIdFor,
  roleGrantId,
  type AssignmentDoc,
  type AuditDoc,
  type ContestDoc,
  type LiveEventDoc,
  type RoleGrantDoc,
} from '../../cloudfunctions/usecases/collections';
import { personKey } from '../../cloudfunctions/usecases/files/file-links';
import { devSigner, liveSigner, verifySignature } from '../../cloudfunctions/usecases/live/signing';
import { trimmedMean } from '../../core/judging/aggregate-scores';
import { formatPoints } from '../../core/judging/points';
import { verifyLog, type LogExport } from '../../core/live/chain';
import { drawOrder } from '../../core/live/draw';
import type { LiveConsoleView, LiveScreenView, NotaryLogView } from '../../core/live/views';
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
import { openContest } from '../support/registration-fixtures';
import { portsOn, storeApi, type Store } from '../support/store-api';

const CONTEST = 'c-live';
const ROUND = `${CONTEST}:final`;
const LIVE = `${ROUND}:enterprise`;
const NOTARY = { openid: 'oNotary0000000000000000000001' };
const judges = [1, 2, 3, 4, 5].map(judge);
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const crypto = { sha256, verify: verifySignature };

type Answer = {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string; details?: Record<string, unknown> };
};

describe.each<Store>(['embedded', 'cloudbase'])('the live final on the %s store', (store) => {
  let local: ReturnType<typeof testPorts>;
  let ports: Ports;
  let api: Api;
  let entryIds: string[];

  const control = (command: string, entryId?: string, extra: Record<string, unknown> = {}, requestId?: string) =>
    call(
      api,
      organizer,
      'admin.live.control',
      { liveId: LIVE, command, ...(entryId ? { entryId } : {}), ...extra },
      requestId,
    ) as Promise<Answer>;
  const consoleNow = async () =>
    (await ok<{ console: LiveConsoleView }>(call(api, organizer, 'admin.live.get', { liveId: LIVE }))).console;
  const screen = async () =>
    (await ok<{ screen: LiveScreenView }>(call(api, { openid: null }, 'live.screen', { liveId: LIVE }))).screen;
  const score = (who: { openid: string }, entryId: string, total: number, requestId?: string) =>
    call(
      api,
      who,
      'judge.live.score',
      { liveId: LIVE, entryId, points: points(total), comment: '' },
      requestId,
    ) as Promise<Answer>;
  const orderOf = async () => (await consoleNow()).slots.map((s) => s.entryId);
  const exportLog = async (): Promise<LogExport> => {
    const file = await ok<{ url: string; fileName: string }>(
      call(api, NOTARY, 'admin.live.export', { liveId: LIVE, format: 'log' }),
    );
    expect(file.fileName).toMatch(/评分日志.*\.json$/);
    const fileId = decodeURIComponent(new URL(file.url).pathname.replace(/^\/files\//, ''));
    const bytes = await ports.files.read(fileId.startsWith('local://') ? fileId : `local://${fileId}`);
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as LogExport;
  };

  beforeEach(async () => {
    local = testPorts();
    local.clock.freeze(new Date('2026-12-20T01:00:00Z'));
    ports = portsOn(store, local);
    await seedDemoData(ports);
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(CONTEST, { name: '现场决赛测试赛' }));
    await ports.db.collection<RoleGrantDoc>(C.roles).create({
      _id: roleGrantId(NOTARY.openid, 'notary', CONTEST),
      openid: NOTARY.openid,
      role: 'notary',
      contestId: CONTEST,
      createdAt: '2026-11-01T00:00:00Z',
    });
    api = storeApi(ports);
    const entries = await approvedEntries(ports, CONTEST, [
      { n: 1, status: 'finalist' },
      { n: 2, status: 'finalist', company: '上海回避测试有限公司' },
      { n: 3, status: 'finalist' },
    ]);
    entryIds = entries.map((e) => e._id);
    await bindJudges(api, CONTEST, [
      { who: judges[0] as { openid: string }, name: '王一', conflicts: { names: ['上海回避测试有限公司'] } },
      ...judges.slice(1).map((who, i) => ({ who, name: `评委${i + 2}` })),
    ]);
    await ok(
      call(
        api,
        organizer,
        'admin.round.upsert',
        roundFixture(CONTEST, { stage: 'final', name: '决赛', mode: 'live', aggregation: 'trimmed' }),
      ),
    );
  });
  afterEach(() => local.dispose());

  async function setUp(settings: Record<string, unknown> = {}) {
    const view = await ok<{ console: LiveConsoleView }>(
      call(api, organizer, 'admin.live.upsert', {
        roundId: ROUND,
        group: 'enterprise',
        judges: judges.map((j) => personKey(j.openid)),
        settings,
      }),
    );
    return view.console;
  }

  async function runTo(entryId: string, state: 'scoring') {
    await ok(control('pitch', entryId));
    await ok(control('qa', entryId));
    if (state === 'scoring') await ok(control('score', entryId));
  }

  test('the run of show: the panel, a conflicted judge not awaited, a reproducible draw, once', async () => {
    const view = await setUp();
    expect(view.slots).toHaveLength(3);
    expect(view.candidates).toHaveLength(5);
    expect(view.order).toBeNull();
    const conflicted = view.slots.find((s) => s.entryId === entryIds[1]);
    expect(conflicted?.eligible).toBe(4);
    const wang = view.judges.find((j) => j.name === '王一');
    expect(conflicted?.recused).toEqual([{ key: wang?.key, name: '王一' }]);
    expect(view.judges.map((j) => j.label)).toEqual(['评委 1', '评委 2', '评委 3', '评委 4', '评委 5']);

    const drawn = (
      await ok<{ console: LiveConsoleView }>(
        call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: '2026决赛' }),
      )
    ).console;
    expect(drawn.order).toMatchObject({ method: 'draw', seed: '2026决赛' });
    expect(drawn.slots.map((s) => s.entryId)).toEqual(drawOrder(entryIds, '2026决赛'));
    expect(drawn.slots.map((s) => s.position)).toEqual([1, 2, 3]);
    const again = (await call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: 'other' })) as Answer;
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '本组已抽签，不能重复抽签' } });
    expect((await consoleNow()).head.count).toBe(2);
    // Scoping: another contest's organizer, a judge and an anonymous caller cannot drive the show.
    expect(await call(api, judges[1] as { openid: string }, 'admin.live.draw', { liveId: LIVE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(api, { openid: null }, 'admin.live.get', { liveId: LIVE })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  test('every command out of order is refused with the current state, and leaves the log as it was', async () => {
    await setUp();
    expect(await control('pitch', entryIds[0])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '请先抽签或设定出场顺序' },
    });
    await ok(call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: 's' }));
    const [first, second] = await orderOf();
    const before = (await consoleNow()).head;
    for (const [command, entryId, state] of [
      ['qa', first, 'waiting'],
      ['score', first, 'waiting'],
      ['close', first, 'waiting'],
      ['reopen', first, 'waiting'],
      ['finish', first, 'waiting'],
      ['pause', first, 'waiting'],
    ] as const) {
      const answer = await control(command, entryId);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { state } } });
    }
    expect(await score(judges[1] as { openid: string }, first as string, 80)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { state: 'waiting' } },
    });
    expect((await consoleNow()).head).toEqual(before);
    await ok(control('pitch', first));
    expect(await control('pitch', second)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { state: 'waiting' } },
    });
    expect(await control('absent', second)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '标记缺席请填写原因' },
    });
    expect(await control('addTime', first, { seconds: 601 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // The 预赛 path is closed for a live round: scores go through the host's 评分 only.
    expect(
      await call(api, judges[1] as { openid: string }, 'judge.score', {
        roundId: ROUND,
        entryId: first,
        points: points(80),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await call(api, organizer, 'admin.round.assign', { roundId: ROUND })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  test('two consoles tapping the same button at once move the state once', async () => {
    await setUp();
    await ok(call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: 's' }));
    const [first] = await orderOf();
    await ok(control('pitch', first));
    const onStage = await consoleNow();
    // The panel can no longer change: the console stops reading the contest's judges on every tap.
    expect(onStage.candidates).toEqual([]);
    const head = onStage.head.count;
    const answers = await Promise.all([control('qa', first), control('qa', first)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'INVALID_STATE', details: { state: 'qa' } } });
    expect((await consoleNow()).head.count).toBe(head + 1);
  });

  test('亮分: the last awaited score reveals by the round rule; the screen shows no score before it', async () => {
    await setUp();
    await ok(call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: 's' }));
    const [first] = (await orderOf()) as [string];
    await runTo(first, 'scoring');
    const totals = [91, 85.5, 78, 88, 70];
    // Four judges in parallel, one of them sending the same request twice (a retry) and one twice without an id.
    await Promise.all([
      score(judges[0] as { openid: string }, first, totals[0] as number, 'req-live-score-1'),
      score(judges[0] as { openid: string }, first, totals[0] as number, 'req-live-score-1'),
      score(judges[1] as { openid: string }, first, totals[1] as number),
      score(judges[1] as { openid: string }, first, totals[1] as number),
      score(judges[2] as { openid: string }, first, totals[2] as number),
      score(judges[3] as { openid: string }, first, totals[3] as number),
    ]);
    const progress = await screen();
    expect(progress.progress).toEqual({ scored: 4, of: 5 });
    expect(progress.reveal).toBeNull();
    expect(JSON.stringify(progress)).not.toMatch(/"units"|91\.00|85\.50/);
    const events = await ports.db.collection<LiveEventDoc>(C.liveEvents).find({ liveId: LIVE, type: 'score' });
    expect(events).toHaveLength(4);
    const last = await score(judges[4] as { openid: string }, first, totals[4] as number);
    expect(last).toMatchObject({ ok: true, data: { revealed: true } });

    const shown = await screen();
    const expected = formatPoints(trimmedMean(totals.map((t) => t * 200)) ?? { num: 0, den: 1 });
    expect(shown.reveal).toMatchObject({ final: expected, revision: 1, changedFrom: null });
    expect(shown.reveal?.lines.map((l) => [l.label, l.total, l.dropped])).toEqual([
      ['评委 1', '91.00', 'high'],
      ['评委 2', '85.50', null],
      ['评委 3', '78.00', null],
      ['评委 4', '88.00', null],
      ['评委 5', '70.00', 'low'],
    ]);
    expect(shown.reveal?.headHash).toHaveLength(12);
    expect(shown.board).toBeNull();
    // Scores after the reveal are refused; the stored score is the one sent, once.
    expect(await score(judges[4] as { openid: string }, first, 99)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '该选手的评分已结束' },
    });
    const stored = await ports.db
      .collection<AssignmentDoc>(C.assignments)
      .get(assignmentIdFor(ROUND, first, (judges[0] as { openid: string }).openid));
    expect(stored?.score?.revision).toBe(1);
    // The host sees the board before releasing it; the screen does not.
    const preview = (await consoleNow()).board;
    expect(preview).toEqual([expect.objectContaining({ rank: 1, position: 1, final: expected })]);
    expect((await screen()).board).toBeNull();
    await ok(control('showBoard'));
    expect((await screen()).board).toEqual(preview);
  });

  test('closing early needs a reason; re-opening needs one, and a changed result shows as changed', async () => {
    await setUp({ judgeLabels: 'named' });
    await ok(call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: 's' }));
    const [first] = (await orderOf()) as [string];
    await runTo(first, 'scoring');
    for (const [i, who] of judges.slice(0, 4).entries()) await ok(score(who, first, 80 + i));
    expect(await control('close', first)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('尚有 1 位评委未评分') },
    });
    await ok(control('close', first, { reason: '评委5临时离场' }));
    const revealed = await screen();
    expect(revealed.reveal?.lines.map((l) => l.label)).toEqual(['王一', '评委2', '评委3', '评委4']);
    expect(revealed.reveal?.final).toBe('81.50');
    expect(await control('reopen', first)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '重新开放评分请填写原因' },
    });
    await ok(control('reopen', first, { reason: '评委4录入有误' }));
    await ok(score(judges[3] as { openid: string }, first, 95));
    // After a re-opening the host closes: everyone awaited was counted already.
    expect((await screen()).reveal).toBeNull();
    await ok(control('close', first, { reason: '评委5未返回' }));
    const changed = await screen();
    // 80 + 81 + 82 + 95 over four scores (fewer than five: nothing dropped).
    expect(changed.reveal).toMatchObject({ revision: 2, changedFrom: '81.50', final: '84.50' });
    const audits = await ports.db.collection<AuditDoc>(C.audits).find({ roundId: ROUND, action: 'live_reopen' });
    expect(audits.map((a) => a.reason)).toEqual(['评委4录入有误']);
    const log = (await ok<{ log: NotaryLogView }>(call(api, NOTARY, 'notary.live.log', { liveId: LIVE }))).log;
    expect(log.reopenings).toEqual([expect.objectContaining({ position: 1, reason: '评委4录入有误' })]);
    expect(log.reveals[0]).toMatchObject({ revision: 2, changedFrom: '81.50' });
  });

  test('deferred first score: the first is scored after the second has presented', async () => {
    await setUp({ deferFirst: true });
    await ok(call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: 's' }));
    const [first, second] = (await orderOf()) as [string, string];
    await ok(control('pitch', first));
    await ok(control('qa', first));
    expect(await control('score', first)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { state: 'qa' } },
    });
    await ok(control('hold', first));
    await ok(control('pitch', second));
    expect(await control('score', first)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { state: 'held' } },
    });
    await ok(control('qa', second));
    expect(await control('score', second)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '请先为第 1 位选手评分' },
    });
    await ok(control('score', first));
    const sheet = await ok<{ shows: Array<{ sheet: { entryId: string; open: boolean } | null }> }>(
      call(api, judges[2] as { openid: string }, 'judge.live', { liveId: LIVE }),
    );
    expect(sheet.shows[0]?.sheet).toMatchObject({ entryId: first, open: true });
  });

  test('an absent contestant, the notary’s sign-off freezing the group, and awards from the frozen results', async () => {
    await setUp();
    await ok(call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: 's' }));
    const [first, second, third] = (await orderOf()) as [string, string, string];
    await ok(control('absent', third, { reason: '因故未到场' }));
    for (const [n, entryId] of [first, second].entries()) {
      await runTo(entryId, 'scoring');
      const slot = (await consoleNow()).slots.find((s) => s.entryId === entryId);
      expect(slot?.recused.map((j) => j.name)).toEqual(entryId === entryIds[1] ? ['王一'] : []);
      // The screen counts every place in the order and says how many of them will not appear.
      expect((await screen()).current).toMatchObject({ entryId, total: 3, absent: 1 });
      for (const who of judges) {
        const answer = await score(who, entryId, 70 + n * 10 + judges.indexOf(who));
        if (!answer.ok) expect(answer.error).toMatchObject({ code: 'FORBIDDEN', message: '您需回避该项目，不能评分' });
      }
      expect((await consoleNow()).slots.find((s) => s.entryId === entryId)?.state).toBe('revealed');
      await ok(control('finish', entryId));
    }
    const proposal = { roundId: ROUND, prizes: [{ entryId: second, prize: 'first' }] };
    expect(await call(api, organizer, 'admin.award.decide', proposal)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '企业组的现场决赛成绩尚未经公证员确认，不能确定奖项' },
    });

    const log = (await ok<{ log: NotaryLogView }>(call(api, NOTARY, 'notary.live.log', { liveId: LIVE }))).log;
    expect(log.order).toMatchObject({ method: 'draw', seed: 's' });
    expect(log.events.map((e) => e.seq)).toEqual(log.events.map((_, i) => i + 1));
    expect(log.events.every((e, i) => i === 0 || e.prev === log.events[i - 1]?.hash)).toBe(true);
    expect(log.checkpoints).toHaveLength(2);
    expect(log.reveals).toHaveLength(2);
    expect(await call(api, organizer, 'notary.live.log', { liveId: LIVE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(api, NOTARY, 'notary.live.confirm', { liveId: LIVE, head: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '评分日志在您核对之后有了新的记录，请刷新后重新核对' },
    });
    const signed = await ok<{ frozen: { head: string } }>(
      call(api, NOTARY, 'notary.live.confirm', { liveId: LIVE, head: log.head.hash }),
    );
    // The sign-off names the head the notary checked; the confirm event then moves the log's head on.
    expect(signed.frozen.head).toBe(log.head.hash);
    expect(await control('reopen', first, { reason: '想改' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '公证员已确认本组成绩，不能再更改', details: { frozen: true } },
    });
    expect(
      await call(api, organizer, 'admin.live.upsert', {
        roundId: ROUND,
        group: 'enterprise',
        judges: [personKey((judges[0] as { openid: string }).openid)],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect((await screen()).frozen).toBe(true);

    const exported = await exportLog();
    expect(verifyLog(exported, crypto)).toEqual({
      ok: true,
      count: exported.events.length,
      head: exported.events.at(-1)?.hash,
      checkpoints: 3,
      reveals: 2,
    });
    expect(exported.events.at(-1)).toMatchObject({ type: 'confirm', data: { head: log.head.hash } });
    expect(log.reveals.map((r) => r.rank).sort()).toEqual([1, 2]);
    // The xlsx 成绩单 for the notary and the organizer alike.
    const sheet = await ok<{ fileName: string }>(
      call(api, organizer, 'admin.live.export', { liveId: LIVE, format: 'xlsx' }),
    );
    expect(sheet.fileName).toMatch(/成绩单.*\.xlsx$/);

    const decided = await ok<{ awarded: number }>(call(api, organizer, 'admin.award.decide', proposal));
    expect(decided.awarded).toBe(1);
  });

  test('verify-log fails, naming the event, when a stored score is changed behind the log’s back', async () => {
    await setUp();
    await ok(call(api, organizer, 'admin.live.draw', { liveId: LIVE, seed: 's' }));
    const [first] = (await orderOf()) as [string];
    await runTo(first, 'scoring');
    for (const who of judges) await ok(score(who, first, 80));
    const clean = await exportLog();
    expect(verifyLog(clean, crypto)).toMatchObject({ ok: true });
    const target = judges[2] as { openid: string };
    const id = assignmentIdFor(ROUND, first, target.openid);
    const doc = await ports.db.collection<AssignmentDoc>(C.assignments).get(id);
    await ports.db.collection<AssignmentDoc>(C.assignments).set({
      ...(doc as AssignmentDoc),
      score: { ...(doc?.score as NonNullable<AssignmentDoc['score']>), units: 19000 },
    });
    const tampered = await exportLog();
    const scoreEvent = tampered.events.find((e) => e.type === 'score' && e.data.judge === personKey(target.openid));
    expect(verifyLog(tampered, crypto)).toEqual({
      ok: false,
      seq: scoreEvent?.seq,
      reason: expect.stringContaining('评分在日志之外被改动'),
    });
    // And an event edited in the store breaks the chain at that event.
    const edited = {
      ...tampered,
      scores: clean.scores,
      events: tampered.events.map((e) => (e.seq === scoreEvent?.seq ? { ...e, data: { ...e.data, units: 19000 } } : e)),
    };
    expect(verifyLog(edited, crypto)).toMatchObject({ ok: false, seq: scoreEvent?.seq });
  });
});

test('the development signing key is the one whose id the README publishes', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  expect(devSigner().keyId).toMatch(/^[0-9a-f]{16}$/);
  expect(readme).toContain(`密钥编号为 **\`${devSigner().keyId}\`**`);
  expect(readme).toContain(`key id **\`${devSigner().keyId}\`**`);
  // The cloud without a key refuses to sign rather than sign with the public one.
  expect(() => liveSigner(null, 'cloud').sign('x')).toThrow(/LIVE_SIGNING_KEY/);
});
