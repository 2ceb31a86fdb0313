import fc from 'fast-check';
import { hasConflict } from '../../../core/judging/conflicts';
import { planPanels, sessionSizes } from '../../../core/judging/plan-panels';
import type { PanelInput, PanelPlan } from '../../../core/judging/types';
import { entry, judge, loadsAchievable } from './fixtures';

test('session sizes: ⌈n / capacity⌉ sessions differing by at most one', () => {
  expect(sessionSizes(7, 3)).toEqual([3, 2, 2]);
  expect(sessionSizes(6, 3)).toEqual([3, 3]);
  expect(sessionSizes(10, 4)).toEqual([4, 3, 3]);
  expect(sessionSizes(2, 5)).toEqual([2]);
  expect(sessionSizes(0, 5)).toEqual([]);
});

test('sessions by district, then field, keyed district|field|n, judges free of conflicts with every entry', () => {
  const entries = [
    ...Array.from({ length: 7 }, (_, i) => entry(`p${i}`, { district: '浦东新区', field: '智能制造' })),
    entry('p-bio', { district: '浦东新区', field: '生物医药', orgName: '甲乙生物有限公司' }),
    entry('h1', { district: '黄浦区', field: '智能制造' }),
  ];
  const judges = [
    judge('A', { expertise: ['智能制造'] }),
    judge('B', { expertise: ['生物医药'] }),
    judge('C', { conflicts: { names: ['甲乙'], creditCodes: [] } }),
    judge('D'),
  ];
  const plan = planPanels({ entries, judges, capacity: 3, k: 2, seed: 's' });
  // 黄浦 sorts before 浦东 in Chinese (huáng < pǔ); within 浦东, 生物 (shēng) before 智能 (zhì).
  expect(plan.sessions.map((s) => [s.key, s.entryIds.length])).toEqual([
    ['黄浦区|智能制造|1', 1],
    ['浦东新区|生物医药|1', 1],
    ['浦东新区|智能制造|1', 3],
    ['浦东新区|智能制造|2', 2],
    ['浦东新区|智能制造|3', 2],
  ]);
  expect(plan.sessions.flatMap((s) => s.entryIds).sort()).toEqual(entries.map((e) => e.id).sort());
  const bio = plan.sessions.find((s) => s.field === '生物医药')!;
  expect(bio.judgeIds).not.toContain('C');
  for (const s of plan.sessions) expect(s.judgeIds).toHaveLength(2);
  expect(plan.short).toEqual([]);
  // 5 sessions × 2 judges over 4 judges: 3, 3, 2, 2 in some order.
  const per = judges.map((j) => plan.sessions.filter((s) => s.judgeIds.includes(j.id)).length).sort();
  expect(per).toEqual([2, 2, 3, 3]);
});

test('a session without k conflict-free judges is short', () => {
  const plan = planPanels({
    entries: [entry('a', { orgName: '甲乙科技' }), entry('b', { orgName: '丙丁科技' })],
    judges: [
      judge('A', { conflicts: { names: ['甲乙'], creditCodes: [] } }),
      judge('B', { conflicts: { names: ['丙丁'], creditCodes: [] } }),
      judge('C'),
    ],
    capacity: 5,
    k: 2,
    seed: 's',
  });
  expect(plan.sessions).toHaveLength(1);
  expect(plan.sessions[0]!.judgeIds).toEqual(['C']);
  expect(plan.short).toEqual([{ key: '浦东新区|智能制造|1', missing: 1 }]);
});

test('bad input is refused', () => {
  const base: PanelInput = { entries: [entry('a')], judges: [judge('A')], capacity: 3, k: 1, seed: 's' };
  expect(() => planPanels({ ...base, capacity: 0 })).toThrow(RangeError);
  expect(() => planPanels({ ...base, k: -1 })).toThrow(RangeError);
  expect(() => planPanels({ ...base, entries: [entry('a'), entry('a')] })).toThrow(RangeError);
  expect(planPanels({ ...base, entries: [] })).toEqual({ sessions: [], short: [] });
});

