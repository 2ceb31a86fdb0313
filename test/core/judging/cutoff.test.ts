import fc from 'fast-check';
import { previewCutoff, resolveCutoff, type CutoffPreviewWithOrder } from '../../../core/judging/cutoff';
import { rankEntries } from '../../../core/judging/rank-entries';
import type { CutoffPreview, EntryForRanking, RankedEntry } from '../../../core/judging/types';
import { oneCriterion, rankingEntry, sheet } from './fixtures';

/** A ranking from one total (points) per entry; null = no score. */
function ranking(rows: Array<[id: string, points: number | null, over?: Partial<EntryForRanking>]>): RankedEntry[] {
  return rankEntries({
    rubric: oneCriterion,
    aggregation: 'mean',
    entries: rows.map(([id, , over]) => rankingEntry(id, over)),
    scores: rows.flatMap(([id, p]) => (p === null ? [] : [sheet(id, 'j1', { total: p })])),
  });
}

function preview(...args: Parameters<typeof previewCutoff>): CutoffPreviewWithOrder {
  const p = previewCutoff(...args);
  if ('error' in p) throw new Error(p.error);
  return p;
}

const field = (f: string, group: 'enterprise' | 'maker' = 'enterprise') => ({ field: f, group });

test('top n: a tie across the boundary straddles it, with the slots left open for it', () => {
  const ranked = ranking([
    ['A', 90],
    ['B', 88],
    ['C', 85],
    ['D', 85],
    ['E', 85],
    ['F', 80],
    ['G', null],
  ]);
  const p = preview(ranked, { kind: 'top', n: 3 });
  expect(p.scopes).toEqual([
    {
      scope: 'all',
      kind: 'all',
      entries: 7,
      slots: 3,
      quota: null,
      admitted: ['A', 'B'],
      straddling: ['C', 'D', 'E'],
      open: 1,
    },
  ]);
  expect([p.admitted, p.straddling, p.out, p.unscored]).toEqual([['A', 'B'], ['C', 'D', 'E'], ['F', 'G'], ['G']]);
  expect(p.ranking).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
});

test('top n: a boundary between ranks leaves nothing to decide; fewer scored entries than slots admits them all', () => {
  const ranked = ranking([
    ['A', 90],
    ['B', 88],
    ['C', 85],
    ['D', 85],
    ['G', null],
  ]);
  const two = preview(ranked, { kind: 'top', n: 2 });
  expect([two.admitted, two.straddling, two.out]).toEqual([['A', 'B'], [], ['C', 'D', 'G']]);
  const four = preview(ranked, { kind: 'top', n: 4 });
  expect([four.admitted, four.straddling, four.out]).toEqual([['A', 'B', 'C', 'D'], [], ['G']]);
  const many = preview(ranked, { kind: 'top', n: 10 });
  expect([many.admitted, many.out, many.unscored]).toEqual([['A', 'B', 'C', 'D'], ['G'], ['G']]);
  // The whole field tied at the boundary: nobody certain, everyone straddling.
  const flat = preview(
    ranking([
      ['X', 80],
      ['Y', 80],
      ['Z', 80],
    ]),
    { kind: 'top', n: 1 },
  );
  expect(flat.scopes[0]).toMatchObject({ admitted: [], straddling: ['X', 'Y', 'Z'], open: 1 });
});

test('top n per group: each group present gets n by rank within the group', () => {
  const ranked = ranking([
    ['e1', 95, field('甲')],
    ['m1', 93, field('甲', 'maker')],
    ['e2', 90, field('甲')],
    ['m2', 88, field('甲', 'maker')],
    ['m3', 88, field('甲', 'maker')],
    ['e3', 80, field('甲')],
  ]);
  const p = preview(ranked, { kind: 'topPerGroup', n: 2 });
  expect(p.scopes.map((s) => [s.scope, s.kind, s.entries, s.admitted, s.straddling, s.open])).toEqual([
    ['enterprise', 'group', 3, ['e1', 'e2'], [], 0],
    ['maker', 'group', 3, ['m1'], ['m2', 'm3'], 1],
  ]);
  expect([p.admitted, p.straddling, p.out]).toEqual([['e1', 'm1', 'e2'], ['m2', 'm3'], ['e3']]);
  const onlyMakers = preview(ranking([['m1', 90, field('甲', 'maker')]]), { kind: 'topPerGroup', n: 2 });
  expect(onlyMakers.scopes.map((s) => s.scope)).toEqual(['maker']);
});

