/**
 * Every action's input, fuzzed through the router on the embedded SQLite store seeded with the demo data
 * (seedDemoData + seedJudgingDemo) and the shared callers (test/support/callers.ts), for four callers:
 * anonymous, an entrant, a judge of contest A (with assignments), the global organizer.
 *
 * Whatever comes in, the answer is `{ ok: true, data }` or `{ ok: false, error: { code, message } }` with a
 * known code other than INTERNAL, never a stack trace, and nothing is logged as an error. Inputs: arbitrary
 * JSON, values shaped by the action's own schema (test/support/schema-arbitrary.ts), wrong types for
 * `action` and `requestId`, a 200,000-deep array, prototype-named keys.
 *
 * Reproducible: fast-check runs with a fixed seed per property, derived from FC_SEED (default below) and the
 * test's name; a failure prints the shrunk counterexample and its seed. Writes that succeed stay in the store
 * (one store per caller group), so run the file whole to replay a failure.
 */
import fc from 'fast-check';
import { actions } from '@core/actions';
import { ErrorCode } from '@core/errors';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import { seedJudgingDemo } from '../../cloudfunctions/local/seed-judging';
import { createApi, type Api } from '../../cloudfunctions/router';
import { C } from '../../cloudfunctions/usecases/collections';
import { validate } from '@core/validation';
import {
  CALLERS_TIME,
  CALLER_OPENIDS,
  DEMO_MOBILE,
  ENTRANT_MOBILE,
  callerAdminOpenids,
  setUpCallers,
  type CallerKey,
  type CallerWorld,
} from '../support/callers';
import { call, ok, roundFixture } from '../support/judging-fixtures';
import { testPorts } from '../support/local-ports';
import { creditCodeFixture, idNumber } from '../support/registration-fixtures';
import { schemaArbitrary, validSchemaArbitrary, type ArbitraryHints } from '../support/schema-arbitrary';

const FC_SEED = Number(process.env.FC_SEED ?? 20261126);
const RUNS = {
  json: Number(process.env.FC_RUNS_JSON ?? 40),
  schema: Number(process.env.FC_RUNS_SCHEMA ?? 120),
  wire: Number(process.env.FC_RUNS_WIRE ?? 150),
};
const FUZZ_CALLERS = ['anonymous', 'entrant', 'judgeA', 'globalOrganizer'] as const satisfies readonly CallerKey[];
const ACTIONS = Object.keys(actions) as Array<keyof typeof actions>;
const CODES = new Set<string>(Object.values(ErrorCode));

jest.setTimeout(120_000);

/** FNV-1a: a stable seed per property, so adding a test doesn't move the others' seeds. */
function seedFor(name: string): number {
  let h = 0x811c9dc5 ^ FC_SEED;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function params<T>(name: string, numRuns: number): fc.Parameters<T> {
  return { seed: seedFor(name), numRuns, verbose: 1 };
}

/** JSON of an answer, or why it has none. */
function serialize(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch (error) {
    return `<not serializable: ${String(error).slice(0, 200)}>`;
  }
}

function preview(value: unknown): string {
  const text = serialize(value);
  return text.length > 1500 ? `${text.slice(0, 1500)}…(${text.length} chars)` : text;
}

/** What is wrong with an answer, as sentences; empty when nothing is. */
function wireProblems(answer: unknown): string[] {
  const problems: string[] = [];
  if (typeof answer !== 'object' || answer === null) return [`answer is not an object: ${preview(answer)}`];
  const record = answer as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(',');
  if (record.ok === true) {
    if (keys !== 'data,ok') problems.push(`ok answer has keys ${keys}`);
  } else if (record.ok === false) {
    if (keys !== 'error,ok') problems.push(`error answer has keys ${keys}`);
    const error = record.error as Record<string, unknown> | null | undefined;
    if (typeof error !== 'object' || error === null) problems.push('error is not an object');
    else {
      if (typeof error.code !== 'string' || !CODES.has(error.code)) problems.push(`unknown code ${String(error.code)}`);
      if (error.code === ErrorCode.INTERNAL) problems.push('answered INTERNAL');
      if (typeof error.message !== 'string' || error.message === '') problems.push('error has no message');
      const extra = Object.keys(error).filter((k) => !['code', 'message', 'details'].includes(k));
      if (extra.length > 0) problems.push(`error has keys ${extra.join(',')}`);
    }
  } else problems.push(`ok is ${String(record.ok)}`);
  const text = serialize(answer);
  if (text.startsWith('<not serializable')) problems.push(text);
  if (/\n\s+at /.test(text) || text.includes('.ts:')) problems.push('answer carries a stack trace');
  if (text.includes(process.cwd())) problems.push('answer carries a server path');
  return problems;
}

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function deepObject(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Prototype-named keys as JSON.parse makes them: own properties, no prototype change. */
const PROTO_VALUES: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":null,"constructor":null,"prototype":null,"toString":"x","hasOwnProperty":1}'),
  JSON.parse('{"a":{"__proto__":{"polluted":"yes"}},"b":[{"constructor":{"prototype":{"polluted":"yes"}}}]}'),
];

const requestIds = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 10 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), weight: 6 },
  // The same id again and again: repeats and REQUEST_ID_REUSED.
  { arbitrary: fc.constant('fuzz-request-0001'), weight: 1 },
);

