import { compareCodeUnits, seededRandom, shuffle, type SeededRandom } from './seeded-random';

/**
 * The engine behind 评审分配 (entries) and 复赛分组 (sessions): items that each need some more distinct
 * judges, and judges whose loads should differ by at most one. Plain typed arrays, because the design size
 * (10,000 entries × 300 judges) is 3 million pairs and everything per pair must be a byte lookup.
 *
 * Phase 1, greedy fill: the most constrained items first (fewest judges able to take them), each taking the
 * judges with the lowest load, experts in the item's field first while their load is below the ceiling
 * ⌈total / judges⌉ (so preferring experts never piles work on them).
 * Phase 2, repair: moves of movable pairs along paths judge → judge (X hands an item to Y, Y hands another
 * to Z, …) from a judge with load h to one with load ≤ h − 2. Each move lowers Σ load², so it ends; and it
 * ends only when no such path exists from any load level, which for this flow problem (items → judges,
 * capacity one per pair) is exactly the most balanced loads the fixed pairs and the blocked pairs allow:
 * max − min ≤ 1 whenever any assignment achieves it.
 */

/** The judge may never take the item (conflict of interest, recusal). */
export const BLOCKED = 1;
/** The judge is on the item. */
export const ON = 2;
/** On the item and never moved (a score exists). */
export const FIXED = 4;

export interface SlotProblem {
  items: number;
  judges: number;
  /** items × judges flags, row-major (`item * judges + judge`); updated in place with the plan. */
  cells: Uint8Array;
  /** Judges each item should still get. */
  need: Int32Array;
  /** Field index of each item, and fields × judges: 1 where the judge is an expert in the field. */
  itemField: Int32Array;
  fieldExpert: Uint8Array;
  /** Seeded rank of each item: order among equally constrained items. */
  itemRank: Int32Array;
  /** Judges in seeded order (a permutation of 0 … judges − 1): order among equally loaded judges. */
  judgeOrder: Int32Array;
  random: SeededRandom;
}

export interface SlotOutcome {
  /** Pairs ON per judge. */
  loads: Int32Array;
  /** Judges still missing per item (not enough judges able to take it). */
  missing: Int32Array;
}

export function fillAndBalance(p: SlotProblem): SlotOutcome {
  const { items, judges: J, cells } = p;
  const loads = new Int32Array(J);
  const free = new Int32Array(items);
  for (let i = 0; i < items; i++) {
    const row = i * J;
    let f = 0;
    for (let j = 0; j < J; j++) {
      const c = cells[row + j] ?? 0;
      if (c & ON) loads[j] = (loads[j] ?? 0) + 1;
      else if (c === 0) f++;
    }
    free[i] = f;
  }
  const missing = new Int32Array(items);
  let target = 0;
  for (let j = 0; j < J; j++) target += loads[j] ?? 0;
  const wanting: number[] = [];
  for (let i = 0; i < items; i++) {
    const need = Math.max(0, p.need[i] ?? 0);
    const take = Math.min(need, free[i] ?? 0);
    missing[i] = need - take;
    target += take;
    if (take > 0) wanting.push(i);
  }
  if (J === 0) return { loads, missing };
  const ceiling = Math.ceil(target / J);
  wanting.sort((a, b) => (free[a] ?? 0) - (free[b] ?? 0) || (p.itemRank[a] ?? 0) - (p.itemRank[b] ?? 0));

  // Keys: class (0 = expert below the ceiling, 1 = anyone else) × 2^21 + load; scan order breaks ties, and
  // the scan starts at a seeded offset per item, so equally loaded judges don't always sit together.
  const CLASS = 1 << 21;
  let widest = 1;
  for (const i of wanting) widest = Math.max(widest, p.need[i] ?? 0);
  const bestJudge = new Int32Array(widest);
  const bestKey = new Float64Array(bestJudge.length);
  for (const i of wanting) {
    const take = Math.min(Math.max(0, p.need[i] ?? 0), free[i] ?? 0);
    const row = i * J;
    const fieldRow = (p.itemField[i] ?? 0) * J;
    const offset = p.random.below(J);
    let count = 0;
    for (let s = 0; s < J; s++) {
      const j = p.judgeOrder[(offset + s) % J] ?? 0;
      if ((cells[row + j] ?? 0) !== 0) continue;
      const load = loads[j] ?? 0;
      const key = (p.fieldExpert[fieldRow + j] === 1 && load < ceiling ? 0 : CLASS) + load;
      if (count === take && key >= (bestKey[take - 1] ?? 0)) continue;
      let at = count < take ? count++ : take - 1;
      while (at > 0 && (bestKey[at - 1] ?? 0) > key) {
        bestKey[at] = bestKey[at - 1] ?? 0;
        bestJudge[at] = bestJudge[at - 1] ?? 0;
        at--;
      }
      bestKey[at] = key;
      bestJudge[at] = j;
    }
    for (let t = 0; t < count; t++) {
      const j = bestJudge[t] ?? 0;
      cells[row + j] = (cells[row + j] ?? 0) | ON;
      loads[j] = (loads[j] ?? 0) + 1;
    }
  }

  repair(p, loads);
  return { loads, missing };
}

