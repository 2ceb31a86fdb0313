import fc from 'fast-check';
import { planAssignment } from '../../../core/judging/assign-judges';
import { hasConflict } from '../../../core/judging/conflicts';
import type { AssignmentInput, AssignmentPlan, ExistingAssignment } from '../../../core/judging/types';
import { entry, judge, loadsAchievable, spread } from './fixtures';

const pair = (entryId: string, judgeId: string) => `${entryId}|${judgeId}`;

/** The active pairs after the plan: existing scored and pending (of known entries and judges), minus removes, plus adds. */
function activeAfter(input: AssignmentInput, plan: AssignmentPlan): Map<string, Set<string>> {
  const entries = new Set(input.entries.map((e) => e.id));
  const judges = new Set(input.judges.map((j) => j.id));
  const removed = new Set(plan.remove.map((r) => pair(r.entryId, r.judgeId)));
  const active = new Map(input.entries.map((e) => [e.id, new Set<string>()]));
  for (const a of input.existing) {
    if (a.state === 'recused' || !entries.has(a.entryId) || !judges.has(a.judgeId)) continue;
    if (!removed.has(pair(a.entryId, a.judgeId))) active.get(a.entryId)!.add(a.judgeId);
  }
  for (const a of plan.add) {
    expect(active.get(a.entryId)!.has(a.judgeId)).toBe(false); // never adds a pair that is already active
    active.get(a.entryId)!.add(a.judgeId);
  }
  return active;
}

/** Invariants every plan must keep, whatever the input. */
function checkPlan(input: AssignmentInput, plan: AssignmentPlan): Map<string, Set<string>> {
  const entryById = new Map(input.entries.map((e) => [e.id, e]));
  const judgeById = new Map(input.judges.map((j) => [j.id, j]));
  const state = new Map(input.existing.map((a) => [pair(a.entryId, a.judgeId), a.state]));
  const adds = new Set<string>();
  for (const a of plan.add) {
    const e = entryById.get(a.entryId)!;
    const j = judgeById.get(a.judgeId)!;
    expect(e).toBeDefined();
    expect(j).toBeDefined();
    expect(hasConflict(j.conflicts, e)).toBe(false);
    expect(state.get(pair(a.entryId, a.judgeId))).not.toBe('recused');
    expect(a.expert).toBe(j.expertise.includes(e.field));
    expect(adds.has(pair(a.entryId, a.judgeId))).toBe(false);
    adds.add(pair(a.entryId, a.judgeId));
  }
  for (const r of plan.remove) {
    expect(state.get(pair(r.entryId, r.judgeId))).toBe('pending'); // scored and recused pairs are never removed
    const e = entryById.get(r.entryId);
    const j = judgeById.get(r.judgeId);
    if (e === undefined || j === undefined) expect(r.reason).toBe('gone');
    else expect(r.reason).toBe(hasConflict(j.conflicts, e) ? 'conflict' : 'rebalance');
  }
  // Every pending pair that is still allowed and not rebalanced stays; every scored pair stays.
  const active = activeAfter(input, plan);
  for (const a of input.existing) {
    const known = entryById.has(a.entryId) && judgeById.has(a.judgeId);
    if (a.state === 'scored' && known) expect(active.get(a.entryId)!.has(a.judgeId)).toBe(true);
    if (a.state === 'recused' && known) expect(active.get(a.entryId)!.has(a.judgeId)).toBe(false);
  }
  const loads: Record<string, number> = Object.fromEntries(input.judges.map((j) => [j.id, 0]));
  for (const judges of active.values()) for (const j of judges) loads[j] = (loads[j] ?? 0) + 1;
  expect(plan.loads).toEqual(loads);
  const short = input.entries
    .filter((e) => active.get(e.id)!.size < input.k)
    .map((e) => ({ entryId: e.id, missing: input.k - active.get(e.id)!.size }));
  expect(plan.short).toEqual(short);
  return active;
}

test('a fresh round: k distinct judges per entry, conflicts respected, loads even', () => {
  const input: AssignmentInput = {
    entries: [
      entry('e1', { orgName: '上海甲乙科技有限公司' }),
      entry('e2'),
      entry('e3', { field: '新材料' }),
      entry('e4', { field: '新材料', creditCode: '91310000MA1FL1234X' }),
    ],
    judges: [
      judge('A', { expertise: ['智能制造'] }),
      judge('B', { expertise: ['新材料'] }),
      judge('C'),
      judge('D', { conflicts: { names: ['甲乙'], creditCodes: ['91310000ma1fl1234x'] } }),
    ],
    k: 2,
    seed: 'round-1',
    existing: [],
  };
  const plan = planAssignment(input);
  const active = checkPlan(input, plan);
  expect([...active.values()].map((s) => s.size)).toEqual([2, 2, 2, 2]);
  expect(active.get('e1')!.has('D')).toBe(false);
  expect(active.get('e4')!.has('D')).toBe(false);
  expect(plan.loads).toEqual({ A: 2, B: 2, C: 2, D: 2 });
  expect(plan.remove).toEqual([]);
  expect(plan.short).toEqual([]);
  expect(plan.add).toHaveLength(8);
});

