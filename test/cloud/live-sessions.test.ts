/**
 * A group's final in 场次 (sessions), through the router on the embedded store and the CloudBase stand-in: each
 * session is its own show with its own finalists and panel; a finalist is in one show of the group only (also
 * when two consoles save sessions at once); a group runs whole or in sessions, never both; a finalist a
 * session lets go is free for another; and the awards wait until every session is signed off and every
 * finalist of the group was in one.
 */
import { seedDemoData } from '../../cloudfunctions/local/seed';
import type { Ports } from '../../cloudfunctions/ports';
import type { Api } from '../../cloudfunctions/router';
import { C, roleGrantId, type ContestDoc, type RoleGrantDoc } from '../../cloudfunctions/usecases/collections';
import { personKey } from '../../cloudfunctions/usecases/files/file-links';
import type { LiveConsoleView, LiveFinalist, LiveScreenView, LiveSummary, NotaryLogView } from '../../core/live/views';
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

const CONTEST = 'c-sessions';
const ROUND = `${CONTEST}:final`;
const WHOLE = `${ROUND}:enterprise`;
const MORNING = `${ROUND}:enterprise:s1`;
const AFTERNOON = `${ROUND}:enterprise:s2`;
const NOTARY = { openid: 'oNotary0000000000000000000002' };
const judges = [1, 2, 3, 4].map(judge);

type Answer = {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string; details?: Record<string, unknown> };
};

