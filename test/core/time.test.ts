import { registrationStatus } from '../../core/contest/types';
import { formatShanghai, shanghaiDay, shanghaiToIso } from '../../core/time/shanghai';

// npm test runs with TZ=UTC; these hold in any zone because Shanghai is computed, not the machine's.
const window = { opensAt: shanghaiToIso('2024-08-23'), closesAt: shanghaiToIso('2024-08-31', '23:59:59') };

test('Shanghai wall-clock times become UTC instants', () => {
  expect(shanghaiToIso('2024-08-31', '23:59:59')).toBe('2024-08-31T15:59:59.000Z');
  expect(shanghaiToIso('2024-09-01')).toBe('2024-08-31T16:00:00.000Z');
  expect(() => shanghaiToIso('2024-13-45')).toThrow('不是有效的日期时间');
});

test('the registration window closes after 23:59:59 and opens at 00:00:00 Shanghai time', () => {
  expect(registrationStatus(window, new Date('2024-08-22T15:59:59.999Z'))).toBe('upcoming');
  expect(registrationStatus(window, new Date('2024-08-22T16:00:00.000Z'))).toBe('open');
  expect(registrationStatus(window, new Date('2024-08-31T15:59:59.000Z'))).toBe('open');
  expect(registrationStatus(window, new Date('2024-08-31T15:59:59.999Z'))).toBe('open');
  expect(registrationStatus(window, new Date('2024-08-31T16:00:00.000Z'))).toBe('closed');
});

test('formatting shows the Shanghai calendar day, not the machine’s', () => {
  const lateNightUtc = '2024-08-31T17:30:00.000Z';
  expect(shanghaiDay(lateNightUtc)).toBe('2024-09-01');
  expect(formatShanghai(lateNightUtc)).toBe('2024年9月1日 01:30');
});