const wrongRequestIds = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', 'short', 'x'.repeat(65), 'has space 123', '请求编号请求编号', '__proto__', 'a'.repeat(10_000)),
  fc.constantFrom(12345678, 1e308, -0, true, null, [], {}, ['fuzz-request-0001'], { toString: 'fuzz-request-0001' }),
);

const wrongActions = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(...ACTIONS).chain((name) =>
    fc.constantFrom(name.toUpperCase(), ` ${name}`, `${name} `, `${name}\u0000`, name.replace('.', '/'), [name], {
      action: name,
    }),
  ),
  fc.constantFrom('', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'prototype'),
  fc.constantFrom({ toString: 1 }, { toString: 'system.health' }, { valueOf: 1, toString: 1 }, [[[[]]]], 1e308, -0),
);

const jsonData = fc.oneof(
  fc.jsonValue({ maxDepth: 64, depthSize: 'large' }),
  fc.jsonValue({ maxDepth: 8, stringUnit: 'grapheme' }),
  fc.jsonValue({ maxDepth: 8, stringUnit: 'binary' }),
);

interface Group {
  api: Api;
  ports: ReturnType<typeof testPorts>;
  world: CallerWorld;
  hints: ArbitraryHints;
}

async function openGroup(): Promise<Group> {
  const ports = testPorts({ start: CALLERS_TIME });
  ports.clock.freeze(CALLERS_TIME);
  await seedDemoData(ports);
  await seedJudgingDemo(ports);
  const api = createApi({
    ports,
    adminOpenids: callerAdminOpenids(),
    runtime: 'local',
    version: 'fuzz',
    idHashKey: Buffer.alloc(32, 9),
    idempotency: { keepMs: 3600_000, leaseMs: 5_000, waitMs: 3_000, pollMs: 5 },
  });
  const world = await setUpCallers(api, ports);
  // A round in contest A with the judge of A assigned, so judge actions reach assignments.
  const organizer = { openid: CALLER_OPENIDS.globalOrganizer };
  const { round } = await ok<{ round: { id: string } }>(
    call(api, organizer, 'admin.round.upsert', roundFixture(world.contests.a, { judgesPerEntry: 1 })),
  );
  await ok(call(api, organizer, 'admin.round.assign', { roundId: round.id, seed: 'fuzz' }));
  const hints = await collectHints(ports, world);
  ports.logs.length = 0;
  return { api, ports, world, hints };
}