test('an expert is preferred: of two entries in their field the only expert gets one, loads staying even, whatever the seed', () => {
  // Two entries of one field, one expert among four judges, k = 1: the ceiling is ⌈2/4⌉ = 1, so the expert
  // takes exactly one of them, whatever the seed.
  for (let s = 0; s < 20; s++) {
    const plan = planAssignment({
      entries: [entry('e1'), entry('e2')],
      judges: [judge('W'), judge('X', { expertise: ['智能制造'] }), judge('Y'), judge('Z')],
      k: 1,
      seed: `seed-${s}`,
      existing: [],
    });
    expect(plan.loads.X).toBe(1);
    expect(plan.add.filter((a) => a.expert).map((a) => a.judgeId)).toEqual(['X']);
  }
});

test('a top-up keeps scored pairs (even conflicted ones), drops conflicted and gone pending pairs, never re-adds a recusal', () => {
  const input: AssignmentInput = {
    entries: [entry('e1', { orgName: '甲乙科技有限公司' }), entry('e2', { orgName: '甲乙生物有限公司' })],
    judges: [judge('A'), judge('B', { conflicts: { names: ['甲乙'], creditCodes: [] } }), judge('C')],
    k: 2,
    seed: 'top-up',
    existing: [
      { entryId: 'e1', judgeId: 'A', state: 'scored' },
      { entryId: 'e1', judgeId: 'B', state: 'pending' },
      { entryId: 'e2', judgeId: 'A', state: 'pending' },
      { entryId: 'e2', judgeId: 'B', state: 'scored' },
      { entryId: 'e2', judgeId: 'C', state: 'recused' },
      { entryId: 'withdrawn', judgeId: 'A', state: 'pending' },
      { entryId: 'withdrawn', judgeId: 'C', state: 'scored' },
      { entryId: 'e1', judgeId: 'retired', state: 'pending' },
    ],
  };
  const plan = planAssignment(input);
  checkPlan(input, plan);
  expect(plan).toEqual({
    add: [{ entryId: 'e1', judgeId: 'C', expert: false }],
    remove: [
      { entryId: 'e1', judgeId: 'B', reason: 'conflict' },
      { entryId: 'e1', judgeId: 'retired', reason: 'gone' },
      { entryId: 'withdrawn', judgeId: 'A', reason: 'gone' },
    ],
    short: [],
    loads: { A: 2, B: 1, C: 1 },
  });
});

test('a new judge takes pending pairs off an overloaded one: remove for rebalance, add for the newcomer', () => {
  const existing: ExistingAssignment[] = ['e1', 'e2', 'e3', 'e4'].map((id) => ({
    entryId: id,
    judgeId: 'A',
    state: 'pending',
  }));
  existing.push({ entryId: 'e5', judgeId: 'A', state: 'scored' });
  const input: AssignmentInput = {
    entries: ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => entry(id)),
    judges: [judge('A'), judge('B')],
    k: 1,
    seed: 's',
    existing,
  };
  const plan = planAssignment(input);
  checkPlan(input, plan);
  expect(plan.loads).toEqual({ A: 3, B: 2 });
  expect(plan.remove.map((r) => [r.judgeId, r.reason])).toEqual([
    ['A', 'rebalance'],
    ['A', 'rebalance'],
  ]);
  expect(plan.add.map((a) => a.entryId)).toEqual(plan.remove.map((r) => r.entryId));
  expect(plan.add.every((a) => a.judgeId === 'B')).toBe(true);
  expect(plan.remove.some((r) => r.entryId === 'e5')).toBe(false);
});

test('keepPending (a re-run of a round in progress) only tops up: pending pairs stay, new work goes to the least loaded', () => {
  const existing: ExistingAssignment[] = ['e1', 'e2', 'e3', 'e4'].map((id) => ({
    entryId: id,
    judgeId: 'A',
    state: 'pending',
  }));
  existing.push({ entryId: 'e2', judgeId: 'B', state: 'pending' });
  const input: AssignmentInput = {
    entries: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => entry(id, id === 'e6' ? { orgName: '甲乙科技' } : {})),
    judges: [judge('A'), judge('B', { conflicts: { names: ['甲乙'], creditCodes: [] } }), judge('C')],
    k: 1,
    seed: 's',
    existing,
    keepPending: true,
  };
  const plan = planAssignment(input);
  checkPlan(input, plan);
  expect(plan.remove).toEqual([]);
  // e5 and e6 are new: C (load 0) takes both; B is conflicted with e6 anyway.
  expect(plan.add).toEqual([
    { entryId: 'e5', judgeId: 'C', expert: false },
    { entryId: 'e6', judgeId: 'C', expert: false },
  ]);
  expect(plan.loads).toEqual({ A: 4, B: 1, C: 2 });
  // Without it, the same input moves A's pending work to even the loads out.
  const fresh = planAssignment({ ...input, keepPending: false });
  expect(fresh.remove.length).toBeGreaterThan(0);
});