describe.each<Store>(['embedded', 'cloudbase'])('a final in sessions on the %s store', (store) => {
  let local: ReturnType<typeof testPorts>;
  let ports: Ports;
  let api: Api;
  let entryIds: string[];
  let projectNames: string[];

  const session = (key: string, name: string, entries: readonly string[], panel = judges.slice(0, 2)) =>
    call(api, organizer, 'admin.live.upsert', {
      roundId: ROUND,
      group: 'enterprise',
      judges: panel.map((j) => personKey(j.openid)),
      session: { key, name, entryIds: entries },
    }) as Promise<Answer>;
  const finalists = async () =>
    (
      await ok<{ finalists: LiveFinalist[] }>(
        call(api, organizer, 'admin.live.finalists', { roundId: ROUND, group: 'enterprise' }),
      )
    ).finalists;
  const holderOf = async (entryId: string) => (await finalists()).find((f) => f.entryId === entryId);
  const control = (liveId: string, command: string, entryId?: string, extra: Record<string, unknown> = {}) =>
    ok(call(api, organizer, 'admin.live.control', { liveId, command, ...(entryId ? { entryId } : {}), ...extra }));

  /** Runs a drawn show to the end, every panel judge scoring every contestant, and has the notary sign it off. */
  async function runAndSignOff(liveId: string, panel: ReadonlyArray<{ openid: string }>) {
    const drawn = (
      await ok<{ console: LiveConsoleView }>(call(api, organizer, 'admin.live.draw', { liveId, seed: 'x' }))
    ).console;
    for (const slot of drawn.slots) {
      await control(liveId, 'pitch', slot.entryId);
      await control(liveId, 'qa', slot.entryId);
      await control(liveId, 'score', slot.entryId);
      for (const [i, who] of panel.entries())
        await ok(
          call(api, who, 'judge.live.score', {
            liveId,
            entryId: slot.entryId,
            points: points(80 + i + slot.position),
            comment: '',
          }),
        );
      await control(liveId, 'finish', slot.entryId);
    }
    const log = (await ok<{ log: NotaryLogView }>(call(api, NOTARY, 'notary.live.log', { liveId }))).log;
    await ok(call(api, NOTARY, 'notary.live.confirm', { liveId, head: log.head.hash }));
    return log;
  }

  beforeEach(async () => {
    local = testPorts();
    local.clock.freeze(new Date('2026-12-20T01:00:00Z'));
    ports = portsOn(store, local);
    await seedDemoData(ports);
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(CONTEST, { name: '分场次决赛测试赛' }));
    await ports.db.collection<RoleGrantDoc>(C.roles).create({
      _id: roleGrantId(NOTARY.openid, 'notary', CONTEST),
      openid: NOTARY.openid,
      role: 'notary',
      contestId: CONTEST,
      createdAt: '2026-11-01T00:00:00Z',
    });
    api = storeApi(ports);
    const entries = await approvedEntries(
      ports,
      CONTEST,
      [1, 2, 3, 4].map((n) => ({ n, status: 'finalist' as const })),
    );
    entryIds = entries.map((e) => e._id);
    projectNames = entries.map((e) => e.projectName);
    await bindJudges(
      api,
      CONTEST,
      judges.map((who, i) => ({ who, name: `评委${i + 1}` })),
    );
    await ok(
      call(
        api,
        organizer,
        'admin.round.upsert',
        roundFixture(CONTEST, { stage: 'final', name: '决赛', mode: 'live', aggregation: 'mean' }),
      ),
    );
  });
  afterEach(() => local.dispose());

  test('each session is its own show; a finalist is in one session only; a group is whole or in sessions', async () => {
    const [e1, e2, e3, e4] = entryIds as [string, string, string, string];
    // Before any show: every finalist of the group, none held.
    expect((await finalists()).map((f) => [f.entryId, f.liveId]).sort()).toEqual(
      entryIds.map((id) => [id, null]).sort(),
    );
    const morning = (await ok<{ console: LiveConsoleView }>(session('s1', '上午场', [e1, e2]))).console;
    expect(morning).toMatchObject({ liveId: MORNING, session: { key: 's1', name: '上午场' } });
    expect(morning.slots.map((s) => s.entryId).sort()).toEqual([e1, e2].sort());
    await ok(session('s2', '下午场', [e3], judges.slice(2)));

    expect(await holderOf(e1)).toMatchObject({ liveId: MORNING, sessionName: '上午场' });
    expect(await holderOf(e3)).toMatchObject({ liveId: AFTERNOON, sessionName: '下午场' });
    expect(await holderOf(e4)).toMatchObject({ liveId: null, sessionName: null });

    // A finalist already in 上午场 cannot join 下午场, and the refusal leaves 下午场 as it was.
    expect(await session('s2', '下午场', [e3, e2], judges.slice(2))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: `「${projectNames[1]}」已在「上午场」中，每个项目只能在一个场次` },
    });
    const afternoon = (
      await ok<{ console: LiveConsoleView }>(call(api, organizer, 'admin.live.get', { liveId: AFTERNOON }))
    ).console;
    expect(afternoon.slots.map((s) => s.entryId)).toEqual([e3]);
    expect(afternoon.judges.map((j) => j.name)).toEqual(['评委3', '评委4']);

    // The whole group cannot be set up once it runs in sessions.
    expect(
      await call(api, organizer, 'admin.live.upsert', {
        roundId: ROUND,
        group: 'enterprise',
        judges: [personKey((judges[0] as { openid: string }).openid)],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '本组已分场次进行，请在各场次中设置' } });

    // Only the group's finalists, and a manual order of exactly the session's.
    expect(await session('s3', '加场', ['e-nobody'])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '所选项目不是本组的决赛项目，请刷新后重选' },
    });
    expect(await session('x1', '加场', [e4])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { 'session.key': '场次编号格式不正确' } },
    });
    expect(
      await call(api, organizer, 'admin.live.upsert', {
        roundId: ROUND,
        group: 'enterprise',
        judges: [personKey((judges[0] as { openid: string }).openid)],
        session: { key: 's1', name: '上午场', entryIds: [e1, e2] },
        manualOrder: { entryIds: [e1, e2, e3], reason: '按路演材料顺序' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '手动排序须包含本场次每个决赛项目各一次' } });

    // A finalist 上午场 lets go is free for 下午场.
    await ok(session('s1', '上午场', [e1]));
    expect(await holderOf(e2)).toMatchObject({ liveId: null });
    await ok(session('s2', '下午场', [e3, e2, e4], judges.slice(2)));
    expect(await holderOf(e2)).toMatchObject({ liveId: AFTERNOON });

    // The round's list and the screen name the session.
    const listed = (await ok<{ shows: LiveSummary[] }>(call(api, organizer, 'admin.live.list', { roundId: ROUND })))
      .shows;
    expect(listed.map((s) => [s.liveId, s.session?.name, s.contestants])).toEqual([
      [MORNING, '上午场', 1],
      [AFTERNOON, '下午场', 3],
    ]);
    const screen = (
      await ok<{ screen: LiveScreenView }>(call(api, { openid: null }, 'live.screen', { liveId: MORNING }))
    ).screen;
    expect(screen).toMatchObject({ roundName: '决赛 · 企业组 · 上午场', session: { key: 's1', name: '上午场' } });
    // A 下午场 judge is not on 上午场's panel.
    expect(
      await call(api, judges[2] as { openid: string }, 'judge.live.score', {
        liveId: MORNING,
        entryId: e1,
        points: points(80),
        comment: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('two consoles saving sessions that take the same finalist at once: one is refused', async () => {
    const [e1, e2, e3] = entryIds as [string, string, string];
    const answers = await Promise.all([session('s1', '上午场', [e1, e2]), session('s2', '下午场', [e2, e3])]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const refused = answers.find((a) => !a.ok);
    expect(refused?.error?.message).toMatch(/^「.+」已在「(上午场|下午场)」中，每个项目只能在一个场次$/);
    const holders = (await finalists()).filter((f) => f.liveId !== null);
    expect(holders.map((f) => f.entryId).sort()).toEqual((answers[0]?.ok ? [e1, e2] : [e2, e3]).sort());
  });

  test('a group set up whole cannot be split into sessions', async () => {
    await ok(
      call(api, organizer, 'admin.live.upsert', {
        roundId: ROUND,
        group: 'enterprise',
        judges: judges.map((j) => personKey(j.openid)),
      }),
    );
    expect((await finalists()).every((f) => f.liveId === WHOLE && f.sessionName === null)).toBe(true);
    expect(await session('s1', '上午场', [entryIds[0] as string])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '本组已按整组设置了现场决赛，不能再分场次' },
    });
  });

  test('awards wait for every session’s sign-off and for every finalist to be in one', async () => {
    const [e1, e2, e3, e4] = entryIds as [string, string, string, string];
    const morningPanel = judges.slice(0, 2);
    const afternoonPanel = judges.slice(2);
    await ok(session('s1', '上午场', [e1, e2], morningPanel));
    await ok(session('s2', '下午场', [e3], afternoonPanel));
    const morningLog = await runAndSignOff(MORNING, morningPanel);
    expect(morningLog.session).toEqual({ key: 's1', name: '上午场' });
    expect(morningLog.reveals).toHaveLength(2);

    const proposal = { roundId: ROUND, prizes: [{ entryId: e1, prize: 'first' }] };
    expect(await call(api, organizer, 'admin.award.decide', proposal)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '企业组 · 下午场的现场决赛成绩尚未经公证员确认，不能确定奖项' },
    });
    await runAndSignOff(AFTERNOON, afternoonPanel);
    // e4 never took the stage in any session.
    expect(await call(api, organizer, 'admin.award.decide', proposal)).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_STATE',
        message: `企业组还有 1 个决赛项目未排入任何场次（如「${projectNames[3]}」），不能确定奖项`,
      },
    });
    // A third session for it, run and signed off: now the group is complete.
    await ok(session('s3', '加场', [e4], morningPanel));
    await runAndSignOff(`${ROUND}:enterprise:s3`, morningPanel);
    const decided = await ok<{ awarded: number }>(call(api, organizer, 'admin.award.decide', proposal));
    expect(decided.awarded).toBe(1);
    const notaryShows = (
      await ok<{ shows: Array<{ liveId: string; session: { name: string } | null; frozen: boolean }> }>(
        call(api, NOTARY, 'notary.live.list', {}),
      )
    ).shows;
    expect(notaryShows.map((s) => s.session?.name).sort()).toEqual(['上午场', '下午场', '加场'].sort());
    expect(notaryShows.every((s) => s.frozen)).toBe(true);
  });
});