/** Ids and values the store holds, so schema-shaped inputs name things that exist. */
async function collectHints(ports: ReturnType<typeof testPorts>, world: CallerWorld): Promise<ArbitraryHints> {
  const ids = async (collection: string) =>
    (await ports.db.collection<{ _id: string }>(collection).find({}, { limit: 100 })).map((d) => d._id);
  const rounds = await ports.db
    .collection<{ _id: string; rubric?: { criteria?: Array<{ key: string; name: string }> } }>(C.rounds)
    .find({}, { limit: 50 });
  const sessions = await ports.db.collection<{ _id: string; key?: string }>(C.sessions).find({}, { limit: 50 });
  const contests = await ids(C.contests);
  const editions = await ids(C.editions);
  const entries = await ids(C.entries);
  const lists = await ids(C.resultLists);
  const articles = await ids(C.articles);
  const institutions = await ids(C.institutions);
  const objections = await ids(C.objections);
  const invites = await ids(C.judgeInvites);
  const roundIds = rounds.map((r) => r._id);
  const criteria = rounds.flatMap((r) => r.rubric?.criteria?.map((c) => c.key) ?? []);
  return {
    byKey: {
      contestId: contests,
      editionId: editions,
      entryId: [world.entrantEntryId, ...world.otherEntryIds, ...entries],
      roundId: roundIds,
      listId: lists,
      code: invites,
      key: sessions.flatMap((s) => (typeof s.key === 'string' ? [s.key] : [])),
      id: [...contests, ...editions, ...articles, ...lists, ...institutions, ...objections],
    },
    strings: [
      ...new Set([
        ...contests,
        ...roundIds,
        ...criteria,
        creditCodeFixture(41),
        creditCodeFixture(42),
        idNumber(41),
        DEMO_MOBILE,
        ENTRANT_MOBILE,
        '+86 139 0000 1111',
        'judge@example.com',
        'ＡＢＣ＠ＥＸＡＭＰＬＥ．ＣＯＭ',
        '2026-11-26T10:00:00+08:00',
        '2026-12-31',
      ]),
    ],
    foreign: [CALLER_OPENIDS.newUser, CALLER_OPENIDS.judgeB],
  };
}

test('the schema-shaped generator gets past validation for every action', () => {
  // Hints as a caller group would have them, without a store: the generator alone must manage often enough.
  const hints: ArbitraryHints = {
    strings: [creditCodeFixture(41), idNumber(41), DEMO_MOBILE, 'judge@example.com', 'ABCDEFGH', 'sh-2024', 'c1'],
  };
  const rates = ACTIONS.map((action) => {
    const input = actions[action].input;
    const samples = fc.sample(validSchemaArbitrary(input, hints), { numRuns: 50, seed: seedFor(`rate|${action}`) });
    return { action, valid: samples.filter((s) => validate(input, s).ok).length };
  });
  expect(rates.filter((r) => r.valid < 5)).toEqual([]);
});

