/** What the live actions answer. Totals travel as "86.50" strings; times are server instants. */
import type { Group } from '../contest/types';
import type { Aggregation, Rubric } from '../judging/types';
import type { MyScoreView } from '../judging/views';
import type { LiveEventType } from './chain';
import type { LiveOrder, LiveSession, LiveSettings, LiveTimer, SlotState } from './types';

export interface RevealView {
  entryId: string;
  position: number;
  projectName: string;
  lines: Array<{ label: string; total: string; dropped: 'high' | 'low' | null }>;
  aggregation: Aggregation;
  final: string;
  /** 1 for the first reveal; more when scoring was re-opened and the result shown again. */
  revision: number;
  /** The final shown before, when this reveal replaced one. */
  changedFrom: string | null;
  /** Short head hash of the log after this reveal. */
  headHash: string;
  at: string;
}

export interface BoardRow {
  rank: number;
  position: number;
  projectName: string;
  orgName: string;
  final: string;
}

/**
 * The released projection: what the big screen shows and anyone may read (`live.screen`, the `liveScreens`
 * collection on CloudBase). Nothing in it that the host has not released.
 */
export interface LiveScreenView {
  liveId: string;
  contestName: string;
  roundName: string;
  group: Group;
  /** The 场次, when the group's final runs in sessions. */
  session: LiveSession | null;
  /** Bumped on every change: the console and the judges' phones refetch their own views when it moves. */
  version: number;
  phase: 'setup' | 'running' | 'finished';
  current: {
    entryId: string;
    position: number;
    /** Every place in the drawn order, so 第 N 位 / 共 M 位 agree; `absent` of them are absent or withdrawn. */
    total: number;
    absent: number;
    projectName: string;
    orgName: string;
    state: SlotState;
    timer: LiveTimer | null;
  } | null;
  /** While scoring: how many of the awaited judges have scored (never what). */
  progress: { scored: number; of: number } | null;
  /** The current contestant's reveal, once revealed. */
  reveal: RevealView | null;
  /** Only while the host shows it. */
  board: BoardRow[] | null;
  /** The next contestant up (候场), for the screen's footer. */
  upNext: { position: number; projectName: string } | null;
  frozen: boolean;
  updatedAt: string;
}

export interface ConsoleSlotView {
  entryId: string;
  position: number;
  projectName: string;
  orgName: string;
  field: string;
  state: SlotState;
  reason: string | null;
  timer: LiveTimer | null;
  eligible: number;
  scored: Array<{ key: string; name: string }>;
  missing: Array<{ key: string; name: string }>;
  recused: Array<{ key: string; name: string }>;
  reveal: RevealView | null;
}

export interface LiveConsoleView {
  liveId: string;
  roundId: string;
  contestId: string;
  contestName: string;
  roundName: string;
  group: Group;
  /** The 场次, when the group's final runs in sessions. */
  session: LiveSession | null;
  aggregation: Aggregation;
  settings: LiveSettings;
  judges: Array<{ key: string; name: string; label: string }>;
  /** Judges bound to the contest, to choose the panel from; empty once a contestant has taken the stage. */
  candidates: Array<{ key: string; name: string; organization: string }>;
  order: LiveOrder | null;
  slots: ConsoleSlotView[];
  boardShown: boolean;
  /** The leaderboard as the screen would show it, for the host to check before 公布排行榜. */
  board: BoardRow[];
  frozen: { byName: string; at: string; head: string } | null;
  head: { count: number; hash: string };
  checkpoints: number;
  version: number;
  now: string;
}

/** A finalist of a group, and the show (whole group or 场次) that holds them, if any. */
export interface LiveFinalist {
  entryId: string;
  projectName: string;
  orgName: string;
  field: string;
  liveId: string | null;
  /** The 场次 that holds the finalist (null: the whole-group show, or none yet). */
  sessionName: string | null;
}

export interface LiveSummary {
  liveId: string;
  group: Group;
  /** The 场次, when the group's final runs in sessions. */
  session: LiveSession | null;
  contestants: number;
  judges: number;
  phase: LiveScreenView['phase'];
  frozen: boolean;
}

export interface JudgeLiveView {
  liveId: string;
  contestName: string;
  roundName: string;
  group: Group;
  /** The 场次, when the group's final runs in sessions. */
  session: LiveSession | null;
  version: number;
  current: { entryId: string; position: number; projectName: string; state: SlotState } | null;
  /** The sheet to fill: open while the host has scoring open for this judge's current contestant. */
  sheet: {
    entryId: string;
    position: number;
    projectName: string;
    orgName: string;
    open: boolean;
    myScore: MyScoreView | null;
  } | null;
  rubric: Rubric;
  /** This judge recuses the current contestant (conflict). */
  recused: boolean;
}

export interface LogEventView {
  seq: number;
  type: LiveEventType;
  at: string;
  actorName: string;
  /** In words, e.g. 第 2 位：开始评分. */
  summary: string;
  hash: string;
  prev: string;
}

export interface CheckpointView {
  count: number;
  head: string;
  at: string;
  keyId: string;
  signature: string;
}

export interface NotaryLogView {
  liveId: string;
  contestName: string;
  roundName: string;
  group: Group;
  /** The 场次, when the group's final runs in sessions. */
  session: LiveSession | null;
  aggregation: Aggregation;
  order:
    | (LiveOrder & {
        entries: Array<{ position: number; projectName: string; state: SlotState; reason: string | null }>;
      })
    | null;
  judges: Array<{ name: string; label: string }>;
  events: LogEventView[];
  /** More events after the last one: ask again with `after`. */
  more: boolean;
  checkpoints: CheckpointView[];
  /** `rank` among the revealed, on the exact finals (1, 2, 2, 4). */
  reveals: Array<RevealView & { computation: string; rank: number }>;
  reopenings: Array<{ position: number; projectName: string; reason: string; at: string; byName: string }>;
  frozen: { byName: string; at: string; head: string } | null;
  head: { count: number; hash: string };
  keyId: string;
}
