/**
 * The order of appearance drawn from a seed (core/live/draw.ts): anyone holding the seed and the list of
 * contestants replays the same order, whatever order the list comes in.
 */
import fc from 'fast-check';
import { drawOrder } from '../../../core/live/draw';
import { fcParams } from './fixtures';

const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 30 });

test('same seed and same contestants in any input order → the same order, and it is a permutation of them', () => {
  fc.assert(
    fc.property(
      ids.chain((list) =>
        fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
      ),
      fc.string({ maxLength: 12 }),
      ([list, shuffled], seed) => {
        const order = drawOrder(list, seed);
        expect(drawOrder(shuffled, seed)).toEqual(order);
        expect(drawOrder([...list].reverse(), seed)).toEqual(order);
        expect(order).toHaveLength(list.length);
        expect([...order].sort()).toEqual([...list].sort());
      },
    ),
    fcParams('draw: replay and permutation', 300),
  );
});

test('the input array is left as it was', () => {
  const list = ['c', 'a', 'b', 'd'];
  drawOrder(list, 'seed');
  expect(list).toEqual(['c', 'a', 'b', 'd']);
});

test('different seeds give different orders: over 200 seeds 12 contestants are not always drawn alike', () => {
  const list = Array.from({ length: 12 }, (_, i) => `entry-${i + 1}`);
  const orders = Array.from({ length: 200 }, (_, s) => drawOrder(list, `决赛-${s}`).join(','));
  // 12! orders: a seed that is really used almost never repeats one.
  expect(new Set(orders).size).toBeGreaterThan(190);
});

test('every contestant can be drawn first: roughly even over 1,200 seeds (each ≈ 200 of 1,200 for 6)', () => {
  const list = ['a', 'b', 'c', 'd', 'e', 'f'];
  const first = new Map<string, number>();
  for (let s = 0; s < 1200; s++) {
    const top = drawOrder(list, `seed-${s}`)[0] ?? '';
    first.set(top, (first.get(top) ?? 0) + 1);
  }
  expect([...first.keys()].sort()).toEqual(list);
  for (const n of first.values()) {
    expect(n).toBeGreaterThan(120);
    expect(n).toBeLessThan(280);
  }
});

test('empty and single lists', () => {
  expect(drawOrder([], 'x')).toEqual([]);
  expect(drawOrder(['only'], 'x')).toEqual(['only']);
});
