import { seedDemoData } from '../../cloudfunctions/local/seed';
import { demoUsers } from '../../cloudfunctions/local/seed-data';
import { C, type ContestDoc } from '../../cloudfunctions/usecases/collections';
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
