import { UNITS_PER_POINT, type Fraction, type Rubric } from './types';

/**
 * Exact score arithmetic. A criterion is scored in half-points and weighted in hundredths, so a sheet's
 * total is an integer number of units (1/200 point) and every mean is a Fraction of units. Floats appear
 * only where a value is shown (`fractionToUnits`, `unitsToPoints`), never where one is compared.
 */

/** 7.5 → 15. Null for anything that is not a finite, non-negative multiple of 0.5. */
export function halvesOf(points: number): number | null {
  if (typeof points !== 'number' || !Number.isFinite(points) || points < 0) return null;
  // Multiples of 0.5 are exact in binary, so doubling is exact too: no tolerance needed here.
  const halves = points * 2;
  return Number.isSafeInteger(halves) ? halves + 0 : null;
}

/** Slack for w × 100 in floating point (0.35 × 100 = 35.00000000000001); far below the next hundredth. */
const WEIGHT_TOLERANCE = 1e-9;

/** 1 → 100, 0.35 → 35. Null unless 0.01 ≤ weight ≤ 100 with at most two decimals. */
export function weightHundredths(weight: number): number | null {
  if (typeof weight !== 'number' || !Number.isFinite(weight)) return null;
  const scaled = weight * 100;
  const hundredths = Math.round(scaled);
  if (Math.abs(scaled - hundredths) > WEIGHT_TOLERANCE) return null;
  return hundredths >= 1 && hundredths <= 10000 ? hundredths : null;
}

function criterionHundredths(key: string, weight: number): number {
  const w = weightHundredths(weight);
  if (w === null) throw new RangeError(`评分项「${key}」的权重应在 0.01 到 100 之间且最多两位小数：${weight}`);
  return w;
}

/**
 * A sheet's total in units: Σ halves × weight-hundredths over the rubric's criteria. A criterion missing
 * from the sheet counts 0; keys not in the rubric are ignored (a criterion removed before scoring began).
 * Throws on an invalid weight: that is a broken rubric, not a low score.
 */
export function sheetUnits(rubric: Rubric, halves: Readonly<Record<string, number>>): number {
  let units = 0;
  for (const c of rubric.criteria) {
    const h = Object.prototype.hasOwnProperty.call(halves, c.key) ? (halves[c.key] ?? 0) : 0;
    units += h * criterionHundredths(c.key, c.weight);
  }
  return units;
}

/** The highest total a sheet can reach, in units. */
export function maxUnits(rubric: Rubric): number {
  let units = 0;
  for (const c of rubric.criteria) {
    const h = halvesOf(c.maxPoints);
    if (h === null) throw new RangeError(`评分项「${c.key}」的满分应为 0.5 的非负整数倍：${c.maxPoints}`);
    units += h * criterionHundredths(c.key, c.weight);
  }
  return units;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** `num / den` units, reduced, with den > 0. Both must be safe integers and den non-zero. */
export function fraction(num: number, den = 1): Fraction {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den === 0) {
    throw new RangeError(`分数应由安全整数组成且分母不为 0：${num}/${den}`);
  }
  const sign = den < 0 ? -1 : 1;
  const g = gcd(num, den) || 1;
  // `+ 0` turns −0 into 0, so equal fractions are also equal to `toEqual`.
  return { num: (sign * num) / g + 0, den: (sign * den) / g };
}

/** Exact: cross multiplication, through BigInt when a product would leave the safe integers. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left < right ? -1 : left > right ? 1 : 0;
  const l = BigInt(a.num) * BigInt(b.den);
  const r = BigInt(b.num) * BigInt(a.den);
  return l < r ? -1 : l > r ? 1 : 0;
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  if (a.den === b.den) return fraction(a.num + b.num, a.den);
  const g = gcd(a.den, b.den);
  return fraction(a.num * (b.den / g) + b.num * (a.den / g), (a.den / g) * b.den);
}

export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return addFractions(a, { num: -b.num, den: b.den });
}

/** For display only: never compare these. */
export function fractionToUnits(f: Fraction): number {
  return f.num / f.den;
}

/** For display only. */
export function unitsToPoints(units: number): number {
  return units / UNITS_PER_POINT;
}

/**
 * A finite float as the exact fraction of its shortest decimal form ("86.505" is 86505/1000, as shown).
 * Decimal digits as strings: BigInt only where a number would lose digits, and never as a literal, so a
 * page importing this file still parses on a JavaScript engine without BigInt.
 */
function decimalOf(value: number): { num: string; den: string } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`不是有限的数：${value}`);
  const [, sign = '', whole = '0', decimals = '', exponent = '0'] = match;
  const e = Number(exponent);
  const num = whole + decimals + (e > 0 ? '0'.repeat(e) : '');
  const den = '1' + '0'.repeat(decimals.length + (e < 0 ? -e : 0));
  return { num: sign + num, den };
}

/** round(m / d) half up for m ≥ 0, d > 0, as a decimal string. */
function roundHalfUp(m: string, d: string): string {
  const mn = Number(m);
  const dn = Number(d);
  if (Number.isSafeInteger(2 * mn + dn) && Number.isSafeInteger(2 * dn))
    return String(Math.floor((2 * mn + dn) / (2 * dn)));
  const two = BigInt(2);
  return ((two * BigInt(m) + BigInt(d)) / (two * BigInt(d))).toString();
}

/**
 * Points with `decimals` places, rounded half up (四舍五入, on the magnitude) with integer arithmetic:
 * 17300 units → "86.50", a third of a point → "0.33", −350 units → "-1.75". A number is units; a non-integer
 * one is taken as the decimal it prints as. A value that rounds to zero prints without a minus sign.
 */
export function formatPoints(value: Fraction | number, decimals = 2): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`小数位数应为 0 到 20 的整数：${decimals}`);
  }
  let num: string;
  let den: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`不是有限的数：${value}`);
    ({ num, den } = decimalOf(value));
  } else {
    if (!Number.isSafeInteger(value.num) || !Number.isSafeInteger(value.den) || value.den === 0) {
      throw new RangeError(`分数应由安全整数组成且分母不为 0：${value.num}/${value.den}`);
    }
    const f = fraction(value.num, value.den);
    num = String(f.num);
    den = String(f.den);
  }
  const negative = num.startsWith('-');
  const magnitude = negative ? num.slice(1) : num;
  // |value| / 200 points × 10^decimals.
  const scaled = magnitude + '0'.repeat(decimals);
  const d = times(den, UNITS_PER_POINT);
  const rounded = roundHalfUp(scaled, d);
  const digits = rounded.padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const text = decimals === 0 ? whole : `${whole}.${digits.slice(digits.length - decimals)}`;
  return negative && /[1-9]/.test(rounded) ? `-${text}` : text;
}

function times(decimal: string, factor: number): string {
  const n = Number(decimal) * factor;
  return Number.isSafeInteger(n) ? String(n) : (BigInt(decimal) * BigInt(factor)).toString();
}
