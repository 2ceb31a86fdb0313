/**
 * The printed 成绩单 as rows: per contestant in the order, each judge's total in the panel's columns (dropped ones
 * marked), the final of the latest reveal and the rank among the revealed. Pure: the page and its tests use it.
 */
import type { NotaryLogView } from '@core/live/views';

export interface SheetCell {
  total: string;
  dropped: 'high' | 'low' | null;
}

export interface SheetRow {
  position: number;
  projectName: string;
  /** By column (the panel's labels); null where that judge has no score (recused, or not in yet). */
  cells: Array<SheetCell | null>;
  /** 最高 95.00, 最低 72.00: the totals the rule dropped. */
  dropped: string[];
  final: string | null;
  rank: number | null;
  revision: number;
  changedFrom: string | null;
}

export type Reveal = NotaryLogView['reveals'][number];

/** The latest reveal of each contestant (a re-opened score is revealed again, with a higher revision). */
export function latestReveals(reveals: readonly Reveal[]): Map<string, Reveal> {
  const latest = new Map<string, Reveal>();
  for (const r of reveals) {
    const known = latest.get(r.entryId);
    if (known === undefined || r.revision > known.revision) latest.set(r.entryId, r);
  }
  return latest;
}

const droppedWords = { high: '最高', low: '最低' } as const;

export function sheetRows(log: NotaryLogView): SheetRow[] {
  const latest = [...latestReveals(log.reveals).values()];
  const labels = log.judges.map((j) => j.label);
  const entries =
    log.order?.entries ??
    latest.map((r) => ({ position: r.position, projectName: r.projectName })).sort((a, b) => a.position - b.position);
  return entries.map((entry) => {
    const reveal = latest.find((r) => r.position === entry.position);
    const cells = labels.map((label) => {
      const line = reveal?.lines.find((l) => l.label === label);
      return line ? { total: line.total, dropped: line.dropped } : null;
    });
    const dropped = (reveal?.lines ?? [])
      .filter((l) => l.dropped !== null)
      .map((l) => `${droppedWords[l.dropped ?? 'high']} ${l.total}`);
    return {
      position: entry.position,
      projectName: entry.projectName,
      cells,
      dropped,
      final: reveal?.final ?? null,
      // Ranked by the cloud on the exact finals: two finals that print alike may still differ.
      rank: reveal?.rank ?? null,
      revision: reveal?.revision ?? 0,
      changedFrom: reveal?.changedFrom ?? null,
    };
  });
}
