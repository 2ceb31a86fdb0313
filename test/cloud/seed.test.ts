import { seedDemoData } from '../../cloudfunctions/local/seed';
import { demoOpenid, demoUsers } from '../../cloudfunctions/local/seed-data';
import { DEMO_REVIEW_ID, seedJudgingDemo } from '../../cloudfunctions/local/seed-judging';
import { DEMO_FINAL_ID, DEMO_LIVE_ID, seedLiveDemo } from '../../cloudfunctions/local/seed-live';
import {
  C,
  roleGrantId,
  type AssignmentDoc,
  type ContestDoc,
  type LiveShowDoc,
  type RoundDoc,
} from '../../cloudfunctions/usecases/collections';
import { roundWindow } from '../../core/judging/round-window';
import { formatShanghai } from '../../core/time/shanghai';
import { testPorts } from '../support/local-ports';

test('the seed is idempotent and keeps what organizers changed', async () => {
  const ports = testPorts();
  try {
    const first = await seedDemoData(ports);
    expect(first.created).toBeGreaterThan(10);
    const contests = ports.db.collection<ContestDoc>(C.contests);
    await contests.update('sh-2024', { rules: '组委会修改过的规则' });

    expect(await seedDemoData(ports)).toEqual({ created: 0 });
    expect(await contests.get('sh-2024')).toMatchObject({ rules: '组委会修改过的规则' });
    expect(await ports.db.collection(C.users).count()).toBe(demoUsers.length);
  } finally {
    ports.dispose();
  }
});

test('the Shanghai 2024 contest carries the notice’s groups, stages and awards in Shanghai time', async () => {
  const ports = testPorts();
  try {
    await seedDemoData(ports);
    const contest = await ports.db.collection<ContestDoc>(C.contests).get('sh-2024');
    expect(contest).not.toBeNull();
    if (contest === null) return;
    expect(contest.groups).toEqual(['enterprise', 'maker']);
    expect(contest.districts).toHaveLength(16);
    expect(contest.stages.map((s) => [s.key, s.startsOn, s.endsOn])).toEqual([
      ['preliminary', '2024-08-01', '2024-08-31'],
      ['semifinal', '2024-08-01', '2024-08-31'],
      ['final', '2024-09-01', '2024-09-30'],
    ]);
    expect(contest.awards.enterprise?.map((a) => a.count)).toEqual([2, 3, 6, null]);
    expect(contest.awards.maker?.map((a) => a.count)).toEqual([1, 1, 2]);
    // Whatever the machine's zone (tests run with TZ=UTC), the deadline reads 23:59:59 in Shanghai.
    expect(formatShanghai(contest.registration.closesAt, 'YYYY-MM-DD HH:mm:ss')).toBe('2024-08-31 23:59:59');
  } finally {
    ports.dispose();
  }
});

test('the judging demo: a 预赛 round open now, judges assigned without conflicts, part of the scores in; written once', async () => {
  const ports = testPorts({ start: new Date('2026-12-01T02:00:00Z') });
  try {
    await seedDemoData(ports);
    expect(await seedJudgingDemo(ports)).toBeGreaterThan(12);
    expect(await seedJudgingDemo(ports)).toBe(0);
    const round = await ports.db.collection<RoundDoc>(C.rounds).get(`${DEMO_REVIEW_ID}:preliminary`);
    expect(round).toMatchObject({
      judgesPerEntry: 3,
      rubricLocked: true,
      counts: { entries: 12, judges: 5, assignments: 36 },
    });
    expect(roundWindow(round as RoundDoc, ports.clock.now())).toBe('open');
    const assignments = await ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: round?._id ?? '' });
    expect(assignments).toHaveLength(36);
    // 王建国 declared 上海星河智能科技有限公司: never assigned its entry.
    expect(assignments.some((a) => a.judgeOpenid === demoOpenid('judge1') && a.entryId === 'e-demo-review-01')).toBe(
      false,
    );
    const scored = assignments.filter((a) => a.score !== null);
    expect(new Set(scored.map((a) => a.judgeOpenid))).toEqual(
      new Set([demoOpenid('judge2'), demoOpenid('judge3'), demoOpenid('judge4')]),
    );
    expect(assignments.some((a) => a.judgeOpenid === demoOpenid('judge1') && a.score === null)).toBe(true);
  } finally {
    ports.dispose();
  }
});

test('the live-final demo: four finalists, the five judges on the panel, not drawn; the notary appointed; written once', async () => {
  const ports = testPorts({ start: new Date('2026-12-01T02:00:00Z') });
  try {
    await seedDemoData(ports);
    expect(await seedLiveDemo(ports)).toBeGreaterThan(4);
    expect(await seedLiveDemo(ports)).toBe(0);
    const show = await ports.db.collection<LiveShowDoc>(C.liveShows).get(DEMO_LIVE_ID);
    expect(show).toMatchObject({
      order: null,
      aggregation: 'trimmed',
      judges: expect.arrayContaining(['demo-judge1']),
    });
    expect(show?.slots).toHaveLength(4);
    expect(show?.slots.every((s) => s.eligible.length === 5 && s.state === 'waiting')).toBe(true);
    const grant = await ports.db.collection(C.roles).get(roleGrantId('demo-notary', 'notary', DEMO_FINAL_ID));
    expect(grant).not.toBeNull();
  } finally {
    ports.dispose();
  }
});
