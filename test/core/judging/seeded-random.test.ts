import fc from 'fast-check';
import { fnv1a32, seededOrder, seededRandom } from '../../../core/judging/seeded-random';

/** FNV-1a over bytes, as published; the UTF-8 comes from Node here, not from the code under test. */
function reference(text: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

test('FNV-1a 32: the published test vectors, and UTF-8 bytes for Chinese and astral characters', () => {
  expect(fnv1a32('')).toBe(0x811c9dc5);
  expect(fnv1a32('a')).toBe(0xe40c292c);
  expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => fnv1a32(s) === reference(s)));
  expect(fnv1a32('创客中国 2025')).toBe(reference('创客中国 2025'));
  expect(fnv1a32('𠀀é')).toBe(reference('𠀀é'));
});

test('a seeded stream replays and stays in range', () => {
  const a = seededRandom('round-7');
  const b = seededRandom('round-7');
  const xs = Array.from({ length: 50 }, () => a.below(10));
  expect(Array.from({ length: 50 }, () => b.below(10))).toEqual(xs);
  expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 10)).toBe(true);
  expect(new Set(xs).size).toBeGreaterThan(5);
  expect(seededRandom('x').below(1)).toBe(0);
  expect(() => seededRandom('x').below(0)).toThrow(RangeError);
});

test('seededOrder: a permutation fixed by the seed and the keys, not by the input order', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 15 }), fc.string(), (ids, seed) => {
      const order = seededOrder(ids, seed, (x) => x);
      expect([...order].sort()).toEqual([...ids].sort());
      expect(seededOrder([...ids].reverse(), seed, (x) => x)).toEqual(order);
    }),
  );
  const ids = Array.from({ length: 20 }, (_, i) => `e${i}`);
  const orders = ['a', 'b', 'c'].map((seed) => seededOrder(ids, seed, (x) => x).join());
  expect(new Set(orders).size).toBe(3);
});
