import { compareCodeUnits } from './seeded-random';
import type { AwardCount, AwardProposal, Group, Prize, RankedEntry } from './types';

/**
 * 奖项建议: prizes by rank within the group, best prize first. A proposal, never a decision: a tie that
 * crosses a prize boundary is given the prize whose slots it starts in (so no equal entry gets less than
 * another) and listed in `ties` with the prize below, for the organizer to settle.
 */

const GROUPS: readonly Group[] = ['enterprise', 'maker'];

/**
 * Per group present in `counts` (企业组 first): the group's entries in ranking order with the proposed
 * prize, and the ties across prize boundaries. The first `count` slots get the first prize listed, the next
 * ones the second, and so on; a tied block takes as many slots as it has entries, so a tie for the first
 * prize leaves fewer second prizes. Entries without scores get no prize.
 */
export function proposeAwards(
  ranked: readonly RankedEntry[],
  counts: Partial<Record<Group, readonly AwardCount[]>>,
): AwardProposal[] {
  const proposals: AwardProposal[] = [];
  for (const group of GROUPS) {
    const prizes = counts[group];
    if (prizes === undefined) continue;
    for (const p of prizes) {
      if (!Number.isSafeInteger(p.count) || p.count < 0) throw new RangeError(`奖项名额应为非负整数：${p.count}`);
    }
    // Prize slot ranges [start, end), empty prizes dropped: they cannot hold a block or bound one.
    const ranges: Array<{ prize: Prize; start: number; end: number }> = [];
    let end = 0;
    for (const p of prizes) {
      if (p.count === 0) continue;
      ranges.push({ prize: p.prize, start: end, end: end + p.count });
      end += p.count;
    }

    const entries = ranked
      .filter((e) => e.group === group)
      .sort((a, b) => a.groupRank - b.groupRank || compareCodeUnits(a.entryId, b.entryId));
    const proposal: AwardProposal = { group, items: [], ties: [] };
    let position = 0;
    for (let i = 0; i < entries.length;) {
      const first = entries[i] as RankedEntry;
      let j = i + 1;
      while (j < entries.length && (entries[j] as RankedEntry).groupRank === first.groupRank) j++;
      const block = entries.slice(i, j);
      i = j;
      if (first.aggregate === null) {
        for (const e of block) proposal.items.push({ entryId: e.entryId, rank: e.groupRank, prize: null });
        continue;
      }
      const r = ranges.findIndex((range) => position >= range.start && position < range.end);
      const range = ranges[r];
      const prize = range?.prize ?? null;
      for (const e of block) proposal.items.push({ entryId: e.entryId, rank: e.groupRank, prize });
      if (range !== undefined && position + block.length > range.end) {
        proposal.ties.push({
          between: [range.prize, ranges[r + 1]?.prize ?? null],
          entryIds: block.map((e) => e.entryId),
        });
      }
      position += block.length;
    }
    proposals.push(proposal);
  }
  return proposals;
}
