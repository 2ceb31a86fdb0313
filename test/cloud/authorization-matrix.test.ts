/**
 * The authorization matrix, generated from the action table: every action of core/actions.ts × every kind
 * of caller, through the router on the embedded SQLite store. What each cell must answer is derived from
 * the action's `access` (and `globalOnly`) alone, never listed per action, so a new action is in the matrix
 * the moment it is in the table.
 *
 * The router checks the role before it validates input, so every call sends `data: undefined` without a
 * requestId: a caller the gate refuses gets exactly UNAUTHENTICATED / FORBIDDEN; a caller it admits gets any
 * other answer (ok, INVALID_INPUT, NOT_FOUND …), never INTERNAL. No answer may carry another caller's openid,
 * a mobile number the caller does not own, or an ID number.
 */
import { actions } from '@core/actions';
import { ErrorCode } from '@core/errors';
import type { Role, RoleGrant } from '@core/roles';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import { createApi, type Api } from '../../cloudfunctions/router';
import {
  CALLER_KEYS,
  CALLERS_TIME,
  DEMO_MOBILE,
  ENTRANT_ID_NUMBER,
  ENTRANT_MOBILE,
  callerAdminOpenids,
  callerSpecs,
  setUpCallers,
  type CallerKey,
  type CallerWorld,
  type CallerSpec,
} from '../support/callers';
import { testPorts } from '../support/local-ports';

type ActionDefinition = { access: 'public' | 'user' | readonly Role[] };
type Gate = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'admitted';

const callers = callerSpecs();

/** What the gate must do, from the definition alone. */
function expectedGate(def: ActionDefinition, grants: readonly RoleGrant[], signedIn: boolean): Gate {
  if (def.access === 'public') return 'admitted';
  if (!signedIn) return 'UNAUTHENTICATED';
  if (def.access === 'user') return 'admitted';
  const roles = def.access;
  const globalOnly = (def as { globalOnly?: boolean }).globalOnly === true;
  const holds = grants.some((g) => roles.includes(g.role) && (!globalOnly || g.contestId === null));
  return holds ? 'admitted' : 'FORBIDDEN';
}

interface Case {
  action: string;
  caller: CallerKey;
  label: string;
  access: string;
  expected: Gate;
}

const cases: Case[] = Object.keys(actions).flatMap((action) => {
  const def = actions[action as keyof typeof actions] as ActionDefinition;
  const globalOnly = (def as { globalOnly?: boolean }).globalOnly === true;
  const access =
    typeof def.access === 'string' ? def.access : `[${def.access.join(',')}]${globalOnly ? ' global' : ''}`;
  return CALLER_KEYS.map((key) => ({
    action,
    caller: key,
    label: callers[key].label,
    access,
    expected: expectedGate(def, callers[key].grants, callers[key].openid !== null),
  }));
});

/** A valid 18-character 身份证号码 shape (region, birth date, sequence, check), not inside a longer token. */
const ID_NUMBER_PATTERN =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;

/** What `who` must not find in any answer: the other callers' openids and mobiles it does not own. */
function foreignSecrets(who: CallerSpec): string[] {
  const openids = CALLER_KEYS.map((k) => callers[k].openid).filter((o): o is string => o !== null && o !== who.openid);
  const mobiles = who.key === 'entrant' ? [DEMO_MOBILE] : [DEMO_MOBILE, ENTRANT_MOBILE];
  return [...openids, ...mobiles, ENTRANT_ID_NUMBER];
}

let ports: ReturnType<typeof testPorts>;
let api: Api;
let world: CallerWorld;

beforeAll(async () => {
  ports = testPorts({ start: CALLERS_TIME });
  ports.clock.freeze(CALLERS_TIME);
  await seedDemoData(ports);
  api = createApi({
    ports,
    adminOpenids: callerAdminOpenids(),
    runtime: 'local',
    version: 'matrix',
    idHashKey: Buffer.alloc(32, 5),
    idempotency: { keepMs: 3600_000, leaseMs: 5_000, waitMs: 3_000, pollMs: 5 },
  });
  world = await setUpCallers(api, ports);
  // Setting up is not under test: only what the matrix calls may log errors.
  ports.logs.length = 0;
});
afterAll(() => ports.dispose());

