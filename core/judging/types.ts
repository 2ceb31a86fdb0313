/**
 * The judging vocabulary shared by the rules in core/judging, the cloud use cases and the judge / admin
 * pages. Points are exact: a criterion is scored in half-points, weights have at most two decimals, so a
 * weighted total is an integer number of *units* (1 unit = 1/200 point) and every mean is a fraction of
 * units. Nothing here drifts the way 0.1 + 0.2 does.
 */
import type { Group, Prize, StageKey } from '../contest/types';

/** 1 point = 2 half-points × 100 weight-hundredths. */
export const UNITS_PER_POINT = 200;

/** An exact value in units: `num / den` units, integers, `den > 0` (num < 0 only for differences). */
export interface Fraction {
  num: number;
  den: number;
}

export const AGGREGATIONS = ['mean', 'trimmed', 'normalized'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const aggregationLabels: Record<Aggregation, string> = {
  mean: '算术平均',
  trimmed: '去掉一个最高分和一个最低分后平均（不少于 5 个评分时）',
  normalized: '按评委标准化（z 分数，按本轮整体均值与离散度还原）',
};

/** One line of a rubric. `key` is stable once scores exist; `maxPoints` is a multiple of 0.5. */
export interface Criterion {
  key: string;
  name: string;
  description: string;
  maxPoints: number;
  /** Multiplier of the points in the total, 0.01 .. 100 with at most two decimals; usually 1. */
  weight: number;
}

export interface Rubric {
  criteria: Criterion[];
}

/** One judge's score of one entry: per-criterion points as half-points (7.5 points → 15). */
export interface ScoreSheet {
  entryId: string;
  judgeId: string;
  halves: Readonly<Record<string, number>>;
}

/** A judge as the assignment sees them. */
export interface JudgeProfileForAssignment {
  id: string;
  /** Industry fields the judge is expert in (the contest's field names). */
  expertise: readonly string[];
  /** Declared conflicts of interest: organization names and/or 统一社会信用代码. */
  conflicts: ConflictDeclaration;
  /**
   * The entrant identities (`entrantIdentity`) of entries this judge's own account submitted: a judge never
   * reviews their own company or their own maker project, whoever's account entered it.
   */
  identities?: readonly string[];
}

export interface ConflictDeclaration {
  names: readonly string[];
  creditCodes: readonly string[];
}

/** An entry as the assignment sees it. */
export interface EntryForAssignment {
  id: string;
  field: string;
  /** Company name (企业组) or the team leader / team name (创客组). */
  orgName: string;
  /** 企业组 only. */
  creditCode: string | null;
  /** Used by 复赛 panels (district × field). */
  district: string;
  /** The account that submitted the entry: its judge is conflicted like a declared one. */
  ownerId?: string | null;
  /** The company or maker the entry names (`entrantIdentity`). */
  identity?: string | null;
}

/** What already exists when assignment runs again. */
export interface ExistingAssignment {
  entryId: string;
  judgeId: string;
  /** scored: a score exists, never moved; pending: assigned, no score yet; recused: the judge stepped back. */
  state: 'scored' | 'pending' | 'recused';
}

export interface AssignmentInput {
  entries: readonly EntryForAssignment[];
  judges: readonly JudgeProfileForAssignment[];
  /** Judges per entry. */
  k: number;
  /** Same input and seed → same plan. */
  seed: string;
  existing: readonly ExistingAssignment[];
  /**
   * A re-run of a round in progress only tops up what is missing: pending pairs stay where they are (a judge
   * may have opened the entry, or scored it offline) unless now conflicted or gone. Without it, pending pairs
   * may move to even out loads (a fresh plan).
   */
  keepPending?: boolean;
}

export interface AssignmentPlan {
  /** New pairs to create. */
  add: Array<{ entryId: string; judgeId: string; expert: boolean }>;
  /** Pending pairs to delete: conflicted now, entry or judge no longer in the round, or moved to even out loads. */
  remove: Array<{ entryId: string; judgeId: string; reason: 'conflict' | 'gone' | 'rebalance' }>;
  /** Entries that still lack judges (not enough eligible judges), with how many are missing. */
  short: Array<{ entryId: string; missing: number }>;
  /** Active (scored + pending) assignments per judge after the plan. */
  loads: Record<string, number>;
}

/** 复赛: entries grouped by district × field into sessions of at most `capacity`, each with its judges. */
export interface PanelInput {
  entries: readonly EntryForAssignment[];
  judges: readonly JudgeProfileForAssignment[];
  capacity: number;
  /** Judges per session. */
  k: number;
  seed: string;
}

export interface PanelPlan {
  sessions: Array<{
    /** Stable within a plan: `<district>|<field>|<n>`, n from 1. */
    key: string;
    district: string;
    field: string;
    entryIds: string[];
    judgeIds: string[];
  }>;
  /** Sessions that could not get k judges free of conflicts with all their entries. */
  short: Array<{ key: string; missing: number }>;
}

/** An entry to rank, with the previous round's aggregate when it came from one. */
export interface EntryForRanking {
  entryId: string;
  group: Group;
  field: string;
  previous: Fraction | null;
}

export interface RankingInput {
  rubric: Rubric;
  aggregation: Aggregation;
  entries: readonly EntryForRanking[];
  /** Active scores of the round (recused or removed pairs excluded). Scores of unknown entries are ignored. */
  scores: readonly ScoreSheet[];
}

export interface RankedEntry {
  entryId: string;
  group: Group;
  field: string;
  scoreCount: number;
  /** By the round's aggregation; null without scores. */
  aggregate: Fraction | null;
  /** Tie-breakers, in order. */
  trimmed: Fraction | null;
  median: Fraction | null;
  /** Mean points (in units) on the rubric's top criterion: the highest maxPoints × weight, first listed on a tie. */
  topCriterion: Fraction | null;
  previous: Fraction | null;
  /** Competition ranking (1, 2, 2, 4): entries equal on every key share a rank. Unscored entries come last, tied. */
  rank: number;
  tied: boolean;
  groupRank: number;
  groupTied: boolean;
  fieldRank: number;
  fieldTied: boolean;
}

export type CutoffRule =
  | { kind: 'top'; n: number }
  | { kind: 'topPerGroup'; n: number }
  /** 名额按项目数占比: n slots shared among fields by the largest-remainder method, at least one per field. */
  | { kind: 'proportional'; n: number };

export const cutoffRuleLabels: Record<CutoffRule['kind'], string> = {
  top: '前 N 名',
  topPerGroup: '每组前 N 名',
  proportional: '名额按项目数占比',
};

/** 前 12 名 / 每组前 6 名 / 12 个名额按各行业领域项目数占比分配. */
export function cutoffRuleText(rule: CutoffRule): string {
  if (rule.kind === 'top') return `前 ${rule.n} 名`;
  if (rule.kind === 'topPerGroup') return `每组前 ${rule.n} 名`;
  return `${rule.n} 个名额按各行业领域项目数占比分配`;
}

export interface CutoffScope {
  /** 'all', a group ('enterprise' / 'maker') or a field name. */
  scope: string;
  kind: 'all' | 'group' | 'field';
  entries: number;
  /** Slots given to the scope; for fields, the exact quota too. */
  slots: number;
  quota: number | null;
  /** Entries certainly in. */
  admitted: string[];
  /** Tied across the boundary: `open` of these fit in the slots left. Empty when the boundary falls between ranks. */
  straddling: string[];
  open: number;
}

export interface CutoffPreview {
  rule: CutoffRule;
  scopes: CutoffScope[];
  /** All certainly in, in ranking order. */
  admitted: string[];
  /** All tied across a boundary. */
  straddling: string[];
  /** Everyone else: below the cut-off, or without any score. */
  out: string[];
  unscored: string[];
}

export interface AwardCount {
  prize: Prize;
  count: number;
}

export interface AwardProposal {
  group: Group;
  /** In ranking order: each finalist of the group with the proposed prize (null: none). */
  items: Array<{ entryId: string; rank: number; prize: Prize | null }>;
  /** Ties across a prize boundary (or the last prize's boundary): the organizer decides these. */
  ties: Array<{ between: [Prize, Prize | null]; entryIds: string[] }>;
}

export interface DiscrepancyInput {
  /** Per-score totals in units. */
  scores: ReadonlyArray<{ entryId: string; judgeId: string; units: number }>;
  /** A score whose total differs from its entry's median by more than this (units) is flagged. */
  scoreGapUnits: number;
  /** A judge whose mean differs from the other judges' mean on the same entries by more than this is flagged. */
  judgeBiasUnits: number;
}

export interface DiscrepancyFlags {
  /** gap = units − median (signed). */
  scores: Array<{ entryId: string; judgeId: string; units: number; median: Fraction; gap: Fraction }>;
  /** bias: mean of (judge's total − mean of the other judges' totals) over entries with other scores (signed). */
  judges: Array<{ judgeId: string; bias: Fraction; entries: number }>;
}

export type { Group, Prize, StageKey };
