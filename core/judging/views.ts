/** What the judging actions answer: the wire's output types (see core/actions.ts). */
import type { Group, Prize, StageKey } from '../contest/types';
import type { RoundWindow } from './round-window';
import type { Aggregation, AwardCount, CutoffRule, Rubric } from './types';

/** online: 预赛 review; panels: 复赛 sessions; live: 决赛 on stage, run from the host console (core/live). */
export type RoundMode = 'online' | 'panels' | 'live';
export type RoundStatus = 'setup' | 'advanced' | 'awarded';

/** A round as organizers configure it. Points are plain numbers here; totals travel as "86.50" strings. */
export interface RoundView {
  id: string;
  contestId: string;
  contestName: string;
  stage: StageKey;
  name: string;
  rubric: Rubric;
  /** Full marks of the rubric (Σ max × weight), in points. */
  maxPoints: number;
  rubricLocked: boolean;
  aggregation: Aggregation;
  judgesPerEntry: number;
  blind: boolean;
  opensAt: string;
  closesAt: string;
  window: RoundWindow;
  mode: RoundMode;
  panelCapacity: number | null;
  /** The thresholds in effect (defaults resolved). */
  scoreGapPoints: number;
  judgeBiasPoints: number;
  status: RoundStatus;
  /** From the last assignment run. */
  assignedAt: string | null;
  /** A large assignment run continues in the background: its progress. */
  assignProgress: { state: 'running' | 'done'; total: number; done: number } | null;
  counts: { entries: number; judges: number; assignments: number };
  advancement: { at: string; rule: CutoffRule; admitted: number; listId: string | null } | null;
  awards: { at: string; awardsListId: string | null; nationalListId: string | null } | null;
  updatedAt: string;
}

/** A round as a judge sees it. */
export interface JudgeRoundView {
  id: string;
  contestId: string;
  contestName: string;
  stage: StageKey;
  name: string;
  rubric: Rubric;
  maxPoints: number;
  blind: boolean;
  opensAt: string;
  closesAt: string;
  window: RoundWindow;
}

export type AssignmentState = 'pending' | 'scored' | 'recused';

/** A 复赛 session: where and when its entries are heard. */
export interface SessionView {
  key: string;
  district: string;
  field: string;
  place: string;
  startsAt: string | null;
  entryIds: string[];
  judgeKeys: string[];
}

export interface JudgeAssignmentView {
  roundId: string;
  entryId: string;
  projectName: string;
  group: Group;
  field: string;
  district: string;
  /** Company (企业组) or leader (创客组); null under blind review. */
  orgName: string | null;
  state: AssignmentState;
  /** The judge's own total, "86.50"; null until scored. */
  total: string | null;
  updatedAt: string | null;
  session: { place: string; startsAt: string | null } | null;
}

export interface JudgeRoundAssignments {
  round: JudgeRoundView;
  items: JudgeAssignmentView[];
  done: number;
  total: number;
}

export interface MyScoreView {
  /** Points per criterion key, e.g. 27.5. */
  points: Record<string, number>;
  comment: string;
  total: string;
  submittedAt: string;
  updatedAt: string;
  revision: number;
}

export interface JudgeEntryView {
  round: JudgeRoundView;
  entryId: string;
  projectName: string;
  group: Group;
  field: string;
  district: string;
  orgName: string | null;
  summary: string;
  highlights: string;
  /** Labelled facts of the form (成立日期, 员工人数, 团队 …), names removed under blind review. */
  facts: Array<{ label: string; value: string }>;
  /** A short-lived link; the file name is generic under blind review. */
  businessPlan: { name: string; size: number; url: string; expiresAt: string } | null;
  state: AssignmentState;
  myScore: MyScoreView | null;
}

/** Judges appear to organizers by an opaque key, never by their WeChat openid. */
export interface JudgeView {
  key: string;
  name: string;
  organization: string;
  title: string;
  expertise: string[];
  conflicts: { names: string[]; creditCodes: string[] };
  boundAt: string;
}

