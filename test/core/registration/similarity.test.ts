import fc from 'fast-check';
import {
  findNearDuplicates,
  normalizeForSimilarity,
  shingles,
  similarity,
  type NearDuplicate,
} from '../../../core/registration/similarity';

test('normalisation drops whitespace, punctuation (Chinese too), symbols and zero-width characters', () => {
  expect(normalizeForSimilarity('本项目：基于 AI 的“智能制造”平台。')).toBe('本项目基于ai的智能制造平台');
  expect(normalizeForSimilarity('ＡＩ（人工智能），ＮＯ．１！')).toBe('ai人工智能no1');
  expect(normalizeForSimilarity('智\u200b能\u00a0制\u3000造\n——《平台》、【方案】…¥100%')).toBe('智能制造平台方案100');
  expect(normalizeForSimilarity('')).toBe('');
});

test('shingles are character k-grams of the normalised text', () => {
  expect([...shingles('智能制造平台')]).toEqual(['智能制', '能制造', '制造平', '造平台']);
  expect([...shingles('智能，制造', 2)]).toEqual(['智能', '能制', '制造']);
  expect([...shingles('智能')]).toEqual(['智能']);
  expect([...shingles('。。')]).toEqual([]);
  expect([...shingles('𠀀𠀁𠀂𠀃')]).toEqual(['𠀀𠀁𠀂', '𠀁𠀂𠀃']);
  expect(() => shingles('abc', 0)).toThrow(RangeError);
  expect(() => shingles('abc', 1.5)).toThrow(RangeError);
});

test('similarity: copies with reformatting score 1, unrelated texts 0, empty texts 0', () => {
  expect(similarity('基于人工智能的智能制造平台', '基于 人工智能 的「智能制造」平台！')).toBe(1);
  expect(similarity('ABC def', 'abcdef')).toBe(1);
  expect(similarity('基于人工智能的智能制造平台', '农产品冷链物流服务')).toBe(0);
  expect(similarity('', '')).toBe(0);
  expect(similarity('，。', '！')).toBe(0);
  // {abc, bcd} vs {abc, bce}: 1 shared of 3.
  expect(similarity('abcd', 'abce')).toBeCloseTo(1 / 3);
});

const text = fc.string({ unit: fc.constantFrom(...'ab甲乙，  '), maxLength: 14 });

test('similarity is symmetric, in [0, 1], and 1 for a text with content compared with itself', () => {
  fc.assert(
    fc.property(text, text, (a, b) => {
      const s = similarity(a, b);
      return s === similarity(b, a) && s >= 0 && s <= 1;
    }),
  );
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 40 }), (a) => {
      fc.pre(normalizeForSimilarity(a) !== '');
      return similarity(a, a) === 1;
    }),
  );
});

function bruteForce(docs: Array<{ id: string; text: string }>, threshold: number): NearDuplicate[] {
  const pairs: NearDuplicate[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const x = docs[i]!;
      const y = docs[j]!;
      const score = similarity(x.text, y.text);
      if (score >= threshold) pairs.push(x.id < y.id ? { a: x.id, b: y.id, score } : { a: y.id, b: x.id, score });
    }
  }
  return pairs.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

test('the inverted index finds exactly the pairs an all-pairs loop finds (threshold ≥ 0.5)', () => {
  // A tiny alphabet makes near-duplicates common; round thresholds hit the t·n float boundaries (0.7 · 10 …).
  const threshold = fc.oneof(
    fc.constantFrom(0.5, 0.6, 2 / 3, 0.7, 0.75, 0.8, 0.9, 1),
    fc.double({ min: 0.5, max: 1, noNaN: true }),
  );
  const docs = fc
    .uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), text }), {
      selector: (d) => d.id,
      maxLength: 14,
    })
    .map((ds) => ds.map((d) => ({ id: d.id, text: d.text })));
  fc.assert(
    fc.property(docs, threshold, (ds, t) => {
      expect(findNearDuplicates(ds, t)).toEqual(bruteForce(ds, t));
    }),
    { numRuns: 500 },
  );
});

test('a score exactly at the threshold counts, even where t·n is not exact in floating point', () => {
  // 100 shingles vs 55 of them: J = 55/100 = 0.55, but 0.55 × 100 = 55.00000000000001, whose ceiling would cut
  // A's prefix to its 45 unshared (rarest) shingles and miss the pair.
  const chars = Array.from({ length: 102 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
  const docs = [
    { id: 'a', text: chars },
    { id: 'b', text: chars.slice(0, 57) },
  ];
  expect(0.55 * 100).toBeGreaterThan(55);
  expect(similarity(docs[0]!.text, docs[1]!.text)).toBe(0.55);
  expect(findNearDuplicates(docs, 0.55)).toEqual([{ a: 'a', b: 'b', score: 0.55 }]);
});

test('near duplicates come back ordered a < b and sorted', () => {
  const docs = [
    { id: 'z', text: '基于人工智能的智能制造平台建设方案' },
    { id: 'm', text: '农产品冷链物流服务' },
    { id: 'a', text: '基于人工智能的智能制造平台建设方案！' },
    { id: 'b', text: '基于人工智能的 智能制造平台 建设方案' },
  ];
  expect(findNearDuplicates(docs)).toEqual([
    { a: 'a', b: 'b', score: 1 },
    { a: 'a', b: 'z', score: 1 },
    { a: 'b', b: 'z', score: 1 },
  ]);
  expect(findNearDuplicates([])).toEqual([]);
});

test('bad thresholds and repeated ids are refused', () => {
  expect(() => findNearDuplicates([], 0)).toThrow(RangeError);
  expect(() => findNearDuplicates([], 1.01)).toThrow(RangeError);
  expect(() => findNearDuplicates([], Number.NaN)).toThrow(RangeError);
  expect(() =>
    findNearDuplicates([
      { id: 'a', text: 'x' },
      { id: 'a', text: 'y' },
    ]),
  ).toThrow(RangeError);
});

/** mulberry32: a seeded generator, so the large input is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('3,000 documents of ~300 characters: planted copies are found (speed documented in similarity.ts, not asserted)', () => {
  const random = seeded(20240831);
  const char = () => String.fromCharCode(0x4e00 + Math.floor(random() * 2500));
  const docs = Array.from({ length: 3000 }, (_, i) => ({
    id: `entry-${String(i).padStart(4, '0')}`,
    text: Array.from({ length: 280 + Math.floor(random() * 40) }, char).join(''),
  }));
  // Ten copies with punctuation added and two characters changed: about 0.96 similar to their source.
  for (let n = 0; n < 10; n++) {
    const source = docs[n * 37]!.text;
    const copy = [...source];
    copy[50] = char();
    copy[200] = char();
    docs.push({ id: `copy-${n}`, text: `${copy.slice(0, 100).join('')}，${copy.slice(100).join('')}。` });
  }
  const found = findNearDuplicates(docs, 0.8);
  expect(found.map((p) => [p.a, p.b])).toEqual(
    Array.from({ length: 10 }, (_, n) => [`copy-${n}`, `entry-${String(n * 37).padStart(4, '0')}`]),
  );
  for (const p of found) expect(p.score).toBeGreaterThan(0.9);
});
