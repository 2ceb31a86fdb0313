import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/**
 * Every tie the judging rules break by chance is broken by this: a seed string (stored with the round)
 * → 32-bit FNV-1a → xoroshiro128+. The same seed replays the same plan, so an organizer can show how it
 * was drawn; Math.random would make every re-run a different, unexplainable plan.
 */

/** 32-bit FNV-1a over the string's UTF-8 bytes. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  const byte = (b: number) => {
    hash ^= b;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) byte(cp);
    else if (cp < 0x800) {
      byte(0xc0 | (cp >> 6));
      byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      byte(0xe0 | (cp >> 12));
      byte(0x80 | ((cp >> 6) & 0x3f));
      byte(0x80 | (cp & 0x3f));
    } else {
      byte(0xf0 | (cp >> 18));
      byte(0x80 | ((cp >> 12) & 0x3f));
      byte(0x80 | ((cp >> 6) & 0x3f));
      byte(0x80 | (cp & 0x3f));
    }
  }
  return hash >>> 0;
}

/** A seeded stream of integers. Mutable on purpose: one stream threads through one plan. */
export interface SeededRandom {
  /** Uniform in [0, n), n ≥ 1. */
  below(n: number): number;
}

export function seededRandom(seed: string): SeededRandom {
  const rng: RandomGenerator = xoroshiro128plus(fnv1a32(seed) | 0);
  return {
    below(n) {
      if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`随机范围应为正整数：${n}`);
      return n === 1 ? 0 : unsafeUniformIntDistribution(0, n - 1, rng);
    },
  };
}

/** Code-unit order: the same on every JavaScript engine, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fisher–Yates with the given stream, on a copy. */
export function shuffle<T>(items: readonly T[], random: SeededRandom): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const t = out[i] as T;
    out[i] = out[j] as T;
    out[j] = t;
  }
  return out;
}

/**
 * The items in an order drawn from the seed. Sorted by key first, so the order depends on the seed and the
 * keys only, never on the order the items arrived in (a database query without ORDER BY, say).
 */
export function seededOrder<T>(items: readonly T[], seed: string, key: (t: T) => string): T[] {
  const keyed = items.map((item, i) => ({ item, key: key(item), i }));
  keyed.sort((a, b) => compareCodeUnits(a.key, b.key) || a.i - b.i);
  return shuffle(keyed, seededRandom(seed)).map((k) => k.item);
}
