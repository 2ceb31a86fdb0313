import fc from 'fast-check';
import {
  addFractions,
  compareFractions,
  formatPoints,
  fraction,
  fractionToUnits,
  halvesOf,
  maxUnits,
  sheetUnits,
  subtractFractions,
  unitsToPoints,
  weightHundredths,
} from '../../../core/judging/points';
import type { Rubric } from '../../../core/judging/types';

test('halvesOf: points in half-points, null for anything not a non-negative multiple of 0.5', () => {
  expect(halvesOf(7.5)).toBe(15);
  expect(halvesOf(0)).toBe(0);
  expect(Object.is(halvesOf(-0), 0)).toBe(true);
  expect(halvesOf(100)).toBe(200);
  expect(halvesOf(7.25)).toBeNull();
  expect(halvesOf(0.1)).toBeNull();
  expect(halvesOf(-0.5)).toBeNull();
  expect(halvesOf(Number.NaN)).toBeNull();
  expect(halvesOf(Infinity)).toBeNull();
});

test('weightHundredths: two decimals exactly, despite binary floats', () => {
  expect(weightHundredths(1)).toBe(100);
  expect(weightHundredths(0.35)).toBe(35);
  // 0.29 × 100 = 28.999999999999996 and 0.07 × 100 = 7.000000000000001 in binary floating point.
  expect(0.29 * 100).not.toBe(29);
  expect(weightHundredths(0.29)).toBe(29);
  expect(weightHundredths(0.07)).toBe(7);
  expect(weightHundredths(0.01)).toBe(1);
  expect(weightHundredths(100)).toBe(10000);
  expect(weightHundredths(0.001)).toBeNull();
  expect(weightHundredths(0.355)).toBeNull();
  expect(weightHundredths(0)).toBeNull();
  expect(weightHundredths(100.01)).toBeNull();
  expect(weightHundredths(-1)).toBeNull();
  expect(weightHundredths(Number.NaN)).toBeNull();
});

const rubric: Rubric = {
  criteria: [
    { key: 'a', name: '创新性', description: '', maxPoints: 30, weight: 1 },
    { key: 'b', name: '市场前景', description: '', maxPoints: 20, weight: 0.5 },
  ],
};

test('sheetUnits: Σ half-points × weight-hundredths; missing criteria count 0, unknown keys are ignored', () => {
  // 25.5 points on a, 15 on b at weight 0.5: 25.5 + 7.5 = 33 points = 6600 units.
  expect(sheetUnits(rubric, { a: 51, b: 30 })).toBe(6600);
  expect(unitsToPoints(6600)).toBe(33);
  expect(sheetUnits(rubric, { a: 51 })).toBe(5100);
  expect(sheetUnits(rubric, { a: 51, b: 30, gone: 40 })).toBe(6600);
  expect(sheetUnits(rubric, {})).toBe(0);
  expect(maxUnits(rubric)).toBe(8000); // 30 + 20 × 0.5 = 40 points
  const broken: Rubric = { criteria: [{ key: 'x', name: 'x', description: '', maxPoints: 10, weight: 0.001 }] };
  expect(() => sheetUnits(broken, { x: 2 })).toThrow(RangeError);
  expect(() => maxUnits({ criteria: [{ key: 'x', name: 'x', description: '', maxPoints: 7.25, weight: 1 }] })).toThrow(
    RangeError,
  );
});

test('fraction: reduced, positive denominator, safe integers only', () => {
  expect(fraction(6, -4)).toEqual({ num: -3, den: 2 });
  expect(fraction(0, -5)).toEqual({ num: 0, den: 1 });
  expect(Object.is(fraction(0, -5).num, 0)).toBe(true);
  expect(fraction(17300)).toEqual({ num: 17300, den: 1 });
  expect(() => fraction(1, 0)).toThrow(RangeError);
  expect(() => fraction(1.5, 2)).toThrow(RangeError);
  expect(() => fraction(2 ** 53, 1)).toThrow(RangeError);
  expect(addFractions(fraction(1, 3), fraction(1, 6))).toEqual({ num: 1, den: 2 });
  expect(subtractFractions(fraction(1, 3), fraction(1, 2))).toEqual({ num: -1, den: 6 });
  expect(fractionToUnits(fraction(1, 4))).toBe(0.25);
});

