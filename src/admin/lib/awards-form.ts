import type { ActionInput } from '@core/actions';
import type { Group, Prize } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import type { AwardsGroupView } from '@core/judging/views';

/**
 * 评定奖项 as plain functions: the prize counts as typed per group, the organizer's changes to the
 * proposal (a prize per finalist, who is recommended to the national 500强 / 100强) and the decision sent.
 */

export const AWARD_PRIZES: readonly Prize[] = ['first', 'second', 'third', 'merit'];

export type CountsDraft = Partial<Record<Group, Record<Prize, string>>>;

/** The counts the proposal used (the contest's plan, 若干 as 0), every prize shown so 优胜奖 can be set. */
export function countsDraftOf(groups: readonly AwardsGroupView[]): CountsDraft {
  const out: CountsDraft = {};
  for (const g of groups) {
    const row = {} as Record<Prize, string>;
    for (const prize of AWARD_PRIZES) row[prize] = String(g.counts.find((c) => c.prize === prize)?.count ?? 0);
    out[g.group] = row;
  }
  return out;
}

export type ProposeCounts = NonNullable<ActionInput<'admin.award.propose'>['counts']>;

/** The counts to propose with, or the boxes that are not whole numbers (keyed counts.<group>.<prize>). */
export function countsInput(
  draft: CountsDraft,
): { ok: true; counts: ProposeCounts } | { ok: false; errors: FieldErrors } {
  const counts: ProposeCounts = {};
  const errors: FieldErrors = {};
  for (const group of ['enterprise', 'maker'] as const) {
    const row = draft[group];
    if (!row) continue;
    counts[group] = AWARD_PRIZES.map((prize) => {
      const text = row[prize].trim();
      if (!/^\d{1,4}$/.test(text)) errors[`counts.${group}.${prize}`] = '名额应为 0 或正整数';
      return { prize, count: Number(text) };
    });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, counts };
}

/** The organizer's changes, by entry: a prize (null: 无) and a recommendation tick. */
export interface AwardChanges {
  prizes: Record<string, Prize | null>;
  recommend: Record<string, boolean>;
}

export const noChanges: AwardChanges = { prizes: {}, recommend: {} };

type Item = AwardsGroupView['items'][number];

export function prizeOf(item: Item, changes: AwardChanges): Prize | null {
  return Object.prototype.hasOwnProperty.call(changes.prizes, item.entryId)
    ? (changes.prizes[item.entryId] ?? null)
    : item.prize;
}

/** Recommended unless unticked: by default every prize winner. */
export function recommendedOf(item: Item, changes: AwardChanges): boolean {
  return changes.recommend[item.entryId] ?? prizeOf(item, changes) !== null;
}

/** Prizes given in a group, per prize, with these changes. */
export function givenCounts(group: AwardsGroupView, changes: AwardChanges): Record<Prize, number> {
  const out: Record<Prize, number> = { first: 0, second: 0, third: 0, merit: 0 };
  for (const item of group.items) {
    const prize = prizeOf(item, changes);
    if (prize) out[prize] += 1;
  }
  return out;
}

export type DecideInput = ActionInput<'admin.award.decide'>;

export function decideInput(
  roundId: string,
  groups: readonly AwardsGroupView[],
  changes: AwardChanges,
  publicityDays: number,
): DecideInput {
  const prizes: DecideInput['prizes'] = [];
  const recommend: string[] = [];
  for (const g of groups) {
    for (const item of g.items) {
      const prize = prizeOf(item, changes);
      if (prize) prizes.push({ entryId: item.entryId, prize });
      if (recommendedOf(item, changes)) recommend.push(item.entryId);
    }
  }
  return { roundId, prizes, recommend, publicityDays };
}

/** Entries of a group tied across a prize line, with the two prizes it lies between. */
export function tieOf(group: AwardsGroupView, entryId: string): AwardsGroupView['ties'][number] | undefined {
  return group.ties.find((t) => t.entryIds.includes(entryId));
}
