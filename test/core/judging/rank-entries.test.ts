import fc from 'fast-check';
import { fraction } from '../../../core/judging/points';
import { rankEntries, topCriterionOf } from '../../../core/judging/rank-entries';
import type { EntryForRanking, RankedEntry, Rubric, ScoreSheet } from '../../../core/judging/types';
import { oneCriterion, rankingEntry, sheet, twoCriteria } from './fixtures';

/** One criterion: each entry's totals in points, one judge per score. */
function byTotals(totals: Record<string, number[]>): ScoreSheet[] {
  return Object.entries(totals).flatMap(([id, ps]) => ps.map((p, j) => sheet(id, `j${j}`, { total: p })));
}

const order = (ranked: RankedEntry[]) => ranked.map((e) => e.entryId);
const ranks = (ranked: RankedEntry[]) => Object.fromEntries(ranked.map((e) => [e.entryId, [e.rank, e.tied]]));

test('the top criterion is the highest maxPoints × weight, the first listed on equality', () => {
  const rubric: Rubric = {
    criteria: [
      { key: 'a', name: 'a', description: '', maxPoints: 30, weight: 1 },
      { key: 'b', name: 'b', description: '', maxPoints: 20, weight: 2 },
      { key: 'c', name: 'c', description: '', maxPoints: 40, weight: 1 },
    ],
  };
  expect(topCriterionOf(rubric)?.key).toBe('b');
  expect(topCriterionOf(twoCriteria)?.key).toBe('a');
  expect(topCriterionOf({ criteria: [] })).toBeNull();
});

test('the aggregate decides first', () => {
  const ranked = rankEntries({
    rubric: oneCriterion,
    aggregation: 'mean',
    entries: ['low', 'high'].map((id) => rankingEntry(id)),
    scores: byTotals({ low: [70, 80], high: [80, 81] }),
  });
  expect(order(ranked)).toEqual(['high', 'low']);
  expect(ranked[0]!.aggregate).toEqual(fraction(161 * 100)); // (80 + 81) / 2 points = 16100 units
  expect(ranks(ranked)).toEqual({ high: [1, false], low: [2, false] });
});

test('equal means: the trimmed mean breaks the tie', () => {
  // Both average 70; without the extremes, 75 beats 70.
  const ranked = rankEntries({
    rubric: oneCriterion,
    aggregation: 'mean',
    entries: ['steady', 'spiky'].map((id) => rankingEntry(id)),
    scores: byTotals({ steady: [50, 60, 70, 80, 90], spiky: [30, 75, 75, 75, 95] }),
  });
  expect(ranked.map((e) => e.aggregate)).toEqual([fraction(14000), fraction(14000)]);
  expect(order(ranked)).toEqual(['spiky', 'steady']);
  expect(ranked[0]!.trimmed).toEqual(fraction(15000));
  expect(ranks(ranked)).toEqual({ spiky: [1, false], steady: [2, false] });
});

test('equal means and trimmed means: the median breaks the tie', () => {
  // Four scores each (so trimmed = mean = 70); medians 70 and 73.
  const ranked = rankEntries({
    rubric: oneCriterion,
    aggregation: 'trimmed',
    entries: ['a', 'b'].map((id) => rankingEntry(id)),
    scores: byTotals({ a: [60, 70, 70, 80], b: [50, 72, 74, 84] }),
  });
  expect(order(ranked)).toEqual(['b', 'a']);
  expect(ranked[0]!.median).toEqual(fraction(73 * 200));
  expect(ranks(ranked)).toEqual({ b: [1, false], a: [2, false] });
});

test('equal on all totals: the mean on the top criterion breaks the tie', () => {
  // Same totals (80, 90) for both; x earned more of them on criterion a, the top one.
  const scores = [
    sheet('x', 'j1', { a: 45, b: 35 }),
    sheet('x', 'j2', { a: 45, b: 45 }),
    sheet('y', 'j1', { a: 40, b: 40 }),
    sheet('y', 'j2', { a: 45, b: 45 }),
  ];
  const ranked = rankEntries({
    rubric: twoCriteria,
    aggregation: 'mean',
    entries: [rankingEntry('y'), rankingEntry('x')],
    scores,
  });
  expect(order(ranked)).toEqual(['x', 'y']);
  expect(ranked[0]!.topCriterion).toEqual(fraction(90 * 100)); // 45 points = 9000 units
  expect(ranked[1]!.topCriterion).toEqual(fraction(85 * 100));
  expect(ranks(ranked)).toEqual({ x: [1, false], y: [2, false] });
});

