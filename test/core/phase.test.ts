import { contestPhase } from '../../core/contest/phase';
import { shanghai2024 } from '../../cloudfunctions/local/seed-data';

const at = (iso: string) => new Date(iso);

test('before registration opens there is no current step; 报名 is next', () => {
  const phase = contestPhase(shanghai2024, at('2024-07-01T00:00:00Z'));
  expect(phase.current).toBeNull();
  expect(phase.next).toEqual({ key: 'registration', label: '报名', startsOn: '2024-08-23' });
});

test('steps keep the contest’s order; the furthest one that has started is current', () => {
  // 25 Aug 2024 in Shanghai: the notice dates 预赛 and 复赛 only "2024年8月", so both have started.
  const phase = contestPhase(shanghai2024, at('2024-08-25T02:00:00Z'));
  expect(phase.steps.map((s) => [s.key, s.state])).toEqual([
    ['registration', 'done'],
    ['preliminary', 'done'],
    ['semifinal', 'current'],
    ['final', 'upcoming'],
    ['publicity', 'upcoming'],
  ]);
  expect(phase.next).toEqual({ key: 'final', label: '决赛', startsOn: '2024-09-01' });
});

test('决赛 on its first Shanghai day, then 公示 the day after the last stage ends', () => {
  expect(contestPhase(shanghai2024, at('2024-08-31T16:00:00Z')).current).toBe('final'); // 00:00 on 1 Sept
  expect(contestPhase(shanghai2024, at('2024-08-31T15:59:59Z')).current).not.toBe('final');
  const after = contestPhase(shanghai2024, at('2024-10-01T00:00:00Z'));
  expect(after.current).toBe('publicity');
  expect(after.steps.find((s) => s.key === 'publicity')).toMatchObject({ startsOn: '2024-10-01', endsOn: null });
  expect(after.next).toBeNull();
});
