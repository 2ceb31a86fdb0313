import { scoreKey } from './aggregate-scores';
import { BLOCKED, FIXED, ON, expertiseTable, fillAndBalance, seededOrders } from './balance-load';
import { conflictIndex } from './conflicts';
import { compareCodeUnits } from './seeded-random';
import type { AssignmentInput, AssignmentPlan, ExistingAssignment } from './types';

/**
 * 评审分配: every entry gets k distinct judges free of conflicts, loads even to within one, experts in the
 * entry's field preferred where that costs no balance. Runs again safely on a round in progress (a top-up
 * after recusals or new judges): scored pairs never move, recused pairs never come back, pending pairs move
 * only to even out loads or because they are no longer allowed.
 */

type PairState = ExistingAssignment['state'];

/**
 * One state per (entry, judge) when the stored rows repeat a pair: a score wins (it exists, whatever else
 * was recorded); a recusal beats a pending row (the judge stepped back, which 回避 makes final). No remove is
 * planned for the losing row: a remove names a pair, and deleting the pair would take the winning row too.
 */
function collapse(
  existing: readonly ExistingAssignment[],
): Map<string, { entryId: string; judgeId: string; state: PairState }> {
  const rank: Record<PairState, number> = { scored: 3, recused: 2, pending: 1 };
  const out = new Map<string, { entryId: string; judgeId: string; state: PairState }>();
  for (const a of existing) {
    const key = scoreKey(a.entryId, a.judgeId);
    const prev = out.get(key);
    if (prev === undefined || rank[a.state] > rank[prev.state])
      out.set(key, { entryId: a.entryId, judgeId: a.judgeId, state: a.state });
  }
  return out;
}

function byPair(a: { entryId: string; judgeId: string }, b: { entryId: string; judgeId: string }): number {
  return compareCodeUnits(a.entryId, b.entryId) || compareCodeUnits(a.judgeId, b.judgeId);
}

/**
 * The plan for a round: pairs to add, pending pairs to remove, entries still short of judges, and every
 * input judge's load after it. A judge is eligible for an entry when not in conflict (`judgeConflicts`), not
 * recused from it and not already on it. A scored pair stays and counts even if the judge has declared a
 * conflict since (the score is the organizer's to void); pairs of entries or judges no longer in the input
 * count for no load. Entries that already have more than k active judges keep them all.
 * Same input and seed → same plan, whatever order the entries, judges and existing rows arrive in.
 * Memory: one byte per entry × judge (3 MB for 10,000 × 300).
 */
export function planAssignment(input: AssignmentInput): AssignmentPlan {
  const { entries, judges, k } = input;
  if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`每个项目的评委人数应为非负整数：${k}`);
  const entryIndex = new Map<string, number>();
  entries.forEach((e, i) => {
    if (entryIndex.has(e.id)) throw new RangeError(`项目重复：${e.id}`);
    entryIndex.set(e.id, i);
  });
  const judgeIndex = new Map<string, number>();
  judges.forEach((j, i) => {
    if (judgeIndex.has(j.id)) throw new RangeError(`评委重复：${j.id}`);
    judgeIndex.set(j.id, i);
  });
  const E = entries.length;
  const J = judges.length;

  const cells = new Uint8Array(E * J);
  conflictIndex(judges, entries).forEach((set, j) => {
    for (const e of set) cells[e * J + j] = BLOCKED;
  });

  const remove: AssignmentPlan['remove'] = [];
  const pending = new Set<number>();
  for (const pair of collapse(input.existing).values()) {
    const e = entryIndex.get(pair.entryId);
    const j = judgeIndex.get(pair.judgeId);
    if (e === undefined || j === undefined) {
      if (pair.state === 'pending') remove.push({ entryId: pair.entryId, judgeId: pair.judgeId, reason: 'gone' });
      continue;
    }
    const cell = e * J + j;
    const was = cells[cell] ?? 0;
    if (pair.state === 'scored') cells[cell] = was | ON | FIXED;
    else if (pair.state === 'recused') cells[cell] = was | BLOCKED;
    else if (was & BLOCKED) remove.push({ entryId: pair.entryId, judgeId: pair.judgeId, reason: 'conflict' });
    else if (input.keepPending) cells[cell] = ON | FIXED;
    else {
      cells[cell] = ON;
      pending.add(cell);
    }
  }

  const need = new Int32Array(E);
  for (let e = 0; e < E; e++) {
    let active = 0;
    for (let j = 0; j < J; j++) if ((cells[e * J + j] ?? 0) & ON) active++;
    need[e] = Math.max(0, k - active);
  }

  const { itemField, fieldExpert } = expertiseTable(
    entries.map((e) => e.field),
    judges,
  );
  const { random, judgeOrder, itemRank } = seededOrders(
    input.seed,
    judges.map((j) => j.id),
    entries.map((e) => e.id),
  );

  const { loads, missing } = fillAndBalance({
    items: E,
    judges: J,
    cells,
    need,
    itemField,
    fieldExpert,
    itemRank,
    judgeOrder,
    random,
  });

  const add: AssignmentPlan['add'] = [];
  for (let e = 0; e < E; e++) {
    const entry = entries[e];
    if (entry === undefined) continue;
    for (let j = 0; j < J; j++) {
      const cell = e * J + j;
      const c = cells[cell] ?? 0;
      const judge = judges[j];
      if (judge === undefined || (c & (ON | FIXED)) !== ON) continue;
      if (!pending.has(cell))
        add.push({ entryId: entry.id, judgeId: judge.id, expert: fieldExpert[(itemField[e] ?? 0) * J + j] === 1 });
    }
  }
  for (const cell of pending) {
    if ((cells[cell] ?? 0) & ON) continue;
    const entry = entries[Math.floor(cell / J)];
    const judge = judges[cell % J];
    if (entry !== undefined && judge !== undefined)
      remove.push({ entryId: entry.id, judgeId: judge.id, reason: 'rebalance' });
  }

  const short: AssignmentPlan['short'] = [];
  entries.forEach((entry, e) => {
    if ((missing[e] ?? 0) > 0) short.push({ entryId: entry.id, missing: missing[e] ?? 0 });
  });
  const loadOf: Record<string, number> = {};
  judges.forEach((judge, j) => (loadOf[judge.id] = loads[j] ?? 0));

  return { add: add.sort(byPair), remove: remove.sort(byPair), short, loads: loadOf };
}