test('equal on every score key: the previous round decides, and no previous sorts below any', () => {
  const scores = byTotals({ a: [80], b: [80], c: [80] });
  const ranked = rankEntries({
    rubric: oneCriterion,
    aggregation: 'mean',
    entries: [
      rankingEntry('a', { previous: null }),
      rankingEntry('b', { previous: fraction(15000) }),
      rankingEntry('c', { previous: fraction(14000) }),
    ],
    scores,
  });
  expect(order(ranked)).toEqual(['b', 'c', 'a']);
  expect(ranks(ranked)).toEqual({ b: [1, false], c: [2, false], a: [3, false] });
});

test('a real tie stays tied: competition ranks 1, 2, 2, 4; unscored entries last, tied with each other', () => {
  const ranked = rankEntries({
    rubric: oneCriterion,
    aggregation: 'mean',
    entries: ['d', 'c', 'b', 'a', 'none2', 'none1'].map((id) => rankingEntry(id)),
    scores: [...byTotals({ a: [90], b: [80], c: [80], d: [70] }), sheet('unknown', 'j0', { total: 100 })],
  });
  expect(order(ranked)).toEqual(['a', 'b', 'c', 'd', 'none1', 'none2']);
  expect(ranks(ranked)).toEqual({
    a: [1, false],
    b: [2, true],
    c: [2, true],
    d: [4, false],
    none1: [5, true],
    none2: [5, true],
  });
  const none = ranked[4]!;
  expect([none.scoreCount, none.aggregate, none.trimmed, none.median, none.topCriterion]).toEqual([
    0,
    null,
    null,
    null,
    null,
  ]);
});

test('ranks within the group and within the field use the same keys', () => {
  const entries: EntryForRanking[] = [
    rankingEntry('e1', { group: 'enterprise', field: '智能制造' }),
    rankingEntry('m1', { group: 'maker', field: '智能制造' }),
    rankingEntry('e2', { group: 'enterprise', field: '新材料' }),
    rankingEntry('m2', { group: 'maker', field: '新材料' }),
    rankingEntry('e3', { group: 'enterprise', field: '智能制造' }),
  ];
  const ranked = rankEntries({
    rubric: oneCriterion,
    aggregation: 'mean',
    entries,
    scores: byTotals({ e1: [95], m1: [90], e2: [90], m2: [85], e3: [85] }),
  });
  const view = Object.fromEntries(
    ranked.map((e) => [e.entryId, [e.rank, e.groupRank, e.groupTied, e.fieldRank, e.fieldTied]]),
  );
  expect(view).toEqual({
    e1: [1, 1, false, 1, false],
    e2: [2, 2, false, 1, false],
    m1: [2, 1, false, 2, false],
    e3: [4, 3, false, 3, false],
    m2: [4, 2, false, 2, false],
  });
});

test('normalized aggregation ranks by the judges’ standardized totals', () => {
  // Judge L is lenient, S strict, three entries each. Standardized, each judge's best, middle and worst entries
  // meet at the same three values; the raw trimmed mean (the next key) then orders each pair.
  const scores = [
    sheet('x', 'L', { total: 90 }),
    sheet('y', 'L', { total: 95 }),
    sheet('w', 'L', { total: 100 }),
    sheet('z', 'S', { total: 80 }),
    sheet('v', 'S', { total: 60 }),
    sheet('u', 'S', { total: 40 }),
  ];
  const entries = ['u', 'v', 'w', 'x', 'y', 'z'].map((id) => rankingEntry(id));
  expect(order(rankEntries({ rubric: oneCriterion, aggregation: 'mean', entries, scores }))).toEqual([
    'w',
    'y',
    'x',
    'z',
    'v',
    'u',
  ]);
  const normalized = rankEntries({ rubric: oneCriterion, aggregation: 'normalized', entries, scores });
  expect(order(normalized)).toEqual(['w', 'z', 'y', 'v', 'x', 'u']);
  const by = Object.fromEntries(normalized.map((e) => [e.entryId, e]));
  expect(by.w!.aggregate).toEqual(by.z!.aggregate);
  expect(by.y!.aggregate).toEqual(fraction(15500)); // the round mean, 77.5 points
  expect(by.x!.aggregate).toEqual(by.u!.aggregate);
  expect(normalized.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6]);
});

