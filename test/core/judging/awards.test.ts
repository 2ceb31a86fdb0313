import fc from 'fast-check';
import { proposeAwards } from '../../../core/judging/awards';
import { rankEntries } from '../../../core/judging/rank-entries';
import type { AwardCount, Group, Prize, RankedEntry } from '../../../core/judging/types';
import { oneCriterion, rankingEntry, sheet } from './fixtures';

function ranking(rows: Array<[id: string, points: number | null, group?: Group]>): RankedEntry[] {
  return rankEntries({
    rubric: oneCriterion,
    aggregation: 'mean',
    entries: rows.map(([id, , group]) => rankingEntry(id, { group: group ?? 'enterprise' })),
    scores: rows.flatMap(([id, p]) => (p === null ? [] : [sheet(id, 'j1', { total: p })])),
  });
}

const counts: AwardCount[] = [
  { prize: 'first', count: 1 },
  { prize: 'second', count: 2 },
  { prize: 'third', count: 3 },
];
const prizes = (p: ReturnType<typeof proposeAwards>[number]) => p.items.map((i) => [i.entryId, i.rank, i.prize]);

test('prizes by rank within the group, in the order given', () => {
  const ranked = ranking([
    ['a', 99],
    ['b', 95],
    ['c', 90],
    ['d', 85],
    ['e', 80],
    ['f', 75],
    ['g', 70],
    ['h', null],
  ]);
  const [p] = proposeAwards(ranked, { enterprise: counts });
  expect(p!.group).toBe('enterprise');
  expect(prizes(p!)).toEqual([
    ['a', 1, 'first'],
    ['b', 2, 'second'],
    ['c', 3, 'second'],
    ['d', 4, 'third'],
    ['e', 5, 'third'],
    ['f', 6, 'third'],
    ['g', 7, null],
    ['h', 8, null],
  ]);
  expect(p!.ties).toEqual([]);
});

test('a tie across a prize boundary gets the prize it starts in and is listed for the organizer', () => {
  const ranked = ranking([
    ['a', 99],
    ['b', 99], // tied for the single first prize
    ['c', 90],
    ['d', 85],
    ['e', 85],
    ['f', 85],
    ['g', 85], // four tied for the three third prizes
    ['h', 70],
  ]);
  const [p] = proposeAwards(ranked, { enterprise: counts });
  // a and b take the first prize and one of the two second prizes' slots, so only c gets a second prize.
  expect(prizes(p!)).toEqual([
    ['a', 1, 'first'],
    ['b', 1, 'first'],
    ['c', 3, 'second'],
    ['d', 4, 'third'],
    ['e', 4, 'third'],
    ['f', 4, 'third'],
    ['g', 4, 'third'],
    ['h', 8, null],
  ]);
  expect(p!.ties).toEqual([
    { between: ['first', 'second'], entryIds: ['a', 'b'] },
    { between: ['third', null], entryIds: ['d', 'e', 'f', 'g'] },
  ]);
  // Exactly filling a prize is no tie: without g, d e f take the three third prizes.
  const exact = proposeAwards(
    ranked.filter((e) => e.entryId !== 'g'),
    { enterprise: counts },
  );
  expect(exact[0]!.ties).toEqual([{ between: ['first', 'second'], entryIds: ['a', 'b'] }]);
});

test('per group present in counts, 企业组 first; unscored entries get nothing; empty prizes are skipped', () => {
  const ranked = ranking([
    ['m1', 95, 'maker'],
    ['e1', 90],
    ['m2', 85, 'maker'],
    ['e2', null],
  ]);
  const proposals = proposeAwards(ranked, {
    maker: [
      { prize: 'first', count: 0 },
      { prize: 'second', count: 1 },
      { prize: 'merit', count: 5 },
    ],
    enterprise: [{ prize: 'first', count: 3 }],
  });
  expect(proposals.map((p) => [p.group, prizes(p)])).toEqual([
    [
      'enterprise',
      [
        ['e1', 1, 'first'],
        ['e2', 2, null],
      ],
    ],
    [
      'maker',
      [
        ['m1', 1, 'second'],
        ['m2', 2, 'merit'],
      ],
    ],
  ]);
  expect(proposeAwards(ranked, { maker: [] })[0]!.items.every((i) => i.prize === null)).toBe(true);
  expect(proposeAwards(ranked, {})).toEqual([]);
  expect(() => proposeAwards(ranked, { maker: [{ prize: 'first', count: -1 }] })).toThrow(RangeError);
});

test('tied entries always get the same prize, a better rank never a worse prize, and no prize is over-given except by a tie', () => {
  const order: Prize[] = ['first', 'second', 'third', 'merit'];
  const worth = (p: Prize | null) => (p === null ? order.length : order.indexOf(p));
  fc.assert(
    fc.property(
      fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { freq: 5 }), { minLength: 1, maxLength: 14 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
      (points, cs) => {
        const ranked = ranking(points.map((p, i) => [`x${i}`, p === null ? null : p * 10]));
        const awardCounts = order.map((prize, i) => ({ prize, count: cs[i]! }));
        const [p] = proposeAwards(ranked, { enterprise: awardCounts });
        const items = p!.items;
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [items[i - 1]!, items[i]!];
          if (a.rank === b.rank) expect(b.prize).toBe(a.prize);
          expect(worth(b.prize)).toBeGreaterThanOrEqual(worth(a.prize));
        }
        for (const prize of order) {
          const given = items.filter((x) => x.prize === prize).length;
          const allowed = awardCounts.find((c) => c.prize === prize)!.count;
          const overflowTie = p!.ties.some((t) => t.between[0] === prize);
          if (!overflowTie) expect(given).toBeLessThanOrEqual(allowed);
        }
        const total = awardCounts.reduce((a, c) => a + c.count, 0);
        const scored = ranked.filter((e) => e.aggregate !== null).length;
        if (p!.ties.length === 0) expect(items.filter((x) => x.prize !== null).length).toBe(Math.min(total, scored));
      },
    ),
    { numRuns: 200 },
  );
});