function repair(p: SlotProblem, loads: Int32Array): void {
  const { items, judges: J, cells } = p;
  // Listed in seeded item order, so which pair moves never depends on the order items arrived in.
  const byRank = Array.from({ length: items }, (_, i) => i).sort((a, b) => (p.itemRank[a] ?? 0) - (p.itemRank[b] ?? 0));
  const movable: number[][] = Array.from({ length: J }, () => []);
  for (const i of byRank) {
    const row = i * J;
    for (let j = 0; j < J; j++) if (((cells[row + j] ?? 0) & (ON | FIXED)) === ON) movable[j]?.push(i);
  }
  const holds = (j: number, i: number) => ((cells[i * J + j] ?? 0) & (ON | FIXED)) === ON;
  const canTake = (j: number, i: number) => cells[i * J + j] === 0;
  const expert = (j: number, i: number) => p.fieldExpert[(p.itemField[i] ?? 0) * J + j] === 1;

  const parent = new Int32Array(J);
  const via = new Int32Array(J);
  const queue = new Int32Array(J);
  /** Judges by load, lowest first (seeded order on equal loads): the first judge a search meets is the lowest. */
  const byLoad = (): number[] => Array.from(p.judgeOrder).sort((a, b) => (loads[a] ?? 0) - (loads[b] ?? 0));

  /** A path from a judge with load h to one with load ≤ h − 2; returns its end, or −1. */
  const search = (h: number): number => {
    if (!loads.includes(h)) return -1;
    let head = 0;
    let tail = 0;
    const unvisited: number[] = [];
    for (const j of byLoad()) {
      if (loads[j] === h) {
        parent[j] = -1;
        queue[tail++] = j;
      } else unvisited.push(j);
    }
    if (tail === 0) return -1;
    while (head < tail) {
      const x = queue[head++] ?? 0;
      const list = movable[x] ?? [];
      // Drop pairs moved away since they were listed.
      let w = 0;
      for (const i of list) if (holds(x, i)) list[w++] = i;
      list.length = w;
      if (w === 0) continue;
      let keep = 0;
      for (const y of unvisited) {
        let found = -1;
        for (const i of list) {
          if (canTake(y, i)) {
            found = i;
            break;
          }
        }
        if (found < 0) {
          unvisited[keep++] = y;
          continue;
        }
        parent[y] = x;
        via[y] = found;
        if ((loads[y] ?? 0) <= h - 2) return y;
        queue[tail++] = y;
      }
      unvisited.length = keep;
    }
    return -1;
  };

  const apply = (end: number): void => {
    // From the end backwards, so every hand-over is checked against the state it happens in.
    for (let y = end; parent[y] !== -1;) {
      const x = parent[y] ?? 0;
      let item = via[y] ?? 0;
      // Any pair x holds that y can take will do; keep the expertise where the choice allows it.
      if (expert(x, item) && !expert(y, item)) {
        for (const i of movable[x] ?? []) {
          if (holds(x, i) && canTake(y, i) && (expert(y, i) || !expert(x, i))) {
            item = i;
            break;
          }
        }
      }
      cells[item * J + x] = (cells[item * J + x] ?? 0) & ~ON;
      cells[item * J + y] = (cells[item * J + y] ?? 0) | ON;
      movable[y]?.push(item);
      y = x;
    }
    let start = end;
    while (parent[start] !== -1) start = parent[start] ?? 0;
    loads[start] = (loads[start] ?? 0) - 1;
    loads[end] = (loads[end] ?? 0) + 1;
  };

  for (;;) {
    let max = -Infinity;
    let min = Infinity;
    for (const l of loads) {
      if (l > max) max = l;
      if (l < min) min = l;
    }
    if (!(max - min > 1)) return;
    let progress = false;
    for (let h = max; h >= min + 2; h--) {
      for (let end = search(h); end >= 0; end = search(h)) {
        apply(end);
        progress = true;
      }
    }
    if (!progress) return;
  }
}

/** Which judges are experts in each item's field: `fieldExpert[itemField[i] * J + j] === 1`. */
export function expertiseTable(
  itemFields: readonly string[],
  judges: ReadonlyArray<{ expertise: readonly string[] }>,
): { itemField: Int32Array; fieldExpert: Uint8Array } {
  const J = judges.length;
  const fieldIndex = new Map<string, number>();
  const itemField = Int32Array.from(itemFields, (field) => {
    let f = fieldIndex.get(field);
    if (f === undefined) {
      f = fieldIndex.size;
      fieldIndex.set(field, f);
    }
    return f;
  });
  const fieldExpert = new Uint8Array(fieldIndex.size * J);
  judges.forEach((judge, j) => {
    for (const field of judge.expertise) {
      const f = fieldIndex.get(field);
      if (f !== undefined) fieldExpert[f * J + j] = 1;
    }
  });
  return { itemField, fieldExpert };
}

/**
 * The seeded tie-break orders of judges and items, over id-sorted lists: a plan depends on ids and the seed,
 * not on arrival order. Returns the generator too, for fillAndBalance to go on drawing from.
 */
export function seededOrders(
  seed: string,
  judgeIds: readonly string[],
  itemIds: readonly string[],
): { random: SeededRandom; judgeOrder: Int32Array; itemRank: Int32Array } {
  const random = seededRandom(seed);
  const byId = (ids: readonly string[]) =>
    ids.map((_, i) => i).sort((a, b) => compareCodeUnits(ids[a] ?? '', ids[b] ?? ''));
  const judgeOrder = Int32Array.from(shuffle(byId(judgeIds), random));
  const itemRank = new Int32Array(itemIds.length);
  shuffle(byId(itemIds), random).forEach((item, rank) => (itemRank[item] = rank));
  return { random, judgeOrder, itemRank };
}