test('repeated entry ids are refused', () => {
  expect(() =>
    rankEntries({
      rubric: oneCriterion,
      aggregation: 'mean',
      entries: [rankingEntry('a'), rankingEntry('a')],
      scores: [],
    }),
  ).toThrow(RangeError);
});

const arbitraryRound = fc
  .record({
    entries: fc.array(
      fc.record({
        group: fc.constantFrom('enterprise' as const, 'maker' as const),
        field: fc.constantFrom('甲', '乙', '丙'),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    scores: fc.array(
      fc.record({
        entry: fc.nat(),
        judge: fc.integer({ min: 0, max: 4 }),
        a: fc.integer({ min: 0, max: 4 }),
        b: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 40 },
    ),
    aggregation: fc.constantFrom('mean' as const, 'trimmed' as const),
  })
  .map(({ entries, scores, aggregation }) => ({
    rubric: twoCriteria,
    aggregation,
    entries: entries.map((e, i) => rankingEntry(`e${i}`, e)),
    // Coarse points so that ties on every key are common.
    scores: scores.map((s) => sheet(`e${s.entry % entries.length}`, `j${s.judge}`, { a: s.a * 10, b: s.b * 10 })),
  }));

test('ranks: competition ranks over the order, tied exactly when a rank is shared', () => {
  fc.assert(
    fc.property(arbitraryRound, (input) => {
      const ranked = rankEntries(input);
      expect(ranked).toHaveLength(input.entries.length);
      ranked.forEach((e, i) => {
        const first = ranked.findIndex((x) => x.rank === e.rank);
        expect(e.rank).toBe(first + 1);
        expect(e.tied).toBe(ranked.filter((x) => x.rank === e.rank).length > 1);
        if (i > 0) expect(e.rank).toBeGreaterThanOrEqual(ranked[i - 1]!.rank);
        if (e.scoreCount === 0) expect(ranked.slice(i).every((x) => x.scoreCount === 0)).toBe(true);
      });
    }),
    { numRuns: 200 },
  );
});

test('group and field ranks equal the ranks of a ranking of that group or field alone', () => {
  fc.assert(
    fc.property(arbitraryRound, (input) => {
      const ranked = rankEntries(input);
      const alone = (keep: (e: EntryForRanking) => boolean) => {
        const entries = input.entries.filter(keep);
        const ids = new Set(entries.map((e) => e.entryId));
        return new Map(
          rankEntries({ ...input, entries, scores: input.scores.filter((s) => ids.has(s.entryId)) }).map((e) => [
            e.entryId,
            [e.rank, e.tied],
          ]),
        );
      };
      for (const e of ranked) {
        expect(alone((x) => x.group === e.group).get(e.entryId)).toEqual([e.groupRank, e.groupTied]);
        expect(alone((x) => x.field === e.field).get(e.entryId)).toEqual([e.fieldRank, e.fieldTied]);
      }
    }),
    { numRuns: 100 },
  );
});

test('the ranking does not depend on the order entries and scores arrive in', () => {
  fc.assert(
    fc.property(arbitraryRound, fc.boolean(), (input, reverseEntries) => {
      const shuffled = {
        ...input,
        entries: reverseEntries ? [...input.entries].reverse() : input.entries,
        scores: [...input.scores].reverse(),
      };
      expect(rankEntries(shuffled)).toEqual(rankEntries(input));
    }),
    { numRuns: 100 },
  );
});
