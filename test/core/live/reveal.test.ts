/**
 * 亮分 (core/live/reveal.ts): the final is exactly the ranking's rule (`aggregateOf`), the dropped highest
 * and lowest are marked only when that rule drops them, and the running leaderboard shares ranks on ties.
 */
import fc from 'fast-check';
import { aggregateOf } from '../../../core/judging/aggregate-scores';
import { formatPoints, fraction } from '../../../core/judging/points';
import type { Aggregation } from '../../../core/judging/types';
import { computeReveal, dropsExtremes, leaderboard } from '../../../core/live/reveal';
import { fcParams } from './fixtures';

const scoreSet = fc
  .array(fc.integer({ min: 0, max: 20000 }), { minLength: 1, maxLength: 15 })
  .map((units) => units.map((u, i) => ({ judge: `j${i + 1}`, label: `评委 ${i + 1}`, units: u })));
const liveAggregation = fc.constantFrom<Aggregation>('mean', 'trimmed');

test('the final is aggregateOf(aggregation, units) exactly and finalText is formatPoints(final)', () => {
  fc.assert(
    fc.property(liveAggregation, scoreSet, (aggregation, scores) => {
      const reveal = computeReveal({ aggregation, scores });
      const units = scores.map((s) => s.units);
      expect(reveal.final).toEqual(aggregateOf(aggregation, units));
      expect(reveal.finalText).toBe(formatPoints(reveal.final));
      expect(reveal.aggregation).toBe(aggregation);
      // One line per judge, in the order given, with the judge's own total.
      expect(reveal.lines.map((l) => [l.judge, l.label, l.units, l.total])).toEqual(
        scores.map((s) => [s.judge, s.label, s.units, formatPoints(s.units)]),
      );
    }),
    fcParams('reveal: final is aggregateOf', 400),
  );
});

test('trimmed with ≥ 5 scores marks exactly one high (a maximum) and one low (a minimum); otherwise none', () => {
  fc.assert(
    fc.property(liveAggregation, scoreSet, (aggregation, scores) => {
      const reveal = computeReveal({ aggregation, scores });
      const units = scores.map((s) => s.units);
      const highs = reveal.lines.filter((l) => l.dropped === 'high');
      const lows = reveal.lines.filter((l) => l.dropped === 'low');
      if (aggregation === 'trimmed' && scores.length >= 5) {
        expect(dropsExtremes(aggregation, scores.length)).toBe(true);
        expect(highs).toHaveLength(1);
        expect(lows).toHaveLength(1);
        expect(highs[0]?.units).toBe(Math.max(...units));
        expect(lows[0]?.units).toBe(Math.min(...units));
        expect(highs[0]?.judge).not.toBe(lows[0]?.judge);
        // The lines left unmarked average to the final: what the screen shows adds up.
        const kept = reveal.lines.filter((l) => l.dropped === null).map((l) => l.units);
        expect(kept).toHaveLength(scores.length - 2);
        expect(reveal.final).toEqual(
          fraction(
            kept.reduce((a, b) => a + b, 0),
            kept.length,
          ),
        );
      } else {
        expect(dropsExtremes(aggregation, scores.length)).toBe(false);
        expect(highs).toHaveLength(0);
        expect(lows).toHaveLength(0);
      }
    }),
    fcParams('reveal: dropped marks', 400),
  );
});

test('a worked example: 80, 85, 90, 95, 100 trimmed → 90.00 with 100 high and 80 low; mean → 90.00 unmarked', () => {
  const scores = [85, 100, 80, 95, 90].map((p, i) => ({ judge: `j${i + 1}`, label: `评委 ${i + 1}`, units: p * 200 }));
  const trimmed = computeReveal({ aggregation: 'trimmed', scores });
  expect(trimmed.lines.map((l) => l.dropped)).toEqual([null, 'high', 'low', null, null]);
  expect(trimmed.finalText).toBe('90.00');
  expect(trimmed.computation).toContain('去掉最高分 100.00 和最低分 80.00');
  const plain = computeReveal({ aggregation: 'mean', scores });
  expect(plain.lines.every((l) => l.dropped === null)).toBe(true);
  expect(plain.finalText).toBe('90.00');
  // Equal extremes: one of each is marked.
  const ties = [90, 90, 90, 90, 90].map((p, i) => ({ judge: `j${i + 1}`, label: '', units: p * 200 }));
  const t = computeReveal({ aggregation: 'trimmed', scores: ties });
  expect(t.lines.filter((l) => l.dropped === 'high')).toHaveLength(1);
  expect(t.lines.filter((l) => l.dropped === 'low')).toHaveLength(1);
  // Rounded half up to 2 decimals: (18000 + 2) / 2 = 9001 units = 45.005 points → "45.01".
  expect(computeReveal({ aggregation: 'mean', scores: [ties[0]!, { ...ties[1]!, units: 2 }] }).finalText).toBe('45.01');
});

test("'normalized' and an empty score list throw", () => {
  const one = [{ judge: 'j1', label: '评委 1', units: 100 }];
  expect(() => computeReveal({ aggregation: 'normalized', scores: one })).toThrow(RangeError);
  expect(() => computeReveal({ aggregation: 'mean', scores: [] })).toThrow(RangeError);
  expect(() => computeReveal({ aggregation: 'trimmed', scores: [] })).toThrow(RangeError);
});

test('leaderboard: sorted by final descending, equal finals share a rank (1, 2, 2, 4), ties by position', () => {
  const rows = [
    { entryId: 'a', position: 1, final: fraction(17000) },
    { entryId: 'b', position: 2, final: fraction(18000) },
    { entryId: 'c', position: 3, final: fraction(34000, 2) }, // = a's 17000
    { entryId: 'd', position: 4, final: fraction(16000) },
  ];
  const board = leaderboard(rows);
  expect(board.map((r) => [r.entryId, r.rank])).toEqual([
    ['b', 1],
    ['a', 2],
    ['c', 2],
    ['d', 4],
  ]);
  expect(rows.map((r) => r.entryId)).toEqual(['a', 'b', 'c', 'd']); // not sorted in place
  expect(leaderboard([])).toEqual([]);
});

test('leaderboard property: finals never increase down the board; a rank is 1 + the count of strictly better finals', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 3 })), { maxLength: 20 }),
      (pairs) => {
        const rows = pairs.map(([num, den], i) => ({ position: i + 1, final: fraction(num * 100, den) }));
        const board = leaderboard(rows);
        const value = (r: { final: { num: number; den: number } }) => r.final.num / r.final.den;
        expect(board).toHaveLength(rows.length);
        board.forEach((row, i) => {
          const prev = board[i - 1];
          if (prev !== undefined) {
            expect(value(prev)).toBeGreaterThanOrEqual(value(row));
            if (value(prev) === value(row)) expect(prev.position).toBeLessThan(row.position);
          }
          // Small integers over 1..3: the float comparison is exact enough to be an independent oracle.
          expect(row.rank).toBe(1 + rows.filter((r) => value(r) > value(row) + 1e-9).length);
        });
      },
    ),
    fcParams('reveal: leaderboard ranks', 300),
  );
});