test('proportional: slots per field by entries (unscored ones count), then by rank within the field', () => {
  const ranked = ranking([
    ['a1', 95, field('甲')],
    ['a2', 90, field('甲')],
    ['a3', 85, field('甲')],
    ['a4', 84, field('甲')],
    ['a5', null, field('甲')],
    ['a6', null, field('甲')],
    ['b1', 99, field('乙')],
    ['b2', 70, field('乙')],
    ['b3', 70, field('乙')],
    ['c1', null, field('丙')],
  ]);
  // 10 entries, 4 slots: quotas 2.4 (甲), 1.2 (乙), 0.4 (丙). Largest remainder: 3, 1, 0 (甲 and 丙 both have
  // 0.4 left, the larger field first); 丙 then takes one from 甲, the most over its quota (3 − 2.4) → 2, 1, 1.
  // Scopes come in the order of each field's best entry.
  const p = preview(ranked, { kind: 'proportional', n: 4 });
  expect(p.scopes.map((s) => [s.scope, s.entries, s.quota, s.slots, s.admitted, s.straddling, s.open])).toEqual([
    ['乙', 3, 1.2, 1, ['b1'], [], 0],
    ['甲', 6, 2.4, 2, ['a1', 'a2'], [], 0],
    ['丙', 1, 0.4, 1, [], [], 0],
  ]);
  expect(p.admitted).toEqual(['b1', 'a1', 'a2']);
  expect(p.unscored).toEqual(['a5', 'a6', 'c1']);
  // 5 slots: quotas 3, 1.5, 0.5 → 3, 2, 0 (乙 and 丙 both have 0.5 left, the larger field first); 丙 takes one
  // from 乙, the most over its quota (2 − 1.5) → 3, 1, 1.
  const five = preview(ranked, { kind: 'proportional', n: 5 });
  expect(five.scopes.map((s) => [s.scope, s.slots, s.admitted, s.straddling, s.open])).toEqual([
    ['乙', 1, ['b1'], [], 0],
    ['甲', 3, ['a1', 'a2', 'a3'], [], 0],
    ['丙', 1, [], [], 0],
  ]);
  const six = preview(ranked, { kind: 'proportional', n: 6 });
  // 乙 gets 2 of 3 (quota 1.8 → 2 after rounding): b2 and b3 tie for the second.
  expect(six.scopes[0]).toMatchObject({ scope: '乙', slots: 2, admitted: ['b1'], straddling: ['b2', 'b3'], open: 1 });
});

test('previews refuse n < 1 and impossible allocations, in Chinese', () => {
  const ranked = ranking([
    ['a', 90, field('甲')],
    ['b', 80, field('乙')],
    ['c', 70, field('丙')],
  ]);
  expect(previewCutoff(ranked, { kind: 'top', n: 0 })).toEqual({ error: '晋级名额应为不少于 1 的整数：0' });
  expect(previewCutoff(ranked, { kind: 'top', n: 1.5 })).toHaveProperty('error');
  expect(previewCutoff(ranked, { kind: 'proportional', n: 2 })).toEqual({
    error: '名额 2 个少于有项目的行业领域 3 个，无法保证每个领域至少 1 个名额',
  });
});