test('compareFractions is exact, also where cross products leave the safe integers', () => {
  expect(compareFractions(fraction(1, 3), fraction(333, 1000))).toBe(1);
  expect(compareFractions({ num: 2, den: 4 }, { num: 1, den: 2 })).toBe(0);
  expect(compareFractions(fraction(-1, 2), fraction(1, 3))).toBe(-1);
  // x/(x−1) falls as x grows; in doubles both cross products round to the same value.
  const N = Number.MAX_SAFE_INTEGER;
  const a = { num: N, den: N - 1 };
  const b = { num: N - 1, den: N - 2 };
  expect(a.num * b.den).toBe(b.num * a.den);
  expect(compareFractions(a, b)).toBe(-1);
  expect(compareFractions(b, a)).toBe(1);
  expect(compareFractions(a, { ...a })).toBe(0);
});

test('formatPoints: points, rounded half up with integer arithmetic', () => {
  expect(formatPoints(17300)).toBe('86.50');
  expect(formatPoints(fraction(17300, 1))).toBe('86.50');
  expect(formatPoints(fraction(200, 3))).toBe('0.33'); // a third of a point
  expect(formatPoints(fraction(400, 3))).toBe('0.67');
  // 201 units = 1.005 points exactly; the double 1.005 is a little below, so toFixed rounds it down.
  expect((1.005).toFixed(2)).toBe('1.00');
  expect(formatPoints(201)).toBe('1.01');
  expect(formatPoints(1)).toBe('0.01'); // 0.005
  expect(formatPoints(-350)).toBe('-1.75');
  expect(formatPoints(-1)).toBe('-0.01');
  expect(formatPoints(fraction(-1, 3))).toBe('0.00');
  expect(formatPoints(0)).toBe('0.00');
  expect(formatPoints(17300, 0)).toBe('87');
  expect(formatPoints(fraction(17300, 3), 3)).toBe('28.833');
  expect(formatPoints(17300.5)).toBe('86.50'); // 86.5025
  expect(formatPoints(17300.5, 4)).toBe('86.5025');
  expect(formatPoints(fraction(Number.MAX_SAFE_INTEGER, 7))).toBe('6433713753386.42');
  expect(() => formatPoints(17300, -1)).toThrow(RangeError);
  expect(() => formatPoints(Number.NaN)).toThrow(RangeError);
});

/** The decimal the string shows, as an exact BigInt over 10^decimals. */
function shown(text: string, decimals: number): bigint {
  const [whole = '0', part = ''] = text.replace('-', '').split('.');
  expect(part.length).toBe(decimals);
  const v = BigInt(whole + part);
  return text.startsWith('-') ? -v : v;
}

test('formatPoints is the nearest decimal, halves away from zero (checked on the output, exactly)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.integer({ min: 1, max: 5000 }),
      fc.integer({ min: 0, max: 4 }),
      (num, den, decimals) => {
        const text = formatPoints({ num, den }, decimals);
        const v = shown(text, decimals);
        // value in points × 10^d is num·10^d / (200·den); compare 2·|num·10^d − v·200·den| with 200·den.
        const scale = BigInt(10) ** BigInt(decimals);
        const d = BigInt(200 * den);
        const x = BigInt(num) * scale;
        const error = x - v * d;
        const twice = 2n * (error < 0n ? -error : error);
        expect(twice <= d).toBe(true);
        // On an exact half the magnitude rounds up: |v| is then the larger candidate.
        if (twice === d) expect((v < 0n ? -v : v) * d > (x < 0n ? -x : x)).toBe(true);
        if (v === 0n) expect(text.startsWith('-')).toBe(false);
        else expect(text.startsWith('-')).toBe(num < 0);
      },
    ),
    { numRuns: 300 },
  );
});
