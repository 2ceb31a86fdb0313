import { allocateFieldSlots } from './allocate-slots';
import { compareCodeUnits } from './seeded-random';
import { groupLabels } from '../contest/types';
import type { CutoffPreview, CutoffRule, CutoffScope, Group, RankedEntry } from './types';

/**
 * 晋级线: who goes on to the next round. The rules decide everything except a tie across the boundary;
 * that the preview shows as `straddling` with the number of slots `open` to it, and the organizer resolves
 * (admit at least `open` of them, up to all of them) before anything is published.
 */

/** A preview that also keeps the full ranking order, so a resolution can list the admitted in that order. */
export interface CutoffPreviewWithOrder extends CutoffPreview {
  /** Every entry of the preview, in ranking order. */
  ranking: string[];
}

const GROUPS: readonly Group[] = ['enterprise', 'maker'];

function byRank(a: RankedEntry, b: RankedEntry): number {
  return a.rank - b.rank || compareCodeUnits(a.entryId, b.entryId);
}

/** Cut one scope's scored entries (in ranking order) at `slots`, by the scope's own rank. */
function cut(
  scope: Omit<CutoffScope, 'admitted' | 'straddling' | 'open'>,
  scored: readonly RankedEntry[],
  rankOf: (e: RankedEntry) => number,
): CutoffScope {
  const { slots } = scope;
  if (scored.length <= slots) return { ...scope, admitted: scored.map((e) => e.entryId), straddling: [], open: 0 };
  const last = scored[slots - 1];
  const next = scored[slots];
  if (slots === 0 || last === undefined || next === undefined || rankOf(last) !== rankOf(next)) {
    return { ...scope, admitted: scored.slice(0, slots).map((e) => e.entryId), straddling: [], open: 0 };
  }
  const boundary = rankOf(last);
  const admitted = scored.filter((e) => rankOf(e) < boundary).map((e) => e.entryId);
  const straddling = scored.filter((e) => rankOf(e) === boundary).map((e) => e.entryId);
  return { ...scope, admitted, straddling, open: slots - admitted.length };
}

/**
 * The cut-off under a rule, over a round's ranking (from `rankEntries`):
 * - top: n slots over all entries by rank;
 * - topPerGroup: n slots in each group present (企业组, 创客组), by rank within the group;
 * - proportional: n slots shared among fields by `allocateFieldSlots` over all the round's entries of each
 *   field (scored or not: the share reflects who entered), then per field by rank within the field.
 *   A field whose entries are all unscored keeps its slots unused.
 * Entries without scores are never admitted. Within a scope, entries ranked strictly above the boundary rank
 * are admitted; if those at the boundary rank do not all fit, they straddle it, with `open` slots for them.
 */
export function previewCutoff(
  ranked: readonly RankedEntry[],
  rule: CutoffRule,
): CutoffPreviewWithOrder | { error: string } {
  if (!Number.isSafeInteger(rule.n) || rule.n < 1) return { error: `晋级名额应为不少于 1 的整数：${rule.n}` };
  const ordered = [...ranked].sort(byRank);
  const scored = ordered.filter((e) => e.aggregate !== null);
  const scopes: CutoffScope[] = [];

  switch (rule.kind) {
    case 'top':
      scopes.push(
        cut({ scope: 'all', kind: 'all', entries: ordered.length, slots: rule.n, quota: null }, scored, (e) => e.rank),
      );
      break;
    case 'topPerGroup':
      for (const group of GROUPS) {
        const all = ordered.filter((e) => e.group === group);
        if (all.length === 0) continue;
        scopes.push(
          cut(
            { scope: group, kind: 'group', entries: all.length, slots: rule.n, quota: null },
            scored.filter((e) => e.group === group),
            (e) => e.groupRank,
          ),
        );
      }
      break;
    case 'proportional': {
      // Fields in the order their best entry ranks: the allocation's last tie-break (lower index) then
      // favours the field with the better top entry, which is about the contest, not about input order.
      const fields: Array<{ field: string; entries: number }> = [];
      const at = new Map<string, number>();
      for (const e of ordered) {
        const i = at.get(e.field);
        if (i === undefined) {
          at.set(e.field, fields.length);
          fields.push({ field: e.field, entries: 1 });
        } else (fields[i] as { entries: number }).entries += 1;
      }
      const allocation = allocateFieldSlots(fields, rule.n);
      if (!allocation.ok) return { error: allocation.reason };
      for (const f of allocation.slots) {
        scopes.push(
          cut(
            { scope: f.field, kind: 'field', entries: f.entries, slots: f.slots, quota: f.quota },
            scored.filter((e) => e.field === f.field),
            (e) => e.fieldRank,
          ),
        );
      }
      break;
    }
  }

  const admittedSet = new Set(scopes.flatMap((s) => s.admitted));
  const straddlingSet = new Set(scopes.flatMap((s) => s.straddling));
  const ids = ordered.map((e) => e.entryId);
  return {
    rule,
    scopes,
    admitted: ids.filter((id) => admittedSet.has(id)),
    straddling: ids.filter((id) => straddlingSet.has(id)),
    out: ids.filter((id) => !admittedSet.has(id) && !straddlingSet.has(id)),
    unscored: ordered.filter((e) => e.aggregate === null).map((e) => e.entryId),
    ranking: ids,
  };
}

function scopeName(scope: CutoffScope): string {
  if (scope.kind === 'all') return '全部项目';
  if (scope.kind === 'group') return groupLabels[scope.scope as Group] ?? scope.scope;
  return `行业领域「${scope.scope}」`;
}

/**
 * The organizer's resolution of the straddling ties: `chosen` must be straddling entries, and in each scope
 * at least its `open` of them: exactly `open` fills the slots (the choice made on grounds outside the
 * score), all of them admits the whole tie over the slots, and anything between is the organizer's call to
 * make and to explain. Returns the admitted plus the chosen, in ranking order; a preview without `ranking`
 * (not from `previewCutoff`) lists the chosen after the admitted.
 */
export function resolveCutoff(
  preview: CutoffPreview & { ranking?: readonly string[] },
  chosen: readonly string[],
): { ok: true; admitted: string[] } | { ok: false; reason: string } {
  const straddling = new Set(preview.straddling);
  const picked = new Set<string>();
  for (const id of chosen) {
    if (picked.has(id)) return { ok: false, reason: `项目重复选择：${id}` };
    if (!straddling.has(id)) return { ok: false, reason: `项目 ${id} 不在并列待定的名单中` };
    picked.add(id);
  }
  for (const scope of preview.scopes) {
    if (scope.straddling.length === 0) continue;
    const count = scope.straddling.filter((id) => picked.has(id)).length;
    if (count < scope.open) {
      return {
        ok: false,
        reason: `${scopeName(scope)}并列的 ${scope.straddling.length} 个项目中至少应选择 ${scope.open} 个（剩余名额），现选择 ${count} 个`,
      };
    }
  }
  const admitted = new Set([...preview.admitted, ...picked]);
  const order = preview.ranking ?? [...preview.admitted, ...preview.straddling];
  return { ok: true, admitted: order.filter((id) => admitted.has(id)) };
}