describe.each(FUZZ_CALLERS)('as %s', (callerKey) => {
  let group: Group;
  const identity = { openid: callerKey === 'anonymous' ? null : CALLER_OPENIDS[callerKey] };

  beforeAll(async () => {
    group = await openGroup();
  });
  /** Answers per action and code, printed with FUZZ_STATS=1: shows how far the inputs get. */
  const stats = new Map<string, Map<string, number>>();
  afterAll(() => {
    group.ports.dispose();
    if (process.env.FUZZ_STATS) {
      const lines = [...stats].map(
        ([a, codes]) => `${a.padEnd(28)} ${[...codes].map(([c, n]) => `${c}:${n}`).join(' ')}`,
      );
      process.stdout.write(`\n[fuzz stats as ${callerKey}]\n${lines.join('\n')}\n`);
    }
  });

  /** One call; throws (for fast-check to shrink, for jest to name) when the answer or the log is wrong. */
  async function check(event: unknown, what: string): Promise<void> {
    const { api, ports } = group;
    ports.logs.length = 0;
    const answer = await api(event, identity);
    if (process.env.FUZZ_STATS) {
      const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : null;
      const name = typeof action === 'string' && Object.hasOwn(actions, action) ? action : '(other)';
      const code = answer.ok ? 'ok' : answer.error.code;
      const codes = stats.get(name) ?? new Map<string, number>();
      codes.set(code, (codes.get(code) ?? 0) + 1);
      stats.set(name, codes);
    }
    const problems = wireProblems(answer);
    const errors = ports.logs.filter((l) => l.level === 'error');
    if (errors.length > 0) problems.push(`logged ${errors.length} error(s): ${preview(errors).slice(0, 1200)}`);
    const polluted = ['polluted', 'isAdmin'].filter((k) => Object.prototype.hasOwnProperty.call(Object.prototype, k));
    if (polluted.length > 0) {
      for (const k of polluted) delete (Object.prototype as Record<string, unknown>)[k];
      problems.push(`Object.prototype polluted with ${polluted.join(',')}`);
    }
    if (problems.length > 0) {
      throw new Error(`${what} as ${callerKey}: ${problems.join('; ')}\nanswer: ${preview(answer)}`);
    }
  }

  function event(action: unknown, data: unknown, requestId: unknown): Record<string, unknown> {
    return requestId === undefined ? { action, data } : { action, data, requestId };
  }

  test.each(ACTIONS)('%s: arbitrary JSON data', async (action) => {
    await fc.assert(
      fc.asyncProperty(jsonData, requestIds, (data, requestId) => check(event(action, data, requestId), action)),
      params(`${callerKey}|${action}|json`, RUNS.json),
    );
  });

  test.each(ACTIONS)('%s: schema-shaped data', async (action) => {
    const arbitrary = schemaArbitrary(actions[action].input, group.hints);
    await fc.assert(
      fc.asyncProperty(arbitrary, requestIds, (data, requestId) => check(event(action, data, requestId), action)),
      params(`${callerKey}|${action}|schema`, RUNS.schema),
    );
  });

  test.each(ACTIONS)('%s: a 200,000-deep array, a deep object, prototype-named keys', async (action) => {
    await check(event(action, deepArray(200_000), undefined), `${action} with a 200,000-deep array as data`);
    await check(event(action, deepObject(200_000), undefined), `${action} with a 200,000-deep object as data`);
    for (const [i, value] of PROTO_VALUES.entries()) {
      await check(event(action, value, undefined), `${action} with prototype-named keys #${i}`);
    }
    // The same keys on valid-looking input, where the use case gets to see them.
    const samples = fc.sample(validSchemaArbitrary(actions[action].input, group.hints), {
      numRuns: PROTO_VALUES.length,
      seed: seedFor(`${callerKey}|${action}|proto`),
    });
    for (const [i, sample] of samples.entries()) {
      const withKeys =
        typeof sample === 'object' && sample !== null && !Array.isArray(sample)
          ? { ...sample, ...(PROTO_VALUES[i] as object) }
          : sample;
      await check(event(action, withKeys, undefined), `${action} with prototype-named keys on valid input #${i}`);
    }
  });

  test('wrong types for requestId, on every action', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTIONS), wrongRequestIds, fc.jsonValue({ maxDepth: 2 }), (a, r, d) =>
        check({ action: a, data: d, requestId: r }, `${a} with a wrong requestId`),
      ),
      params(`${callerKey}|requestId`, RUNS.wire),
    );
  });

  test('wrong types for action', async () => {
    await fc.assert(
      fc.asyncProperty(wrongActions, fc.jsonValue({ maxDepth: 2 }), requestIds, (a, d, r) =>
        check(event(a, d, r), 'a wrong action'),
      ),
      params(`${callerKey}|action`, RUNS.wire),
    );
  });

  test('a 200,000-deep array (and object) as the action itself', async () => {
    await check({ action: deepArray(200_000), data: {} }, 'a 200,000-deep array as action');
    await check({ action: deepObject(200_000), data: {} }, 'a 200,000-deep object as action');
  });

  test('events that are not objects', async () => {
    for (const e of [
      undefined,
      null,
      0,
      -0,
      1e308,
      '',
      'system.health',
      true,
      [],
      ['system.health'],
      deepArray(1000),
    ]) {
      await check(e, `event ${preview(e).slice(0, 40)}`);
    }
  });
});
