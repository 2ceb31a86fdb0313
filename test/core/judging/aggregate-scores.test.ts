import fc from 'fast-check';
import {
  aggregateOf,
  mean,
  median,
  normalizedTotals,
  scoreKey,
  trimmedMean,
} from '../../../core/judging/aggregate-scores';
import { compareFractions, fraction } from '../../../core/judging/points';

const pts = (...points: number[]) => points.map((p) => p * 200);

test('trimmed mean of 80, 85, 90, 95, 100 points drops 80 and 100; with 60 instead of 80 it differs from the mean', () => {
  expect(trimmedMean(pts(80, 85, 90, 95, 100))).toEqual(fraction(18000)); // 90 points
  expect(mean(pts(60, 85, 90, 95, 100))).toEqual(fraction(17200)); // 86
  expect(trimmedMean(pts(60, 85, 90, 95, 100))).toEqual(fraction(18000)); // (85 + 90 + 95) / 3
  // Only one of several equal extremes is dropped.
  expect(trimmedMean(pts(60, 60, 90, 100, 100))).toEqual(fraction(250 * 200, 3));
});

test('with fewer than 5 scores the trimmed mean is the plain mean', () => {
  expect(trimmedMean(pts(60, 85, 90, 95))).toEqual(mean(pts(60, 85, 90, 95)));
  expect(trimmedMean(pts(60, 85, 90, 95))).toEqual(fraction(330 * 200, 4));
  expect(trimmedMean([])).toBeNull();
});

test('mean and median are exact fractions; null without scores', () => {
  expect(mean([1, 2])).toEqual({ num: 3, den: 2 });
  expect(mean([])).toBeNull();
  expect(median([3, 1, 2])).toEqual(fraction(2));
  expect(median([4, 1, 3, 2])).toEqual(fraction(5, 2));
  expect(median([10])).toEqual(fraction(10));
  expect(median([])).toBeNull();
  expect(() => mean([1.5])).toThrow(RangeError);
});

const totals = fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 1, maxLength: 12 });
const within = (f: ReturnType<typeof mean>, us: number[]) =>
  f !== null &&
  compareFractions(f, fraction(Math.min(...us))) >= 0 &&
  compareFractions(f, fraction(Math.max(...us))) <= 0;

