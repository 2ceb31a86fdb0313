import fc from 'fast-check';
import { findDiscrepancies } from '../../../core/judging/discrepancy';
import { compareFractions, fraction, fractionToUnits } from '../../../core/judging/points';

const s = (entryId: string, judgeId: string, points: number) => ({ entryId, judgeId, units: points * 200 });

test('a score far from its entry’s median is flagged, signed, only for entries with 3 or more scores', () => {
  const flags = findDiscrepancies({
    scores: [
      s('x', 'A', 80),
      s('x', 'B', 82),
      s('x', 'C', 60), // 20 below the median of 80
      s('x', 'D', 95), // 13 above a median of (80 + 82) / 2 = 81
      s('y', 'A', 90),
      s('y', 'B', 50), // only two scores: not flagged, however far apart
    ],
    scoreGapUnits: 10 * 200,
    judgeBiasUnits: 1000 * 200,
  });
  expect(flags.scores).toEqual([
    { entryId: 'x', judgeId: 'C', units: 12000, median: fraction(16200), gap: fraction(-4200) },
    { entryId: 'x', judgeId: 'D', units: 19000, median: fraction(16200), gap: fraction(2800) },
  ]);
  expect(flags.judges).toEqual([]);
});

test('the gap must exceed the threshold; equal is not flagged', () => {
  const flags = findDiscrepancies({
    scores: [s('x', 'A', 70), s('x', 'B', 80), s('x', 'C', 90)],
    scoreGapUnits: 10 * 200,
    judgeBiasUnits: 100000,
  });
  expect(flags.scores).toEqual([]);
  const tighter = findDiscrepancies({
    scores: [s('x', 'A', 70), s('x', 'B', 80), s('x', 'C', 90)],
    scoreGapUnits: 10 * 200 - 1,
    judgeBiasUnits: 100000,
  });
  expect(tighter.scores.map((f) => f.judgeId)).toEqual(['A', 'C']);
});

test('judge bias: mean over the judge’s entries of (own total − the others’ mean), exact and signed', () => {
  // Judge H on x: 90 − mean(80, 70) = +15; on y: 60 − 50 = +10; on z nobody else scored: ignored.
  // H's bias = +12.5 points. L on x: 70 − mean(90, 80) = −15; on y: 50 − 60 = −10 → −12.5.
  // M on x: 80 − mean(90, 70) = 0 → 0.
  const flags = findDiscrepancies({
    scores: [s('x', 'H', 90), s('x', 'M', 80), s('x', 'L', 70), s('y', 'H', 60), s('y', 'L', 50), s('z', 'H', 10)],
    scoreGapUnits: 1e9,
    judgeBiasUnits: 10 * 200,
  });
  expect(flags.judges).toEqual([
    { judgeId: 'H', bias: fraction(2500), entries: 2 },
    { judgeId: 'L', bias: fraction(-2500), entries: 2 },
  ]);
  // Exact on panels of different sizes (4 and 2), where floats would carry thirds and sixths.
  const thirds = findDiscrepancies({
    scores: [
      { entryId: 'p', judgeId: 'J', units: 1 },
      { entryId: 'p', judgeId: 'K', units: 0 },
      { entryId: 'p', judgeId: 'L', units: 0 },
      { entryId: 'p', judgeId: 'M', units: 0 },
      { entryId: 'q', judgeId: 'J', units: 1 },
      { entryId: 'q', judgeId: 'K', units: 1 },
    ],
    scoreGapUnits: 1e9,
    judgeBiasUnits: 0,
  });
  // J: (1 − 0) on p and (1 − 1) on q → 1/2. K: (0 − 1/3) on p, (1 − 1) on q → −1/6. L and M: −1/3 each.
  expect(thirds.judges).toEqual([
    { judgeId: 'J', bias: fraction(1, 2), entries: 2 },
    { judgeId: 'K', bias: fraction(-1, 6), entries: 2 },
    { judgeId: 'L', bias: fraction(-1, 3), entries: 1 },
    { judgeId: 'M', bias: fraction(-1, 3), entries: 1 },
  ]);
});

test('bias agrees with a float computation of its definition, and the flags with the thresholds', () => {
  const score = fc.record({
    entry: fc.integer({ min: 0, max: 5 }),
    judge: fc.integer({ min: 0, max: 4 }),
    units: fc.integer({ min: 0, max: 20000 }),
  });
  fc.assert(
    fc.property(
      fc.uniqueArray(score, { selector: (x) => `${x.entry}|${x.judge}`, maxLength: 25 }),
      fc.nat({ max: 8000 }),
      (xs, limit) => {
        const scores = xs.map((x) => ({ entryId: `e${x.entry}`, judgeId: `j${x.judge}`, units: x.units }));
        const flags = findDiscrepancies({ scores, scoreGapUnits: limit, judgeBiasUnits: limit });
        const flagged = new Map(flags.judges.map((j) => [j.judgeId, j]));
        for (const judgeId of new Set(scores.map((x) => x.judgeId))) {
          const diffs: number[] = [];
          for (const own of scores.filter((x) => x.judgeId === judgeId)) {
            const others = scores.filter((x) => x.entryId === own.entryId && x.judgeId !== judgeId).map((x) => x.units);
            if (others.length > 0) diffs.push(own.units - others.reduce((a, b) => a + b, 0) / others.length);
          }
          const bias = diffs.length === 0 ? 0 : diffs.reduce((a, b) => a + b, 0) / diffs.length;
          const f = flagged.get(judgeId);
          if (f) {
            expect(fractionToUnits(f.bias)).toBeCloseTo(bias, 6);
            expect(f.entries).toBe(diffs.length);
            expect(compareFractions({ num: Math.abs(f.bias.num), den: f.bias.den }, fraction(limit))).toBe(1);
          } else if (diffs.length > 0) expect(Math.abs(bias)).toBeLessThanOrEqual(limit + 1e-6);
        }
        for (const f of flags.scores) expect(Math.abs(fractionToUnits(f.gap))).toBeGreaterThan(limit);
      },
    ),
    { numRuns: 200 },
  );
});
