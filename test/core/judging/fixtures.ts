/** Small factories and an independent oracle for the judging core tests. */
import type {
  EntryForAssignment,
  EntryForRanking,
  Group,
  JudgeProfileForAssignment,
  Rubric,
  ScoreSheet,
} from '../../../core/judging/types';

/** Two criteria of 50 points, weight 1: a sheet's total in points is a + b. `a` is the top criterion (listed first). */
export const twoCriteria: Rubric = {
  criteria: [
    { key: 'a', name: '创新性', description: '', maxPoints: 50, weight: 1 },
    { key: 'b', name: '市场前景', description: '', maxPoints: 50, weight: 1 },
  ],
};

/** One criterion of 100 points: a total in points is the score. */
export const oneCriterion: Rubric = {
  criteria: [{ key: 'total', name: '总分', description: '', maxPoints: 100, weight: 1 }],
};

export function sheet(entryId: string, judgeId: string, points: Record<string, number>): ScoreSheet {
  const halves: Record<string, number> = {};
  for (const [k, v] of Object.entries(points)) halves[k] = v * 2;
  return { entryId, judgeId, halves };
}

export function rankingEntry(entryId: string, over: Partial<EntryForRanking> = {}): EntryForRanking {
  return { entryId, group: 'enterprise' as Group, field: '智能制造', previous: null, ...over };
}

export function entry(id: string, over: Partial<EntryForAssignment> = {}): EntryForAssignment {
  return { id, field: '智能制造', orgName: `${id}科技有限公司`, creditCode: null, district: '浦东新区', ...over };
}

export function judge(id: string, over: Partial<JudgeProfileForAssignment> = {}): JudgeProfileForAssignment {
  return { id, expertise: [], conflicts: { names: [], creditCodes: [] }, ...over };
}

/**
 * Whether some choice of `free` pairs gives every item exactly `need[i]` more judges while every judge's
 * total load (fixed + chosen) lies within [lo, hi]: a flow with lower bounds, solved by Edmonds–Karp.
 * Independent of the code under test, so "loads within one whenever achievable" can be checked honestly.
 */
export function loadsAchievable(opts: {
  items: number;
  judges: number;
  free: (item: number, judge: number) => boolean;
  need: readonly number[];
  fixed: readonly number[];
  lo: number;
  hi: number;
}): boolean {
  const { items, judges } = opts;
  const s = 0;
  const t = items + judges + 1;
  const S = t + 1;
  const T = t + 2;
  const n = T + 1;
  const cap: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const excess = new Array<number>(n).fill(0);
  const edge = (u: number, v: number, lower: number, upper: number): boolean => {
    if (upper < lower) return false;
    cap[u]![v]! += upper - lower;
    excess[v]! += lower;
    excess[u]! -= lower;
    return true;
  };
  for (let i = 0; i < items; i++) {
    const need = opts.need[i] ?? 0;
    edge(s, 1 + i, need, need);
    for (let j = 0; j < judges; j++) if (opts.free(i, j)) edge(1 + i, 1 + items + j, 0, 1);
  }
  for (let j = 0; j < judges; j++) {
    const fixed = opts.fixed[j] ?? 0;
    if (!edge(1 + items + j, t, Math.max(0, opts.lo - fixed), opts.hi - fixed)) return false;
  }
  edge(t, s, 0, 1e9);
  let demand = 0;
  for (let v = 0; v < S; v++) {
    if (excess[v]! > 0) {
      cap[S]![v]! += excess[v]!;
      demand += excess[v]!;
    } else if (excess[v]! < 0) cap[v]![T]! += -excess[v]!;
  }
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(n).fill(-1);
    prev[S] = S;
    const queue = [S];
    while (queue.length > 0 && prev[T] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++) {
        if (prev[v] === -1 && cap[u]![v]! > 0) {
          prev[v] = u;
          queue.push(v);
        }
      }
    }
    if (prev[T] === -1) break;
    let push = Infinity;
    for (let v = T; v !== S; v = prev[v]!) push = Math.min(push, cap[prev[v]!]![v]!);
    for (let v = T; v !== S; v = prev[v]!) {
      cap[prev[v]!]![v]! -= push;
      cap[v]![prev[v]!]! += push;
    }
    flow += push;
  }
  return flow === demand;
}

export const spread = (loads: Readonly<Record<string, number>>): number => {
  const values = Object.values(loads);
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
};
