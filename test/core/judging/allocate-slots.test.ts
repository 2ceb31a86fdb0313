import fc from 'fast-check';
import { allocateFieldSlots, largestRemainder } from '../../../core/judging/allocate-slots';

test('largest remainder: floors, then the largest remainders', () => {
  // Quotas 2, 1.2, 0.8: floors 2, 1, 0 and the last slot to the 0.8.
  expect(largestRemainder([5, 3, 2], 4)).toEqual([2, 1, 1]);
  expect(largestRemainder([5, 3, 2], 10)).toEqual([5, 3, 2]);
  expect(largestRemainder([5, 3, 2], 0)).toEqual([0, 0, 0]);
  expect(largestRemainder([0, 0], 5)).toEqual([0, 0]);
  expect(largestRemainder([], 5)).toEqual([]);
});

test('largest remainder ties: the larger count first, then the lower index', () => {
  // Quotas 0.5 and 1.5: equal remainders, the larger field wins.
  expect(largestRemainder([1, 3], 2)).toEqual([0, 2]);
  expect(largestRemainder([1, 1, 1], 2)).toEqual([1, 1, 0]);
});

test('remainders compare exactly: equal thirds are equal, though their float fractional parts differ', () => {
  // Quotas 1/3, 4/3, 4/3: in floats 1/3 looks larger than 4/3 − 1, which would give the slot to the smallest field.
  const q = [1, 4, 4].map((c) => (3 * c) / 9);
  expect(q[0]! - Math.floor(q[0]!)).toBeGreaterThan(q[1]! - Math.floor(q[1]!));
  expect(largestRemainder([1, 4, 4], 3)).toEqual([0, 2, 1]);
});

test('largest remainder refuses what is not a count', () => {
  expect(() => largestRemainder([1, -1], 2)).toThrow(RangeError);
  expect(() => largestRemainder([1.5], 2)).toThrow(RangeError);
  expect(() => largestRemainder([1], 1.5)).toThrow(RangeError);
});

test('largest remainder sums to n with every share within one of its exact quota', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 0, max: 300 }),
      (counts, n) => {
        const total = counts.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const shares = largestRemainder(counts, n);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(n);
        // |share − n·c/total| < 1, in integers.
        shares.forEach((s, i) => expect(Math.abs(s * total - n * counts[i]!)).toBeLessThan(total));
      },
    ),
    { numRuns: 300 },
  );
});

test('proportional allocation over 8 fields: largest remainder, then one slot for every field', () => {
  const fields = [
    { field: '智能制造', entries: 40 },
    { field: '新一代信息技术', entries: 25 },
    { field: '生物医药', entries: 15 },
    { field: '新材料', entries: 8 },
    { field: '新能源', entries: 5 },
    { field: '节能环保', entries: 4 },
    { field: '现代农业', entries: 2 },
    { field: '文化创意', entries: 1 },
  ];
  // Quotas 8, 5, 3, 1.6, 1, 0.8, 0.4, 0.2 → largest remainder 8, 5, 3, 2, 1, 1, 0, 0. 现代农业 (0.4) takes
  // from 新材料 (2 − 1.6 = 0.4 over its quota, the most); 文化创意 then from the exact fields holding ≥ 2,
  // the larger allocation first: 智能制造.
  const result = allocateFieldSlots(fields, 20);
  expect(result).toEqual({
    ok: true,
    slots: [
      { field: '智能制造', entries: 40, quota: 8, slots: 7 },
      { field: '新一代信息技术', entries: 25, quota: 5, slots: 5 },
      { field: '生物医药', entries: 15, quota: 3, slots: 3 },
      { field: '新材料', entries: 8, quota: 1.6, slots: 1 },
      { field: '新能源', entries: 5, quota: 1, slots: 1 },
      { field: '节能环保', entries: 4, quota: 0.8, slots: 1 },
      { field: '现代农业', entries: 2, quota: 0.4, slots: 1 },
      { field: '文化创意', entries: 1, quota: 0.2, slots: 1 },
    ],
  });
});

test('too few slots for the fields with entries, or not a positive integer: refused in Chinese', () => {
  const fields = ['a', 'b', 'c', 'd'].map((field) => ({ field, entries: 3 }));
  expect(allocateFieldSlots(fields, 3)).toEqual({
    ok: false,
    reason: '名额 3 个少于有项目的行业领域 4 个，无法保证每个领域至少 1 个名额',
  });
  expect(allocateFieldSlots([...fields, { field: 'empty', entries: 0 }], 4).ok).toBe(true);
  expect(allocateFieldSlots(fields, 0).ok).toBe(false);
  expect(allocateFieldSlots(fields, 2.5).ok).toBe(false);
  expect(allocateFieldSlots([...fields, { field: 'a', entries: 1 }], 8)).toEqual({
    ok: false,
    reason: '行业领域重复：a',
  });
});

test('more slots than entries: every field gets all its entries, the rest stays unused', () => {
  expect(
    allocateFieldSlots(
      [
        { field: 'a', entries: 3 },
        { field: 'b', entries: 1 },
        { field: 'c', entries: 0 },
      ],
      10,
    ),
  ).toEqual({
    ok: true,
    slots: [
      { field: 'a', entries: 3, quota: 7.5, slots: 3 },
      { field: 'b', entries: 1, quota: 2.5, slots: 1 },
      { field: 'c', entries: 0, quota: 0, slots: 0 },
    ],
  });
});

test('field allocation: sums to n (or all entries), at least one per field with entries, never above entries', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 10 }),
      fc.integer({ min: 1, max: 120 }),
      (counts, n) => {
        const fields = counts.map((entries, i) => ({ field: `f${i}`, entries }));
        const result = allocateFieldSlots(fields, n);
        const withEntries = counts.filter((c) => c > 0).length;
        const total = counts.reduce((a, b) => a + b, 0);
        expect(result.ok).toBe(n >= withEntries);
        if (!result.ok) return;
        expect(result.slots.reduce((a, s) => a + s.slots, 0)).toBe(Math.min(n, total));
        result.slots.forEach((s, i) => {
          expect(s.field).toBe(`f${i}`);
          expect(s.slots).toBeLessThanOrEqual(s.entries);
          if (s.entries > 0) expect(s.slots).toBeGreaterThanOrEqual(1);
          else expect(s.slots).toBe(0);
        });
      },
    ),
    { numRuns: 300 },
  );
});