test('the matrix covers every action of the table and every caller', () => {
  expect(new Set(cases.map((c) => c.action))).toEqual(new Set(Object.keys(actions)));
  expect(cases).toHaveLength(Object.keys(actions).length * CALLER_KEYS.length);
  // Each kind of gate outcome occurs, so the derivation is not vacuous.
  expect(new Set(cases.map((c) => c.expected))).toEqual(new Set(['admitted', 'UNAUTHENTICATED', 'FORBIDDEN']));
});

test.each(CALLER_KEYS.filter((k) => k !== 'anonymous'))(
  'the fixture gives %s exactly the grants the matrix assumes',
  async (key) => {
    const answer = await api({ action: 'auth.me' }, { openid: callers[key].openid });
    expect(answer.ok).toBe(true);
    const roles = answer.ok ? (answer.data as { roles: RoleGrant[] }).roles : [];
    const seen = roles.map((r) => `${r.role}@${r.contestId ?? '*'}`).sort();
    expect(seen).toEqual(callers[key].grants.map((g) => `${g.role}@${g.contestId ?? '*'}`).sort());
  },
);

const errorCodes = new Set<string>(Object.values(ErrorCode));

async function callWithNoData(caller: CallerKey, action: string) {
  const before = ports.logs.length;
  const answer = await api({ action, data: undefined }, { openid: callers[caller].openid });
  const logged = ports.logs.slice(before).filter((l) => l.level === 'error');
  return { answer, logged, code: answer.ok ? 'ok' : answer.error.code };
}

test.each(cases)('gate: $action ($access) as $label → $expected', async ({ action, caller, expected }) => {
  const { answer, logged, code } = await callWithNoData(caller, action);
  // The wire shape first: ok with data, or an error with a known code and a message.
  expect(answer).toEqual(
    answer.ok
      ? { ok: true, data: expect.anything() }
      : { ok: false, error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) },
  );
  expect(errorCodes.has(code) || code === 'ok').toBe(true);
  if (expected === 'admitted') {
    expect({ code, answer }).toEqual({
      code: expect.not.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN|INTERNAL)$/),
      answer,
    });
    expect(logged).toEqual([]);
  } else {
    expect({ code, answer }).toEqual({ code: expected, answer });
  }
});

/**
 * The answers a caller can get without knowing anything: no data, an empty object, and (for reads) the
 * references every caller can learn (contest A, the entrant's entry). Objects drop unknown keys, so one
 * object of references fits every read that takes some of them.
 */
function probes(action: string): Array<{ name: string; data: unknown }> {
  const list: Array<{ name: string; data: unknown }> = [
    { name: 'no data', data: undefined },
    { name: '{}', data: {} },
  ];
  if (!actions[action as keyof typeof actions].write) {
    list.push({
      name: 'references',
      data: {
        contestId: world.contests.a,
        id: world.contests.a,
        entryId: world.entrantEntryId,
        attachment: 'businessPlan',
      },
    });
  }
  return list;
}

test.each(cases)('no leak: $action as $label', async ({ action, caller }) => {
  const who = callers[caller];
  for (const probe of probes(action)) {
    const answer = await api({ action, data: probe.data }, { openid: who.openid });
    const text = JSON.stringify(answer);
    const found = foreignSecrets(who).filter((secret) => text.includes(secret));
    const idNumbers = text.match(ID_NUMBER_PATTERN) ?? [];
    expect({ probe: probe.name, found, idNumbers: [...idNumbers] }).toEqual({
      probe: probe.name,
      found: [],
      idNumbers: [],
    });
  }
});