test('resolving a straddling tie: at least the open slots, up to the whole tie; other entries or repeats are refused', () => {
  const p = preview(
    ranking([
      ['A', 90],
      ['B', 88],
      ['C', 85],
      ['D', 85],
      ['E', 85],
      ['F', 80],
    ]),
    { kind: 'top', n: 3 },
  );
  expect(resolveCutoff(p, ['D'])).toEqual({ ok: true, admitted: ['A', 'B', 'D'] });
  expect(resolveCutoff(p, ['E', 'C', 'D'])).toEqual({ ok: true, admitted: ['A', 'B', 'C', 'D', 'E'] });
  // Between the two: over the slots, by the organizer's decision.
  expect(resolveCutoff(p, ['D', 'C'])).toEqual({ ok: true, admitted: ['A', 'B', 'C', 'D'] });
  expect(resolveCutoff(p, [])).toEqual({
    ok: false,
    reason: '全部项目并列的 3 个项目中至少应选择 1 个（剩余名额），现选择 0 个',
  });
  expect(resolveCutoff(p, ['F'])).toEqual({ ok: false, reason: '项目 F 不在并列待定的名单中' });
  expect(resolveCutoff(p, ['A'])).toMatchObject({ ok: false });
  expect(resolveCutoff(p, ['C', 'C'])).toEqual({ ok: false, reason: '项目重复选择：C' });
  const clean = preview(
    ranking([
      ['A', 90],
      ['B', 80],
    ]),
    { kind: 'top', n: 1 },
  );
  expect(resolveCutoff(clean, [])).toEqual({ ok: true, admitted: ['A'] });
});

test('resolutions per scope, listed in ranking order across scopes', () => {
  const p = preview(
    ranking([
      ['e1', 95, field('甲')],
      ['m1', 93, field('甲', 'maker')],
      ['e2', 91, field('甲')],
      ['e3', 91, field('甲')],
      ['m2', 88, field('甲', 'maker')],
      ['m3', 88, field('甲', 'maker')],
    ]),
    { kind: 'topPerGroup', n: 2 },
  );
  expect(p.straddling).toEqual(['e2', 'e3', 'm2', 'm3']);
  expect(resolveCutoff(p, ['e3', 'm2'])).toEqual({ ok: true, admitted: ['e1', 'm1', 'e3', 'm2'] });
  expect(resolveCutoff(p, ['m3', 'e2', 'e3'])).toEqual({ ok: true, admitted: ['e1', 'm1', 'e2', 'e3', 'm3'] });
  expect(resolveCutoff(p, ['e3'])).toEqual({
    ok: false,
    reason: '创客组并列的 2 个项目中至少应选择 1 个（剩余名额），现选择 0 个',
  });
  // A preview that lost its ranking (stored without it): the chosen follow the admitted.
  const { ranking: _dropped, ...bare } = p;
  const stored: CutoffPreview = bare;
  expect(resolveCutoff(stored, ['m2', 'e3'])).toEqual({ ok: true, admitted: ['e1', 'm1', 'e3', 'm2'] });
});

test('every scored entry is admitted, straddling or out; unscored ones never get in; slots are respected', () => {
  const rows = fc.array(
    fc.record({
      points: fc.option(fc.integer({ min: 6, max: 10 }), { freq: 4 }),
      group: fc.constantFrom('enterprise' as const, 'maker' as const),
      f: fc.constantFrom('甲', '乙', '丙'),
    }),
    { minLength: 1, maxLength: 15 },
  );
  const rule = fc.record({
    kind: fc.constantFrom('top' as const, 'topPerGroup' as const, 'proportional' as const),
    n: fc.integer({ min: 1, max: 8 }),
  });
  fc.assert(
    fc.property(rows, rule, (rs, r) => {
      const ranked = ranking(
        rs.map((x, i) => [`x${i}`, x.points === null ? null : x.points * 10, field(x.f, x.group)]),
      );
      const p = previewCutoff(ranked, r);
      if ('error' in p) {
        expect(r.kind).toBe('proportional');
        return;
      }
      const all = [...p.admitted, ...p.straddling, ...p.out];
      expect(all.sort()).toEqual(ranked.map((e) => e.entryId).sort());
      for (const id of p.unscored) expect(p.out).toContain(id);
      for (const s of p.scopes) {
        expect(s.admitted.length + s.open).toBeLessThanOrEqual(s.slots);
        if (s.straddling.length > 0) {
          expect(s.open).toBeGreaterThanOrEqual(1);
          expect(s.open).toBeLessThan(s.straddling.length);
          expect(resolveCutoff(p, s.straddling.slice(0, s.open)).ok).toBe(
            p.scopes.filter((x) => x.straddling.length > 0).length === 1,
          );
        }
      }
      const everyone = resolveCutoff(p, p.straddling);
      expect(everyone).toEqual({
        ok: true,
        admitted: p.ranking.filter((id) => p.admitted.includes(id) || p.straddling.includes(id)),
      });
    }),
    { numRuns: 200 },
  );
});