export interface InviteView {
  code: string;
  contestId: string;
  status: 'unused' | 'used' | 'expired';
  expiresAt: string;
  usedByName: string | null;
  usedAt: string | null;
  createdAt: string;
}

export interface JudgeProgressRow {
  key: string;
  name: string;
  organization: string;
  assigned: number;
  done: number;
  recused: number;
  /** Scores still missing while the window is open or closed. */
  behind: boolean;
  /** The judge's mean lean against the other judges on the same entries, signed points "+6.25"; null without overlap. */
  bias: string | null;
  biasFlagged: boolean;
  lastScoredAt: string | null;
}

export interface RoundProgress {
  round: RoundView;
  judges: JudgeProgressRow[];
  entries: {
    total: number;
    /** Entries with at least k scores. */
    complete: number;
    /** How many entries have 0, 1, 2 … scores (index = scores). */
    byScores: number[];
  };
  /** Entries with fewer than k active judges or scores, worst first (at most 200). */
  tooFew: Array<{ entryId: string; projectName: string; judges: number; scores: number }>;
  tooFewCount: number;
  recusals: Array<{ entryId: string; projectName: string; judgeName: string; reason: string; at: string }>;
  /** Scores far from their entry's median. */
  flags: Array<{ entryId: string; projectName: string; judgeName: string; total: string; median: string; gap: string }>;
  sessions: SessionView[];
}

export interface RankingRow {
  entryId: string;
  projectName: string;
  orgName: string;
  group: Group;
  field: string;
  district: string;
  scoreCount: number;
  aggregate: string | null;
  trimmed: string | null;
  median: string | null;
  topCriterion: string | null;
  previous: string | null;
  /** Mean points per criterion key. */
  criteria: Record<string, string>;
  rank: number;
  tied: boolean;
  groupRank: number;
  groupTied: boolean;
  fieldRank: number;
  fieldTied: boolean;
}

export interface CutoffEntryView {
  entryId: string;
  projectName: string;
  orgName: string;
  group: Group;
  field: string;
  rank: number;
  /** Rank inside its scope (group or field rank for those rules). */
  scopeRank: number;
  aggregate: string | null;
}

export interface CutoffView {
  rule: CutoffRule;
  /** Changes when anything the preview shows changes; advance refuses a stale one (CUTOFF_CHANGED). */
  fingerprint: string;
  scopes: Array<{
    scope: string;
    label: string;
    kind: 'all' | 'group' | 'field';
    entries: number;
    slots: number;
    quota: string | null;
    admitted: number;
    straddling: CutoffEntryView[];
    open: number;
  }>;
  admitted: CutoffEntryView[];
  straddling: CutoffEntryView[];
  /** The first entries below the cut-off (at most 100) and how many there are. */
  out: CutoffEntryView[];
  outCount: number;
  unscored: CutoffEntryView[];
  /** Entries with fewer scores than the round's judges per entry (k): their rank may still move. */
  shortOfScores: number;
  /** Which stage the admitted move to, and the list that will be published. */
  next: { status: 'semifinalist' | 'finalist'; listKind: 'preliminary' | 'finalist' } | null;
}

export interface AwardsGroupView {
  group: Group;
  counts: AwardCount[];
  items: Array<{
    entryId: string;
    projectName: string;
    orgName: string;
    field: string;
    rank: number;
    tied: boolean;
    aggregate: string | null;
    prize: Prize | null;
  }>;
  ties: Array<{ between: [Prize, Prize | null]; entryIds: string[] }>;
}

export interface AwardsView {
  round: RoundView;
  groups: AwardsGroupView[];
}

export interface JudgingAuditRow {
  id: string;
  at: string;
  actorName: string;
  action: string;
  actionLabel: string;
  roundId: string | null;
  entryId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}
