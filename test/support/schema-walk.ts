/**
 * Reads a valibot v1 schema object into a plain tree the fuzzers can generate from. Only the public shape
 * of schema objects is used (`type`, `entries`, `wrapped`, `default`, `item`, `options`, `literal`, `key`,
 * `value`, `items`, `rest`, and `pipe: [schema, ...actions]` whose actions carry `type` and `requirement`).
 * Anything not understood becomes `{ type: 'other' }` with its name, so a new kind of schema degrades to
 * arbitrary JSON instead of breaking the suite.
 */

/** What the actions of a pipe say about a value. */
export interface Constraints {
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  integer: boolean;
  regexes: RegExp[];
  /** Custom checks (`check`, `forward(check)`, `partial_check`): can't be read, only run. */
  checks: number;
  trim: boolean;
  /** `transform` actions: the value the use case gets is not the value sent. */
  transforms: number;
  isoTimestamp: boolean;
  isoDate: boolean;
  /** Action types this walker does not interpret. */
  other: string[];
}

interface Base {
  constraints: Constraints;
  /** The schema object itself, to run (`v.is(raw, value)`) where a rule can't be read. */
  raw: unknown;
}

export type SchemaNode = Base &
  (
    | { type: 'string' }
    | { type: 'number' }
    | { type: 'boolean' }
    | { type: 'literal'; literal: unknown }
    | { type: 'picklist'; options: readonly unknown[] }
    | { type: 'object'; entries: Record<string, SchemaNode>; rest: SchemaNode | null; strict: boolean }
    | {
        type: 'optional' | 'nullable' | 'nullish';
        wrapped: SchemaNode;
        hasDefault: boolean;
      }
    | { type: 'array'; item: SchemaNode }
    | { type: 'record'; key: SchemaNode; value: SchemaNode }
    | { type: 'tuple'; items: SchemaNode[]; rest: SchemaNode | null }
    | { type: 'union'; options: SchemaNode[]; discriminator: string | null }
    | { type: 'other'; name: string }
  );

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null;
}

function emptyConstraints(): Constraints {
  return {
    integer: false,
    regexes: [],
    checks: 0,
    trim: false,
    transforms: 0,
    isoTimestamp: false,
    isoDate: false,
    other: [],
  };
}

function tighten(current: number | undefined, next: unknown, pick: (a: number, b: number) => number) {
  if (typeof next !== 'number') return current;
  return current === undefined ? next : pick(current, next);
}

/** Folds the actions of a pipe (and of the pipes of the schemas it wraps) into constraints. */
function readPipe(schema: Raw, into: Constraints, seen: Set<unknown>): void {
  const pipe = schema.pipe;
  if (!Array.isArray(pipe)) return;
  for (const step of pipe) {
    if (!isRaw(step) || seen.has(step)) continue;
    seen.add(step);
    if (step.kind === 'schema') {
      // pipe[0] is the schema being piped, itself possibly piped: pipe(text(...), regex(...)).
      readPipe(step, into, seen);
      continue;
    }
    const requirement = step.requirement;
    switch (step.type) {
      case 'min_length':
        into.minLength = tighten(into.minLength, requirement, Math.max);
        break;
      case 'max_length':
        into.maxLength = tighten(into.maxLength, requirement, Math.min);
        break;
      case 'length':
        into.minLength = tighten(into.minLength, requirement, Math.max);
        into.maxLength = tighten(into.maxLength, requirement, Math.min);
        break;
      case 'min_value':
        into.minValue = tighten(into.minValue, requirement, Math.max);
        break;
      case 'max_value':
        into.maxValue = tighten(into.maxValue, requirement, Math.min);
        break;
      case 'integer':
      case 'safe_integer':
        into.integer = true;
        if (step.type === 'safe_integer') {
          into.minValue = tighten(into.minValue, Number.MIN_SAFE_INTEGER, Math.max);
          into.maxValue = tighten(into.maxValue, Number.MAX_SAFE_INTEGER, Math.min);
        }
        break;
      case 'regex':
        if (requirement instanceof RegExp) into.regexes.push(requirement);
        break;
      case 'check':
      case 'partial_check':
      case 'raw_check':
        into.checks += 1;
        break;
      case 'trim':
        into.trim = true;
        break;
      case 'transform':
      case 'raw_transform':
      case 'to_upper_case':
      case 'to_lower_case':
        into.transforms += 1;
        break;
      case 'iso_timestamp':
        into.isoTimestamp = true;
        break;
      case 'iso_date':
        into.isoDate = true;
        break;
      default:
        into.other.push(String(step.type));
    }
  }
}

