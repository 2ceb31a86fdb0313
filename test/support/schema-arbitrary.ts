/**
 * fast-check arbitraries shaped by an action's input schema (read with schema-walk.ts): MOSTLY VALID-LOOKING
 * values, so calls get past validation and reach the use case, with the edges where use cases break:
 * numbers at and just past their bounds, 0, -0, ±1e15, 1e308, MAX_SAFE_INTEGER, 0.5 for integers; strings
 * empty, at and past their maximum, full-width, emoji, NUL, bidi overrides, lone surrogates, 10,000
 * characters; arrays empty, at and past their maximum; picklist members and non-members; required keys
 * missing, extra keys added.
 *
 * Three modes per node: `valid` (inside every bound the walker can read, bounds themselves included),
 * `edgy` (near or past a bound, or the wrong type), `mixed` (valid with an edgy node here and there).
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { walkSchema, type SchemaNode } from './schema-walk';

export interface ArbitraryHints {
  /** Strings worth trying wherever the schema accepts them: stored ids, valid codes, mobiles, e-mails … */
  strings?: readonly string[];
  /** Values for entries of this name wherever they occur (`roundId`: the stored round ids). */
  byKey?: Readonly<Record<string, readonly unknown[]>>;
  /** Values for injected extra keys (`openid`, `ownerOpenid` …): e.g. other users' openids. */
  foreign?: readonly string[];
}

type Mode = 'valid' | 'mixed' | 'edgy';
type Arb = fc.Arbitrary<unknown>;

/** 10,000 characters: past every maximum the schemas have, and no maximum at all where they have none. */
export const LONG_TEXT = '长'.repeat(10_000);

export const SPECIAL_TEXTS = {
  fullWidth: 'ＡＢＣ１２３　全角（测试）',
  emoji: '😀👍🏽👨‍👩‍👧🇨🇳',
  nul: 'a\u0000b',
  bidi: '\u202Egnp.exe\u202C',
  loneSurrogate: '\uD800',
  loneLowSurrogate: 'x\uDC00',
  zeroWidth: '\u200B\uFEFF\u200D',
  html: '<img src=x onerror=alert(1)>',
  sql: "' OR 1=1 --",
  path: '../../../etc/passwd',
  operator: '{"$gt":""}',
} as const;

const WRONG_TYPES: readonly unknown[] = [null, true, 0, 1.5, '', 'x', [], {}, ['x'], { x: 1 }];

function accepts(raw: unknown, value: unknown): boolean {
  try {
    return v.is(raw as v.GenericSchema, value);
  } catch {
    return false;
  }
}

/** Repeats `s` up to `min` code units, cuts at `max` (a cut may split a surrogate pair: fine, that's an edge too). */
/** Distinct by Object.is, so 0 and -0 both stay. */
function uniq<T>(values: readonly T[]): T[] {
  const out: T[] = [];
  for (const value of values) if (!out.some((known) => Object.is(known, value))) out.push(value);
  return out;
}

/** An object with these own keys, `__proto__` included (as JSON.parse makes it), never a prototype change. */
function ownKeys(entries: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(entries)) {
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** fc.stringMatching refuses some flags (`i`): without them it makes one case, which the flagged regex accepts too. */
function matching(regex: RegExp): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(regex);
  } catch {
    return fc.stringMatching(new RegExp(regex.source, regex.flags.replace(/[^su]/g, '')));
  }
}

/** Items of a list that must not repeat: equal as JSON, or equal in a text both have (names, keys …). */
function sameItem(a: unknown, b: unknown): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(left).some((k) => typeof left[k] === 'string' && left[k] !== '' && left[k] === right[k]);
}

function fit(s: string, min: number, max: number | undefined): string {
  let out = s === '' && min > 0 ? '字' : s;
  while (out.length < min) out += out;
  return max === undefined ? out : out.slice(0, Math.max(max, min));
}

function weighted(...items: Array<[Arb | null, number]>): Arb {
  const present = items.filter((item): item is [Arb, number] => item[0] !== null && item[1] > 0);
  if (present.length === 0) return fc.constant(undefined);
  if (present.length === 1) return present[0]![0];
  return fc.oneof(...present.map(([arbitrary, weight]) => ({ arbitrary, weight })));
}

