import { BLOCKED, ON, expertiseTable, fillAndBalance, seededOrders } from './balance-load';
import { conflictIndex } from './conflicts';
import { compareCodeUnits, seededOrder } from './seeded-random';
import type { EntryForAssignment, PanelInput, PanelPlan } from './types';

/**
 * 复赛分组: entries meet their judges in sessions, one district × field at a time, at most `capacity`
 * entries each. A judge sits a whole session, so a conflict with any one of its entries keeps them out of it.
 */

/** Display order of districts and fields: Chinese collation, code units where it sees no difference. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN') || compareCodeUnits(a, b);
}

/** Sizes of ⌈n / capacity⌉ sessions, differing by at most one, the larger ones first. */
export function sessionSizes(n: number, capacity: number): number[] {
  if (n === 0) return [];
  const count = Math.ceil(n / capacity);
  const base = Math.floor(n / count);
  return Array.from({ length: count }, (_, s) => base + (s < n % count ? 1 : 0));
}

/**
 * Sessions by district, then field, each group split into sessions whose sizes differ by at most one (entries
 * drawn in seeded order), each session with k judges free of conflicts with all its entries, experts in the
 * field preferred, sessions per judge even to within one where the conflicts allow (the same engine as
 * `planAssignment`). `short` lists the sessions that could not get k such judges. Same input and seed →
 * same plan.
 */
export function planPanels(input: PanelInput): PanelPlan {
  const { entries, judges, capacity, k } = input;
  if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`每场项目数上限应为正整数：${capacity}`);
  if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`每场评委人数应为非负整数：${k}`);
  const entryIndex = new Map<string, number>();
  entries.forEach((e, i) => {
    if (entryIndex.has(e.id)) throw new RangeError(`项目重复：${e.id}`);
    entryIndex.set(e.id, i);
  });
  const seenJudges = new Set<string>();
  for (const j of judges) {
    if (seenJudges.has(j.id)) throw new RangeError(`评委重复：${j.id}`);
    seenJudges.add(j.id);
  }

  const groups = new Map<string, { district: string; field: string; entries: EntryForAssignment[] }>();
  for (const e of entries) {
    const key = `${e.district}\u0000${e.field}`;
    const group = groups.get(key);
    if (group) group.entries.push(e);
    else groups.set(key, { district: e.district, field: e.field, entries: [e] });
  }
  const ordered = [...groups.values()].sort(
    (a, b) => compareNames(a.district, b.district) || compareNames(a.field, b.field),
  );

  const sessions: PanelPlan['sessions'] = [];
  const sessionOf = new Int32Array(entries.length);
  for (const g of ordered) {
    const drawn = seededOrder(g.entries, `${input.seed}\u0000${g.district}\u0000${g.field}`, (e) => e.id);
    let at = 0;
    sessionSizes(drawn.length, capacity).forEach((size, s) => {
      const members = drawn.slice(at, at + size);
      at += size;
      for (const e of members) sessionOf[entryIndex.get(e.id) ?? 0] = sessions.length;
      sessions.push({
        key: `${g.district}|${g.field}|${s + 1}`,
        district: g.district,
        field: g.field,
        entryIds: members.map((e) => e.id),
        judgeIds: [],
      });
    });
  }

  const S = sessions.length;
  const J = judges.length;
  const cells = new Uint8Array(S * J);
  conflictIndex(judges, entries).forEach((set, j) => {
    for (const e of set) cells[(sessionOf[e] ?? 0) * J + j] = BLOCKED;
  });
  const { itemField, fieldExpert } = expertiseTable(
    sessions.map((s) => s.field),
    judges,
  );
  const { random, judgeOrder, itemRank } = seededOrders(
    input.seed,
    judges.map((j) => j.id),
    sessions.map((s) => s.key),
  );

  const { missing } = fillAndBalance({
    items: S,
    judges: J,
    cells,
    need: new Int32Array(S).fill(k),
    itemField,
    fieldExpert,
    itemRank,
    judgeOrder,
    random,
  });

  const short: PanelPlan['short'] = [];
  sessions.forEach((session, s) => {
    for (let j = 0; j < J; j++) if ((cells[s * J + j] ?? 0) & ON) session.judgeIds.push(judges[j]?.id ?? '');
    if ((missing[s] ?? 0) > 0) short.push({ key: session.key, missing: missing[s] ?? 0 });
  });
  return { sessions, short };
}
