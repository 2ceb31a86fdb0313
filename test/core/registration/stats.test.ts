import fc from 'fast-check';
import { countBy, countByShanghaiDay } from '../../../core/registration/stats';

test('countBy: most first, ties by key', () => {
  const entries = [
    { field: '智能制造' },
    { field: '新材料' },
    { field: '智能制造' },
    { field: '生物医药' },
    { field: '新材料' },
    { field: '智能制造' },
    { field: 'AI' },
  ];
  expect(countBy(entries, (e) => e.field)).toEqual([
    { key: '智能制造', count: 3 },
    { key: '新材料', count: 2 },
    { key: 'AI', count: 1 },
    { key: '生物医药', count: 1 },
  ]);
  expect(countBy([], (e: string) => e)).toEqual([]);
});

test('countBy sums to the number of items and does not depend on input order', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', 'c', '甲', '乙')), (items) => {
      const counts = countBy(items, (s) => s);
      const reversed = countBy([...items].reverse(), (s) => s);
      return (
        counts.reduce((n, c) => n + c.count, 0) === items.length && JSON.stringify(counts) === JSON.stringify(reversed)
      );
    }),
  );
});

test('days are Shanghai calendar days: 16:00 UTC is already tomorrow (run with TZ=UTC)', () => {
  expect(
    countByShanghaiDay([
      '2024-08-31T15:59:59.999Z', // 23:59:59.999 on the 31st in Shanghai
      '2024-08-31T16:00:00.000Z', // 00:00 on 1 September
      '2024-08-31T23:00:00.000Z',
      '2024-08-30T16:00:00.000Z', // 00:00 on the 31st
      '2024-09-01T10:00:00+08:00',
    ]),
  ).toEqual([
    { day: '2024-08-31', count: 2 },
    { day: '2024-09-01', count: 3 },
  ]);
  expect(countByShanghaiDay([])).toEqual([]);
});

test('days come out ascending across months and years', () => {
  expect(
    countByShanghaiDay(['2025-01-01T00:00:00.000Z', '2024-12-31T16:00:00.000Z', '2024-12-31T15:00:00.000Z']),
  ).toEqual([
    { day: '2024-12-31', count: 1 },
    { day: '2025-01-01', count: 2 },
  ]);
});

test('an unreadable instant is a data bug and throws', () => {
  expect(() => countByShanghaiDay(['2024-08-31T16:00:00.000Z', 'yesterday'])).toThrow(RangeError);
});