test('mean, trimmed mean and median lie between the lowest and the highest score', () => {
  fc.assert(
    fc.property(totals, (us) => {
      expect(within(mean(us), us)).toBe(true);
      expect(within(trimmedMean(us), us)).toBe(true);
      expect(within(median(us), us)).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test('median: at least half the scores on each side', () => {
  fc.assert(
    fc.property(totals, (us) => {
      const m = median(us)!;
      const atMost = us.filter((u) => compareFractions(fraction(u), m) <= 0).length;
      const atLeast = us.filter((u) => compareFractions(fraction(u), m) >= 0).length;
      expect(2 * atMost).toBeGreaterThanOrEqual(us.length);
      expect(2 * atLeast).toBeGreaterThanOrEqual(us.length);
    }),
  );
});

test('normalized totals: each judge rescaled to the round mean and spread (worked example)', () => {
  // Judge A: 10000, 12000, 14000; judge B: 15000, 16000, 17000 on the same entries. M = 14000,
  // S² = 34·10⁶/6; each judge's z-scores are −√1.5, 0, √1.5, so t' = 14000 ± √1.5·√(34/6)·1000 = 14000 ± 1000·√8.5.
  const scores = [
    { entryId: 'x', judgeId: 'A', units: 10000 },
    { entryId: 'y', judgeId: 'A', units: 12000 },
    { entryId: 'z', judgeId: 'A', units: 14000 },
    { entryId: 'x', judgeId: 'B', units: 15000 },
    { entryId: 'y', judgeId: 'B', units: 16000 },
    { entryId: 'z', judgeId: 'B', units: 17000 },
  ];
  const n = normalizedTotals(scores);
  expect(1000 * Math.sqrt(8.5)).toBeCloseTo(2915.476, 3);
  expect(n.get(scoreKey('x', 'A'))).toBe(11084.524);
  expect(n.get(scoreKey('y', 'A'))).toBe(14000);
  expect(n.get(scoreKey('z', 'A'))).toBe(16915.476);
  expect(n.get(scoreKey('x', 'B'))).toBe(11084.524);
  expect(n.get(scoreKey('z', 'B'))).toBe(16915.476);
  expect(scoreKey('x', 'A')).toBe('x\u0000A');
});

test('normalization leaves raw: a judge with fewer than 3 scores, a judge with no spread, a round with no spread', () => {
  const scores = [
    { entryId: 'x', judgeId: 'A', units: 10000 },
    { entryId: 'y', judgeId: 'A', units: 12000 },
    { entryId: 'z', judgeId: 'A', units: 14000 },
    { entryId: 'x', judgeId: 'few', units: 19000 },
    { entryId: 'y', judgeId: 'few', units: 3000 },
    { entryId: 'x', judgeId: 'flat', units: 9000 },
    { entryId: 'y', judgeId: 'flat', units: 9000 },
    { entryId: 'z', judgeId: 'flat', units: 9000 },
  ];
  const n = normalizedTotals(scores);
  expect(n.get(scoreKey('x', 'few'))).toBe(19000);
  expect(n.get(scoreKey('y', 'few'))).toBe(3000);
  expect(n.get(scoreKey('z', 'flat'))).toBe(9000);
  expect(n.get(scoreKey('x', 'A'))).not.toBe(10000);
  const same = [1, 2, 3].map((i) => ({ entryId: `e${i}`, judgeId: 'A', units: 5000 }));
  expect([...normalizedTotals(same).values()]).toEqual([5000, 5000, 5000]);
  expect(normalizedTotals([]).size).toBe(0);
});

test('normalization keeps the order of each judge’s scores and stays on the 1/1000 unit grid', () => {
  const scores = fc
    .array(
      fc.record({
        entry: fc.integer({ min: 0, max: 9 }),
        judge: fc.constantFrom('A', 'B', 'C'),
        units: fc.integer({ min: 0, max: 20000 }),
      }),
      { maxLength: 30 },
    )
    .map((xs) => {
      const seen = new Set<string>();
      return xs
        .map((x) => ({ entryId: `e${x.entry}`, judgeId: x.judge, units: x.units }))
        .filter((s) => !seen.has(scoreKey(s.entryId, s.judgeId)) && !!seen.add(scoreKey(s.entryId, s.judgeId)));
    });
  fc.assert(
    fc.property(scores, (ss) => {
      const n = normalizedTotals(ss);
      expect(n.size).toBe(ss.length);
      for (const a of ss) {
        const na = n.get(scoreKey(a.entryId, a.judgeId))!;
        expect(Math.abs(na * 1000 - Math.round(na * 1000))).toBeLessThan(1e-6);
        for (const b of ss) {
          if (a.judgeId !== b.judgeId || a.units >= b.units) continue;
          expect(na).toBeLessThanOrEqual(n.get(scoreKey(b.entryId, b.judgeId))!);
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('aggregateOf: by method; normalized is the exact mean of the thousandths', () => {
  expect(aggregateOf('mean', pts(60, 85, 90, 95, 100))).toEqual(fraction(17200));
  expect(aggregateOf('trimmed', pts(60, 85, 90, 95, 100))).toEqual(fraction(18000));
  expect(aggregateOf('normalized', [10000, 20000], [11084.524, 16915.476])).toEqual(fraction(14000));
  expect(aggregateOf('normalized', [10000, 20000], [0.001, 0.002])).toEqual(fraction(3, 2000));
  expect(aggregateOf('normalized', [], [])).toBeNull();
  expect(aggregateOf('mean', [])).toBeNull();
  expect(() => aggregateOf('normalized', [1])).toThrow(RangeError);
});