test('entries with more than k judges keep them; entries without enough eligible judges are short', () => {
  const input: AssignmentInput = {
    entries: [entry('e1'), entry('e2', { orgName: '甲乙科技' })],
    judges: [judge('A'), judge('B'), judge('C', { conflicts: { names: ['甲乙'], creditCodes: [] } })],
    k: 3,
    seed: 's',
    existing: [
      { entryId: 'e1', judgeId: 'A', state: 'pending' },
      { entryId: 'e1', judgeId: 'B', state: 'pending' },
      { entryId: 'e1', judgeId: 'C', state: 'pending' },
    ],
  };
  const plan = planAssignment(input);
  const active = checkPlan(input, plan);
  expect(active.get('e1')!.size).toBe(3);
  expect(plan.short).toEqual([{ entryId: 'e2', missing: 1 }]);
  const fewer = planAssignment({ ...input, k: 2 });
  expect(checkPlan({ ...input, k: 2 }, fewer).get('e1')!.size).toBe(3);
  expect(planAssignment({ ...input, judges: [] }).short).toEqual([
    { entryId: 'e1', missing: 3 },
    { entryId: 'e2', missing: 3 },
  ]);
});

test('bad input is refused', () => {
  const base: AssignmentInput = { entries: [entry('e1')], judges: [judge('A')], k: 1, seed: 's', existing: [] };
  expect(() => planAssignment({ ...base, k: -1 })).toThrow(RangeError);
  expect(() => planAssignment({ ...base, k: 1.5 })).toThrow(RangeError);
  expect(() => planAssignment({ ...base, entries: [entry('e1'), entry('e1')] })).toThrow(RangeError);
  expect(() => planAssignment({ ...base, judges: [judge('A'), judge('A')] })).toThrow(RangeError);
  expect(planAssignment({ ...base, k: 0 })).toEqual({ add: [], remove: [], short: [], loads: { A: 0 } });
});

// ---- properties ----

const BRANDS = ['华创', '远博', '星辰', '云图', '恒瑞'];
const FIELDS = ['智能制造', '新材料', '生物医药'];

/** A fresh round whose judges may conflict with entries, plus `spare` clean judges beyond k + max conflicts. */
function round(spare: (k: number) => number) {
  return fc
    .record({
      entries: fc.array(
        fc.record({ brand: fc.constantFrom(...BRANDS), field: fc.constantFrom(...FIELDS), coded: fc.boolean() }),
        { minLength: 1, maxLength: 12 },
      ),
      judges: fc.array(
        fc.record({
          names: fc.subarray(BRANDS, { maxLength: 2 }),
          codes: fc.array(fc.nat({ max: 11 }), { maxLength: 1 }),
          expertise: fc.subarray(FIELDS),
        }),
        { maxLength: 6 },
      ),
      k: fc.integer({ min: 1, max: 3 }),
      seed: fc.string({ maxLength: 6 }),
    })
    .map(({ entries, judges, k, seed }) => {
      const es = entries.map((e, i) =>
        entry(`e${i}`, {
          field: e.field,
          orgName: `上海${e.brand}科技有限公司`,
          creditCode: e.coded ? `CODE${i}` : null,
        }),
      );
      const js = judges.map((j, i) =>
        judge(`j${i}`, {
          expertise: j.expertise,
          conflicts: { names: j.names, creditCodes: j.codes.map((c) => `code${c}`) },
        }),
      );
      const maxConflicts = Math.max(0, ...es.map((e) => js.filter((j) => hasConflict(j.conflicts, e)).length));
      const wanted = k + maxConflicts + spare(k);
      for (let i = js.length; i < wanted; i++) js.push(judge(`j${i}`, { expertise: [FIELDS[i % 3]!] }));
      return { entries: es, judges: js, k, seed, existing: [] as ExistingAssignment[] } satisfies AssignmentInput;
    });
}