const BRANDS = ['华创', '远博', '星辰'];
const panelInput = fc
  .record({
    entries: fc.array(
      fc.record({
        district: fc.constantFrom('浦东新区', '黄浦区'),
        field: fc.constantFrom('智能制造', '新材料'),
        brand: fc.constantFrom(...BRANDS, '恒瑞', '云图'),
      }),
      { minLength: 1, maxLength: 16 },
    ),
    judges: fc.array(
      fc.record({ names: fc.subarray(BRANDS, { maxLength: 1 }), expertise: fc.subarray(['智能制造', '新材料']) }),
      {
        minLength: 1,
        maxLength: 7,
      },
    ),
    capacity: fc.integer({ min: 1, max: 5 }),
    k: fc.integer({ min: 1, max: 3 }),
    seed: fc.string({ maxLength: 4 }),
  })
  .map(({ entries, judges, capacity, k, seed }): PanelInput => ({
    entries: entries.map((e, i) =>
      entry(`e${i}`, { district: e.district, field: e.field, orgName: `${e.brand}科技有限公司` }),
    ),
    judges: judges.map((j, i) =>
      judge(`j${i}`, { expertise: j.expertise, conflicts: { names: j.names, creditCodes: [] } }),
    ),
    capacity,
    k,
    seed,
  }));

function freeFor(input: PanelInput, session: PanelPlan['sessions'][number]) {
  const byId = new Map(input.entries.map((e) => [e.id, e]));
  return input.judges.filter((j) => session.entryIds.every((id) => !hasConflict(j.conflicts, byId.get(id)!)));
}

test('panels: a partition into even sessions, distinct conflict-free judges, min(k, free) each, short exactly when fewer', () => {
  fc.assert(
    fc.property(panelInput, (input) => {
      const plan = planPanels(input);
      expect(plan.sessions.flatMap((s) => s.entryIds).sort()).toEqual(input.entries.map((e) => e.id).sort());
      const byGroup = new Map<string, number[]>();
      const byId = new Map(input.entries.map((e) => [e.id, e]));
      for (const s of plan.sessions) {
        expect(s.entryIds.length).toBeLessThanOrEqual(input.capacity);
        for (const id of s.entryIds)
          expect([byId.get(id)!.district, byId.get(id)!.field]).toEqual([s.district, s.field]);
        const g = `${s.district}|${s.field}`;
        expect(s.key).toBe(`${g}|${(byGroup.get(g)?.length ?? 0) + 1}`);
        byGroup.set(g, [...(byGroup.get(g) ?? []), s.entryIds.length]);
        expect(new Set(s.judgeIds).size).toBe(s.judgeIds.length);
        const free = freeFor(input, s).map((j) => j.id);
        for (const j of s.judgeIds) expect(free).toContain(j);
        expect(s.judgeIds.length).toBe(Math.min(input.k, free.length));
      }
      for (const [g, sizes] of byGroup) {
        const n = input.entries.filter((e) => `${e.district}|${e.field}` === g).length;
        expect(sizes.length).toBe(Math.ceil(n / input.capacity));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
      expect(plan.short).toEqual(
        plan.sessions
          .filter((s) => s.judgeIds.length < input.k)
          .map((s) => ({ key: s.key, missing: input.k - s.judgeIds.length })),
      );
    }),
    { numRuns: 200 },
  );
});

test('panels: sessions per judge within one whenever achievable; same seed → same plan', () => {
  let achievable = 0;
  fc.assert(
    fc.property(panelInput, (input) => {
      const plan = planPanels(input);
      expect(planPanels(input)).toEqual(plan);
      expect(
        planPanels({ ...input, entries: [...input.entries].reverse(), judges: [...input.judges].reverse() }),
      ).toEqual({
        ...plan,
        sessions: plan.sessions.map((s) => ({ ...s, judgeIds: [...s.judgeIds].reverse() })),
      });
      const free = plan.sessions.map((s) => new Set(freeFor(input, s).map((j) => j.id)));
      const need = free.map((f) => Math.min(input.k, f.size));
      const total = need.reduce((a, b) => a + b, 0);
      const J = input.judges.length;
      const ok = loadsAchievable({
        items: plan.sessions.length,
        judges: J,
        free: (s, j) => free[s]!.has(input.judges[j]!.id),
        need,
        fixed: input.judges.map(() => 0),
        lo: Math.floor(total / J),
        hi: Math.ceil(total / J),
      });
      if (!ok) return;
      achievable++;
      const loads = input.judges.map((j) => plan.sessions.filter((s) => s.judgeIds.includes(j.id)).length);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    }),
    { numRuns: 200 },
  );
  expect(achievable).toBeGreaterThan(80);
});