function constants(values: readonly unknown[]): Arb | null {
  return values.length === 0 ? null : fc.constantFrom(...values);
}

/** Characters of valid-looking text; the hostile ones (NUL, bidi, lone surrogates) come as whole edge values. */
const CHAR = fc.oneof(
  { arbitrary: fc.constantFrom(...'abcxyzABC0129 -_.@'), weight: 6 },
  { arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), weight: 6 },
  { arbitrary: fc.constantFrom('Ａ', '１', '　', '😀', '\t', '"', '\\', '<', '&'), weight: 1 },
);

/** Plain texts to fall back on where a check refuses what was generated. */
const PLAIN_TEXTS = ['测试文字', 'abc', '上海测试科技有限公司', 'a1', '12345678'];

function sharedDate(): fc.Arbitrary<Date> {
  return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true });
}

function shanghaiIso(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

class Builder {
  private readonly memo = new Map<SchemaNode, Map<string, Arb>>();

  constructor(private readonly hints: ArbitraryHints) {}

  build(node: SchemaNode, mode: Mode, key: string | null): Arb {
    let byNode = this.memo.get(node);
    if (!byNode) {
      byNode = new Map();
      this.memo.set(node, byNode);
    }
    const memoKey = `${mode}|${key ?? ''}`;
    const known = byNode.get(memoKey);
    if (known) return known;
    const arbitrary =
      mode === 'mixed'
        ? weighted([this.shape(node, 'mixed', key), 9], [this.edgy(node, key), 1])
        : mode === 'valid'
          ? this.shape(node, 'valid', key)
          : this.edgy(node, key);
    byNode.set(memoKey, arbitrary);
    return arbitrary;
  }

  /** Hints this node accepts: those named after its key, and the general ones. */
  private pool(node: SchemaNode, key: string | null): { named: unknown[]; general: unknown[] } {
    const named = key !== null ? (this.hints.byKey?.[key] ?? []) : [];
    return {
      named: uniq(named.filter((value) => accepts(node.raw, value))),
      general: uniq((this.hints.strings ?? []).filter((value) => accepts(node.raw, value))),
    };
  }

  /**
   * Where a node has rules that can only be run (checks, regexes, transforms), three tries and the first the
   * schema accepts, else a known valid value, else the first try: valid mode stays valid as far as it can.
   */
  private validated(node: SchemaNode, arbitrary: Arb, fallback: readonly unknown[] = []): Arb {
    const c = node.constraints;
    if (c.checks === 0 && c.regexes.length === 0 && c.transforms === 0) return arbitrary;
    const known = fallback.find((x) => accepts(node.raw, x));
    return fc
      .array(arbitrary, { minLength: 3, maxLength: 3 })
      .map((xs) => xs.find((x) => accepts(node.raw, x)) ?? known ?? xs[0]);
  }

  /** A value of the node's shape; children in `childMode`. */
  private shape(node: SchemaNode, childMode: 'valid' | 'mixed', key: string | null): Arb {
    const c = node.constraints;
    switch (node.type) {
      case 'string':
        return this.validString(node, key);
      case 'number':
        return this.validNumber(node, key);
      case 'boolean':
        return fc.boolean();
      case 'literal':
        return fc.constant(node.literal);
      case 'picklist':
        return constants(node.options) ?? fc.constant(undefined);
      case 'object': {
        const model: Record<string, Arb> = {};
        const required: string[] = [];
        for (const [name, entry] of Object.entries(node.entries)) {
          model[name] = this.build(entry, childMode, name);
          if (entry.type !== 'optional' && entry.type !== 'nullish') required.push(name);
        }
        const record = fc.record(model, { requiredKeys: required, noNullPrototype: true });
        return childMode === 'valid' ? this.validated(node, record) : record;
      }
      case 'optional':
      case 'nullable':
      case 'nullish': {
        const inner = this.build(node.wrapped, childMode, key);
        const absent = node.type === 'nullable' ? [null] : node.type === 'optional' ? [undefined] : [undefined, null];
        return weighted([inner, 4], [constants(absent), 1]);
      }
      case 'array': {
        const item = this.build(node.item, childMode, key);
        const min = c.minLength ?? 0;
        const max = c.maxLength;
        // Distinct items (some schemas refuse duplicates), objects distinct in every text they both have.
        const distinct = (length: { minLength: number; maxLength: number }) =>
          fc.uniqueArray(item, { ...length, comparator: sameItem });
        // Never ask fast-check for more distinct items than an item may have: pad up to the minimum by cycling.
        const cycle = (xs: unknown[], length: number) => Array.from({ length }, (_, i) => xs[i % xs.length]);
        const few = distinct({
          minLength: Math.min(min, 1),
          maxLength: max === undefined ? min + 4 : Math.min(max, min + 4),
        }).map((xs) => (xs.length >= min ? xs : cycle(xs, min)));
        // At the maximum (or, with none, long): as many distinct items as come (a valid-looking item may have
        // only a few values), cycled up to the length, so building stays cheap and never has to find more.
        const longLength = max ?? 200;
        const long =
          longLength > min + 4
            ? distinct({ minLength: 1, maxLength: Math.min(longLength, 50) }).map((xs) => cycle(xs, longLength))
            : null;
        const array = weighted([few, 6], [long, 1], [min === 0 ? fc.constant([]) : null, 1]);
        return childMode === 'valid' ? this.validated(node, array) : array;
      }
      case 'record': {
        const keys = this.build(node.key, 'valid', null).filter((k): k is string => typeof k === 'string');
        return fc.dictionary(keys, this.build(node.value, childMode, null), { maxKeys: 6, noNullPrototype: true });
      }
      case 'tuple':
        return fc.tuple(...node.items.map((item) => this.build(item, childMode, null)));
      case 'union':
        return node.options.length === 0
          ? fc.constant(undefined)
          : fc.oneof(...node.options.map((option) => this.build(option, childMode, key)));
      case 'other':
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private validString(node: SchemaNode, key: string | null): Arb {
    const c = node.constraints;
    const min = c.minLength ?? 0;
    const max = c.maxLength;
    const { named, general } = this.pool(node, key);
    const ruled = c.regexes.length > 0 || c.checks > 0 || c.isoDate || c.isoTimestamp || c.transforms > 0;
    let generated: Arb;
    if (c.isoTimestamp) {
      generated = fc.oneof(
        sharedDate().map((d) => d.toISOString()),
        sharedDate().map(shanghaiIso),
      );
    } else if (c.isoDate) {
      generated = sharedDate().map((d) => d.toISOString().slice(0, 10));
    } else if (c.regexes.length > 0) {
      const [first, ...more] = c.regexes;
      generated = matching(first!).filter(
        (s) => s.length >= min && (max === undefined || s.length <= max) && more.every((r) => r.test(s)),
      );
    } else {
      const edges = Object.values(SPECIAL_TEXTS).map((s) => fit(s, min, max));
      const atBounds = [fit('', min, max), ...(max !== undefined ? ['字'.repeat(max), '😀'.repeat(max >> 1)] : [])];
      if (max === undefined || max >= LONG_TEXT.length) atBounds.push(LONG_TEXT);
      generated = weighted(
        [fc.string({ unit: CHAR, minLength: 0, maxLength: Math.min(max ?? 30, 30) }).map((s) => fit(s, min, max)), 5],
        [constants(atBounds), 2],
        [constants(edges), 1],
      );
    }
    const candidates = weighted(
      [constants(named), 8],
      [constants(general), ruled ? 3 : 1],
      [generated, ruled && named.length + general.length > 0 ? 1 : 6],
    );
    const plain = PLAIN_TEXTS.map((t) => fit(t, min, max));
    return this.validated(node, candidates, [...named, ...general, ...plain]);
  }

  private validNumber(node: SchemaNode, key: string | null): Arb {
    const c = node.constraints;
    const lo = c.minValue;
    const hi = c.maxValue;
    const { named, general } = this.pool(node, key);
    const candidates = [
      lo,
      hi,
      lo === undefined ? undefined : lo + 1,
      hi === undefined ? undefined : hi - 1,
      0,
      -0,
      1,
      0.5,
      1.5,
      100,
      1e15,
      -1e15,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      ...named,
      ...general,
    ];
    // The schema itself decides which of them are valid (its checks can't be read, only run).
    const edges = uniq(candidates.filter((x) => typeof x === 'number' && accepts(node.raw, x)));
    const from = Math.ceil(Math.max(lo ?? -1000, -1e6));
    const to = Math.floor(Math.min(hi ?? from + 1000, from + 1000));
    let random: Arb | null = null;
    if (from <= to) {
      random = fc.integer({ min: from * 2, max: to * 2 }).map((k) => (c.integer ? Math.round(k / 2) : k / 2));
    }
    return this.validated(node, weighted([random, 3], [constants(edges), 2]), edges);
  }

  private edgy(node: SchemaNode, key: string | null): Arb {
    const c = node.constraints;
    const wrong = constants(WRONG_TYPES)!;
    switch (node.type) {
      case 'string': {
        const max = c.maxLength;
        const texts: unknown[] = [
          '',
          ' ',
          '   ',
          LONG_TEXT,
          ...Object.values(SPECIAL_TEXTS),
          '__proto__',
          'constructor',
        ];
        if (max !== undefined) texts.push('字'.repeat(max + 1), 'a'.repeat(max + 1));
        if (c.minLength !== undefined && c.minLength > 0) texts.push('字'.repeat(c.minLength - 1));
        const valid = this.validString(node, key);
        // Valid-looking text with an edge glued on: past the length, or with a control character inside.
        const glued = fc
          .tuple(valid, fc.constantFrom(...Object.values(SPECIAL_TEXTS), ' ', '\n'))
          .map(([s, extra]) => (typeof s === 'string' ? s + extra : s));
        return weighted([constants(texts), 4], [glued, 2], [constants([123, 1e15, null, true, [], {}]), 1]);
      }
      case 'number': {
        const lo = c.minValue;
        const hi = c.maxValue;
        const numbers: number[] = [0, -0, 0.5, 1e15, -1e15, 1e308, -1e308, Number.MAX_SAFE_INTEGER];
        numbers.push(Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER, 1e-7, 0.1 + 0.2, -1);
        // JSON.parse('1e309') is Infinity: a client can send it.
        numbers.push(Infinity, -Infinity);
        if (lo !== undefined) numbers.push(lo - 1, lo - 0.5, lo + 0.5);
        if (hi !== undefined) numbers.push(hi + 1, hi + 0.5, hi - 0.5);
        return weighted([constants(numbers), 5], [constants(['1', '', '1e3', null, true, [1], {}]), 1]);
      }
      case 'boolean':
        return constants(['true', 'false', 0, 1, null, []])!;
      case 'literal': {
        const lit = node.literal;
        const near = typeof lit === 'string' ? [lit.toUpperCase(), `${lit} `, '', `${lit}x`] : [String(lit), null];
        return constants([...near.filter((x) => x !== lit), ...WRONG_TYPES])!;
      }
      case 'picklist': {
        const first = String(node.options[0] ?? '');
        const near = [first.toUpperCase(), ` ${first}`, `${first}x`, '', '__proto__', 'constructor', 'toString'];
        return weighted([constants(near.filter((x) => !node.options.includes(x))), 4], [wrong, 1]);
      }
      case 'object': {
        const base = this.shape(node, 'mixed', key).filter(
          (o): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o),
        );
        const required = Object.entries(node.entries)
          .filter(([, entry]) => entry.type !== 'optional' && entry.type !== 'nullish')
          .map(([name]) => name);
        const missing =
          required.length === 0
            ? null
            : fc.tuple(base, fc.nat({ max: required.length - 1 })).map(([o, i]) => {
                const copy = { ...o };
                delete copy[required[i]!];
                return copy;
              });
        const extra = fc.tuple(base, fc.constantFrom(...this.extraKeys())).map(([o, more]) => ({ ...o, ...more }));
        return weighted([missing, 3], [extra, 3], [base.map((o) => [o]), 1], [wrong, 1]);
      }
      case 'optional':
      case 'nullable':
      case 'nullish': {
        const inner = this.build(node.wrapped, 'edgy', key);
        const absentWrong = node.type === 'optional' ? [null] : node.type === 'nullable' ? [undefined] : [];
        return weighted([inner, 4], [constants(absentWrong), 1]);
      }
      case 'array': {
        const item = this.build(node.item, 'valid', key);
        const max = c.maxLength;
        const over = max ?? 10_000;
        const tooLong = item.map((x) => Array.from({ length: over + 1 }, () => x));
        const min = c.minLength ?? 0;
        const tooShort = min > 0 ? fc.array(item, { minLength: min - 1, maxLength: min - 1 }) : null;
        const badItem = fc.array(this.build(node.item, 'edgy', key), { minLength: 1, maxLength: 3 });
        return weighted(
          [tooLong, 2],
          [tooShort, 2],
          [fc.constant([]), 1],
          [badItem, 4],
          [constants([{ 0: 'x', length: 1 }, 'x', null]), 1],
        );
      }
      case 'record': {
        const value = this.build(node.value, 'valid', null);
        const odd = fc.tuple(
          value,
          fc.constantFrom('__proto__', 'constructor', 'toString', '', 'a.b', '$gt', 'x'.repeat(200)),
        );
        const many = value.map((x) => Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, x])));
        return weighted(
          [odd.map(([x, k]) => ownKeys({ [k]: x })), 3],
          [many, 1],
          [fc.dictionary(fc.string(), this.build(node.value, 'edgy', null), { maxKeys: 4, noNullPrototype: true }), 3],
          [wrong, 1],
        );
      }
      case 'tuple':
        return weighted([fc.tuple(...node.items.map((item) => this.build(item, 'edgy', null))), 3], [wrong, 1]);
      case 'union': {
        const options = node.options.map((option) => this.build(option, 'edgy', key));
        let offList: Arb | null = null;
        const first = node.options[0];
        if (node.discriminator !== null && first !== undefined) {
          const tag = node.discriminator;
          offList = this.build(first, 'valid', key).map((o) =>
            typeof o === 'object' && o !== null ? { ...o, [tag]: 'notAnOption' } : o,
          );
        }
        return weighted([options.length > 0 ? fc.oneof(...options) : null, 4], [offList, 2], [wrong, 1]);
      }
      case 'other':
        return fc.jsonValue({ maxDepth: 3 });
    }
  }

  /** Keys no schema asks for: identity, store internals, prototype names (as JSON.parse makes them: own keys). */
  private extraKeys(): Array<Record<string, unknown>> {
    const foreign = this.hints.foreign?.[0] ?? 'oSomeoneElse00000000000000000';
    return [
      { openid: foreign },
      { ownerOpenid: foreign, _openid: foreign },
      { _id: 'injected-id' },
      { role: 'organizer', contestId: null, grants: [{ role: 'organizer', contestId: null }] },
      JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}') as Record<string, unknown>,
      { constructor: { prototype: { polluted: 'yes' } } },
      { $where: 'sleep(1000)', 'a.b': 1, '': 'empty key' },
    ];
  }
}

/**
 * An arbitrary for one input schema: valid values (40%), valid with edges here and there (40%), and values
 * that are edgy at the top (20%, wrong type, missing keys, past the bounds).
 */
export function schemaArbitrary(schema: unknown, hints: ArbitraryHints = {}): fc.Arbitrary<unknown> {
  const builder = new Builder(hints);
  const node = walkSchema(schema);
  return fc.oneof(
    { arbitrary: builder.build(node, 'valid', null), weight: 4 },
    { arbitrary: builder.build(node, 'mixed', null), weight: 4 },
    { arbitrary: builder.build(node, 'edgy', null), weight: 2 },
  );
}

/** Only the valid mode: to check the generator itself (most of these must pass the schema). */
export function validSchemaArbitrary(schema: unknown, hints: ArbitraryHints = {}): fc.Arbitrary<unknown> {
  return new Builder(hints).build(walkSchema(schema), 'valid', null);
}
