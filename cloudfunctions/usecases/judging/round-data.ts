import { formatPoints, weightHundredths } from '@core/judging/points';
import { rankEntries } from '@core/judging/rank-entries';
import type { Fraction, RankedEntry, ScoreSheet } from '@core/judging/types';
import type { RankingRow } from '@core/judging/views';
import type { Ports } from '../../ports';
import { C, type AssignmentDoc, type RoundDoc, type RoundEntryDoc } from '../collections';

export interface RoundData {
  entries: RoundEntryDoc[];
  /** Active assignments (recused ones left out), scored or not. */
  active: AssignmentDoc[];
  recused: AssignmentDoc[];
}

/** Everything ranking and progress read: two queries, paged under the platform's caps by the Db port. */
export async function loadRoundData(ports: Ports, round: RoundDoc): Promise<RoundData> {
  const [entries, assignments] = await Promise.all([
    ports.db.collection<RoundEntryDoc>(C.roundEntries).find({ roundId: round._id, out: false }),
    ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: round._id }),
  ]);
  const inRound = new Set(entries.map((e) => e.entryId));
  return {
    entries,
    active: assignments.filter((a) => a.status === 'active' && inRound.has(a.entryId)),
    recused: assignments.filter((a) => a.status === 'recused' && inRound.has(a.entryId)),
  };
}

function scoreSheets(data: RoundData): ScoreSheet[] {
  return data.active.flatMap((a) =>
    a.score ? [{ entryId: a.entryId, judgeId: a.judgeOpenid, halves: a.score.halves }] : [],
  );
}

export function rankRound(round: RoundDoc, data: RoundData): RankedEntry[] {
  return rankEntries({
    rubric: round.rubric,
    aggregation: round.aggregation,
    entries: data.entries.map((e) => ({ entryId: e.entryId, group: e.group, field: e.field, previous: e.previous })),
    scores: scoreSheets(data),
  });
}

export const show = (f: Fraction | null) => (f === null ? null : formatPoints(f));

/** Mean points per criterion of each entry, for organizers reading a ranking. */
function criterionMeans(round: RoundDoc, data: RoundData): Map<string, Record<string, string>> {
  const sums = new Map<string, { n: number; units: Record<string, number> }>();
  for (const a of data.active) {
    if (!a.score) continue;
    const row = sums.get(a.entryId) ?? { n: 0, units: {} };
    row.n += 1;
    for (const c of round.rubric.criteria) {
      row.units[c.key] = (row.units[c.key] ?? 0) + (a.score.halves[c.key] ?? 0) * (weightHundredths(c.weight) ?? 100);
    }
    sums.set(a.entryId, row);
  }
  const out = new Map<string, Record<string, string>>();
  for (const [entryId, row] of sums) {
    out.set(
      entryId,
      Object.fromEntries(
        Object.entries(row.units).map(([key, units]) => [key, formatPoints({ num: units, den: row.n })]),
      ),
    );
  }
  return out;
}

export function rankingRows(round: RoundDoc, data: RoundData, ranked: readonly RankedEntry[]): RankingRow[] {
  const entries = new Map(data.entries.map((e) => [e.entryId, e]));
  const means = criterionMeans(round, data);
  return ranked.map((r) => {
    const e = entries.get(r.entryId);
    return {
      entryId: r.entryId,
      projectName: e?.projectName ?? '',
      orgName: e?.orgName ?? '',
      group: r.group,
      field: r.field,
      district: e?.district ?? '',
      scoreCount: r.scoreCount,
      aggregate: show(r.aggregate),
      trimmed: show(r.trimmed),
      median: show(r.median),
      topCriterion: show(r.topCriterion),
      previous: show(r.previous),
      criteria: means.get(r.entryId) ?? {},
      rank: r.rank,
      tied: r.tied,
      groupRank: r.groupRank,
      groupTied: r.groupTied,
      fieldRank: r.fieldRank,
      fieldTied: r.fieldTied,
    };
  });
}