/** Whether loads within one are possible at all, given conflicts, recusals and fixed (scored) pairs. */
function withinOneAchievable(input: AssignmentInput): boolean {
  const eIndex = new Map(input.entries.map((e, i) => [e.id, i]));
  const jIndex = new Map(input.judges.map((j, i) => [j.id, i]));
  const state = new Map(input.existing.map((a) => [pair(a.entryId, a.judgeId), a.state]));
  const fixed = input.judges.map(() => 0);
  const need = input.entries.map(() => input.k);
  for (const a of input.existing) {
    if (a.state !== 'scored') continue;
    fixed[jIndex.get(a.judgeId)!]! += 1;
    need[eIndex.get(a.entryId)!]! -= 1;
  }
  const total = input.k * input.entries.length;
  const J = input.judges.length;
  return loadsAchievable({
    items: input.entries.length,
    judges: J,
    free: (i, j) => {
      const e = input.entries[i]!;
      const jd = input.judges[j]!;
      const s = state.get(pair(e.id, jd.id));
      return s !== 'scored' && s !== 'recused' && !hasConflict(jd.conflicts, e);
    },
    need,
    fixed,
    lo: Math.floor(total / J),
    hi: Math.ceil(total / J),
  });
}

test('fresh plans: no conflicted judge, k distinct judges per entry, loads within one whenever achievable', () => {
  let achievable = 0;
  fc.assert(
    fc.property(
      round(() => 1),
      (input) => {
        const plan = planAssignment(input);
        const active = checkPlan(input, plan);
        for (const judges of active.values()) expect(judges.size).toBe(input.k);
        expect(plan.short).toEqual([]);
        if (withinOneAchievable(input)) {
          achievable++;
          expect(spread(plan.loads)).toBeLessThanOrEqual(1);
        }
      },
    ),
    { numRuns: 150 },
  );
  // The oracle must not make the load check vacuous.
  expect(achievable).toBeGreaterThan(100);
});

test('fresh plans with too few judges: each entry gets every eligible judge up to k, the rest is reported short', () => {
  fc.assert(
    fc.property(
      round(() => -3),
      (input) => {
        const plan = planAssignment(input);
        const active = checkPlan(input, plan);
        for (const e of input.entries) {
          const eligible = input.judges.filter((j) => !hasConflict(j.conflicts, e)).length;
          expect(active.get(e.id)!.size).toBe(Math.min(input.k, eligible));
        }
      },
    ),
    { numRuns: 100 },
  );
});

test('top-ups after recusals and new judges: scored pairs stay, recusals never return, k per entry, loads within one when achievable', () => {
  const scenario = fc
    .tuple(
      round((k) => k + 1),
      fc.array(
        fc.constantFrom('scored', 'pending', 'pending', 'recused') as fc.Arbitrary<ExistingAssignment['state']>,
        {
          minLength: 36,
          maxLength: 36,
        },
      ),
      fc.array(fc.record({ names: fc.subarray(BRANDS, { maxLength: 1 }), expertise: fc.subarray(FIELDS) }), {
        maxLength: 3,
      }),
      fc.string({ maxLength: 4 }),
    )
    .map(([input, states, newcomers, seed]) => {
      const first = planAssignment(input);
      const existing = first.add.map((a, i) => ({
        entryId: a.entryId,
        judgeId: a.judgeId,
        state: states[i % states.length]!,
      }));
      const judges = [
        ...input.judges,
        ...newcomers.map((n, i) =>
          judge(`new${i}`, { expertise: n.expertise, conflicts: { names: n.names, creditCodes: [] } }),
        ),
      ];
      return { ...input, judges, existing, seed } satisfies AssignmentInput;
    });
  let achievable = 0;
  fc.assert(
    fc.property(scenario, (input) => {
      const plan = planAssignment(input);
      const active = checkPlan(input, plan);
      for (const judges of active.values()) expect(judges.size).toBe(input.k);
      if (withinOneAchievable(input)) {
        achievable++;
        expect(spread(plan.loads)).toBeLessThanOrEqual(1);
      }
    }),
    { numRuns: 150 },
  );
  expect(achievable).toBeGreaterThan(50);
});

test('same input and seed → same plan, whatever order entries, judges and existing rows arrive in', () => {
  fc.assert(
    fc.property(
      round(() => 1),
      fc.boolean(),
      (input, reverseJudges) => {
        const plan = planAssignment(input);
        expect(planAssignment(input)).toEqual(plan);
        const reordered = {
          ...input,
          entries: [...input.entries].reverse(),
          judges: reverseJudges ? [...input.judges].reverse() : input.judges,
        };
        const again = planAssignment(reordered);
        expect({ ...again, short: [...again.short].reverse() }).toEqual(plan);
      },
    ),
    { numRuns: 100 },
  );
});

test('different seeds draw different plans (the seed is really used)', () => {
  const input: AssignmentInput = {
    entries: Array.from({ length: 20 }, (_, i) => entry(`e${i}`)),
    judges: Array.from({ length: 10 }, (_, i) => judge(`j${i}`)),
    k: 3,
    seed: 'a',
    existing: [],
  };
  const plans = ['a', 'b', 'c'].map((seed) => JSON.stringify(planAssignment({ ...input, seed }).add));
  expect(new Set(plans).size).toBe(3);
});
