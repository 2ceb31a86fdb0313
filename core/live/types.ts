/**
 * The live final (决赛) as one show per round and group: the run of show (order, timer plan), each
 * contestant's state on stage, and what the host has released. Pure data: the cloud stores it, the console,
 * the judges' phones and the big screen read projections of it.
 */
import { groupLabels, type Group } from '../contest/types';

/** 候场 → 路演 → 答辩 → (待评分, deferred first score) → 评分 → 亮分 → 完成; or 缺席 / 退赛. */
export const SLOT_STATES = [
  'waiting',
  'pitch',
  'qa',
  'held',
  'scoring',
  'revealed',
  'done',
  'absent',
  'withdrawn',
] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const slotStateLabels: Record<SlotState, string> = {
  waiting: '候场',
  pitch: '路演',
  qa: '答辩',
  held: '待评分',
  scoring: '评分',
  revealed: '亮分',
  done: '完成',
  absent: '缺席',
  withdrawn: '退赛',
};

/** A slot that no longer takes the stage. */
/**
 * Of the slots in run order, the contestant being scored or revealed, else the one on stage (路演 / 答辩): what
 * the console highlights and the judges and the screen follow. With a deferred first score the second contestant
 * is still in 答辩 while the first is scored; the scoring one comes first. One rule for the cloud's projection and
 * the console, so the host never highlights someone the screen does not show.
 */
export function pickCurrent<S extends { state: SlotState }>(ordered: readonly S[]): S | null {
  return (
    ordered.find((s) => s.state === 'scoring') ??
    ordered.find((s) => s.state === 'revealed') ??
    ordered.find((s) => s.state === 'pitch' || s.state === 'qa') ??
    null
  );
}

export function isSettled(state: SlotState): boolean {
  return state === 'done' || state === 'absent' || state === 'withdrawn';
}

export type JudgeLabels = 'named' | 'numbered';

export interface LiveSettings {
  /** 路演 minutes (8 by default). */
  pitchMinutes: number;
  /** 答辩 minutes (7 by default). */
  qaMinutes: number;
  /** The first contestant is scored only after the second has presented. */
  deferFirst: boolean;
  /** The reveal names the judges, or shows 评委 1…n. */
  judgeLabels: JudgeLabels;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  pitchMinutes: 8,
  qaMinutes: 7,
  deferFirst: false,
  judgeLabels: 'numbered',
};

export type TimerPhase = 'pitch' | 'qa';

/** A countdown in server time: remaining = planned + extra − elapsed − (now − runningSince while running). */
export interface LiveTimer {
  phase: TimerPhase;
  plannedMs: number;
  extraMs: number;
  /** Run time before the last start. */
  elapsedMs: number;
  /** Server instant of the last start; null while paused. */
  runningSince: string | null;
}

export interface LiveOrder {
  method: 'draw' | 'manual';
  /** The draw's seed: the same seed and contestants give the same order (`drawOrder`). */
  seed: string | null;
  reason: string | null;
  at: string;
}

export interface LiveSlot {
  entryId: string;
  /** 1-based place in the order (0 until the order is set). */
  position: number;
  state: SlotState;
  /** Why absent, withdrawn, closed early or re-opened (the latest). */
  reason: string | null;
  timer: LiveTimer | null;
  /** Panel judges (openids) free of conflict with this contestant: the ones whose scores are awaited. */
  eligible: string[];
  /** Eligible judges whose score is in, in arrival order. */
  scoredBy: string[];
  /** How many times this contestant has been revealed: a second reveal shows as changed. */
  reveals: number;
}

/**
 * A 场次 of a group's final: the group's finalists split between sessions (上午场 / 下午场, each with its own
 * panel), each run as its own show. A show without one takes the whole group.
 */
export interface LiveSession {
  /** `s1`, `s2`, …: part of the show's id. */
  key: string;
  name: string;
}

/** 企业组, or 企业组 · 上午场 for a session. */
export function showLabel(group: Group, session: LiveSession | null | undefined): string {
  return session ? `${groupLabels[group]} · ${session.name}` : groupLabels[group];
}

/** The first free 场次 key of a group's sessions: s1, s2, … */
export function nextSessionKey(taken: ReadonlyArray<LiveSession | null | undefined>): string {
  const used = new Set(taken.map((s) => s?.key));
  let n = 1;
  while (used.has(`s${n}`)) n += 1;
  return `s${n}`;
}

export interface LiveShowState {
  group: Group;
  /** Absent on shows saved before sessions existed: the whole group. */
  session?: LiveSession | null;
  settings: LiveSettings;
  /** Panel judges (openids), in the order 评委 1…n are numbered. */
  judges: string[];
  order: LiveOrder | null;
  slots: LiveSlot[];
  /** The host has released the running leaderboard to the screen. */
  boardShown: boolean;
  /** The notary's sign-off: after it nothing in the show changes. */
  frozen: { by: string; byName: string; at: string; head: string } | null;
}