/** The tree of one schema. Recursion only follows schema objects, never values, so it ends. */
export function walkSchema(schema: unknown): SchemaNode {
  if (!isRaw(schema)) return { type: 'other', name: typeof schema, constraints: emptyConstraints(), raw: schema };
  const constraints = emptyConstraints();
  readPipe(schema, constraints, new Set([schema]));
  const base = { constraints, raw: schema };
  const type = String(schema.type);
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      return { ...base, type };
    case 'literal':
      return { ...base, type: 'literal', literal: schema.literal };
    case 'null':
      return { ...base, type: 'literal', literal: null };
    case 'picklist':
      return { ...base, type: 'picklist', options: Array.isArray(schema.options) ? schema.options : [] };
    case 'enum':
      return { ...base, type: 'picklist', options: isRaw(schema.enum) ? Object.values(schema.enum) : [] };
    case 'object':
    case 'loose_object':
    case 'strict_object':
    case 'object_with_rest': {
      const entries: Record<string, SchemaNode> = {};
      if (isRaw(schema.entries)) {
        for (const [key, entry] of Object.entries(schema.entries)) entries[key] = walkSchema(entry);
      }
      const rest = type === 'object_with_rest' ? walkSchema(schema.rest) : null;
      return { ...base, type: 'object', entries, rest, strict: type === 'strict_object' };
    }
    case 'optional':
    case 'exact_optional':
    case 'undefinedable':
    case 'nullable':
    case 'nullish': {
      const kind = type === 'nullable' ? 'nullable' : type === 'nullish' ? 'nullish' : 'optional';
      return { ...base, type: kind, wrapped: walkSchema(schema.wrapped), hasDefault: schema.default !== undefined };
    }
    case 'array':
      return { ...base, type: 'array', item: walkSchema(schema.item) };
    case 'record':
      return { ...base, type: 'record', key: walkSchema(schema.key), value: walkSchema(schema.value) };
    case 'tuple':
    case 'loose_tuple':
    case 'strict_tuple':
    case 'tuple_with_rest':
      return {
        ...base,
        type: 'tuple',
        items: Array.isArray(schema.items) ? schema.items.map((item) => walkSchema(item)) : [],
        rest: type === 'tuple_with_rest' ? walkSchema(schema.rest) : null,
      };
    case 'variant':
    case 'union':
      return {
        ...base,
        type: 'union',
        options: Array.isArray(schema.options) ? schema.options.map((option) => walkSchema(option)) : [],
        discriminator: type === 'variant' && typeof schema.key === 'string' ? schema.key : null,
      };
    default:
      return { ...base, type: 'other', name: type };
  }
}

/** Every node of a tree, depth first (for coverage checks: which kinds of schema an action uses). */
export function* nodesOf(node: SchemaNode): Generator<SchemaNode> {
  yield node;
  switch (node.type) {
    case 'object':
      for (const entry of Object.values(node.entries)) yield* nodesOf(entry);
      if (node.rest) yield* nodesOf(node.rest);
      break;
    case 'optional':
    case 'nullable':
    case 'nullish':
      yield* nodesOf(node.wrapped);
      break;
    case 'array':
      yield* nodesOf(node.item);
      break;
    case 'record':
      yield* nodesOf(node.key);
      yield* nodesOf(node.value);
      break;
    case 'tuple':
      for (const item of node.items) yield* nodesOf(item);
      if (node.rest) yield* nodesOf(node.rest);
      break;
    case 'union':
      for (const option of node.options) yield* nodesOf(option);
      break;
    default:
      break;
  }
}
