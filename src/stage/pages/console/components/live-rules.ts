/**
 * What the host console works out from a console view, as plain functions: the order, the contestant on
 * stage, the buttons each state offers (the cloud decides again: `applyControl` in core/live/machine.ts), the
 * clock face, the run-of-show form and the page's target (`liveId`, or `roundId` + `group` before the show exists).
 */
import type { ActionInput } from '@core/actions';
import type { Group } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import { liveDrawInput, liveUpsertInput } from '@core/live/schemas';
import type { LiveCommand } from '@core/live/machine';
import { DEFAULT_LIVE_SETTINGS, pickCurrent, type JudgeLabels } from '@core/live/types';
import type { ConsoleSlotView, LiveConsoleView } from '@core/live/views';
import { validate } from '@core/validation';
import type { CloudError } from '../../../../services/cloud';

export const GROUPS: readonly Group[] = ['enterprise', 'maker'];

export function isGroup(value: string | undefined): value is Group {
  return value === 'enterprise' || value === 'maker';
}

export interface LiveTarget {
  liveId: string;
  /** Known when the page was opened for a group (or the id reads as `<roundId>:<group>[:<session>]`): a new show can be set up. */
  roundId: string | null;
  group: Group | null;
  /** The 场次's key (`s1`…) when the show is one session of the group. */
  session: string | null;
}

const SESSION_KEY = /^s[1-9]\d?$/;

/**
 * The page's params: `liveId`, or `roundId` + `group` (+ `session` for a 场次) before the show exists. Show ids
 * are `<roundId>:<group>` or `<roundId>:<group>:<session>`.
 */
export function liveTarget(params: Record<string, string>): LiveTarget | null {
  const { liveId, roundId, group } = params;
  const session = params.session && SESSION_KEY.test(params.session) ? params.session : null;
  if (roundId && isGroup(group))
    return { liveId: session ? `${roundId}:${group}:${session}` : `${roundId}:${group}`, roundId, group, session };
  if (!liveId) return null;
  const parts = liveId.split(':');
  const last = parts.at(-1) ?? '';
  const inSession = SESSION_KEY.test(last) && parts.length > 2;
  const tail = inSession ? (parts.at(-2) ?? '') : last;
  const head = parts.slice(0, inSession ? -2 : -1).join(':');
  return head !== '' && isGroup(tail)
    ? { liveId, roundId: head, group: tail, session: inSession ? last : null }
    : { liveId, roundId: null, group: null, session: null };
}

/** Round ids are `<contestId>:<stage>`. */
export function contestOfRound(roundId: string): string {
  const cut = roundId.lastIndexOf(':');
  return cut > 0 ? roundId.slice(0, cut) : roundId;
}

export function sortedSlots(view: Pick<LiveConsoleView, 'slots'>): ConsoleSlotView[] {
  return view.slots.slice().sort((a, b) => a.position - b.position || a.projectName.localeCompare(b.projectName));
}

/** Some contestant has taken the stage: the run of show can no longer change. */
export function hasStarted(view: Pick<LiveConsoleView, 'slots'>): boolean {
  return view.slots.some((s) => s.state !== 'waiting' && s.state !== 'absent');
}

/** The contestant the screen shows, by the same rule as the cloud's projection. */
export function currentOf(view: Pick<LiveConsoleView, 'slots'>): ConsoleSlotView | null {
  return pickCurrent(sortedSlots(view));
}

/** The first contestant still 候场. */
export function nextUp(view: Pick<LiveConsoleView, 'slots'>): ConsoleSlotView | null {
  return sortedSlots(view).find((s) => s.state === 'waiting') ?? null;
}

/** Contestants between 路演 and 完成: each gets its own card on the console. */
export function activeSlots(view: Pick<LiveConsoleView, 'slots'>): ConsoleSlotView[] {
  return sortedSlots(view).filter((s) => ['pitch', 'qa', 'held', 'scoring', 'revealed'].includes(s.state));
}

/** Whether 开始路演 of the next contestant makes sense now (nobody on stage, scoring or revealed). */
export function stageFree(view: Pick<LiveConsoleView, 'slots'>): boolean {
  return !view.slots.some((s) => ['pitch', 'qa', 'scoring', 'revealed'].includes(s.state));
}

function firstPresenter(view: Pick<LiveConsoleView, 'slots'>): ConsoleSlotView | null {
  return sortedSlots(view).find((s) => s.state !== 'absent' && s.state !== 'withdrawn') ?? null;
}

/** This contestant's score waits for the second one (首位选手延后评分). */
export function deferredHere(view: Pick<LiveConsoleView, 'slots' | 'settings'>, slot: ConsoleSlotView): boolean {
  return view.settings.deferFirst && firstPresenter(view)?.entryId === slot.entryId;
}

/** The steps a contestant's state offers (timer buttons apart), in the order they are shown. */
export function stepCommands(view: Pick<LiveConsoleView, 'slots' | 'settings'>, slot: ConsoleSlotView): LiveCommand[] {
  switch (slot.state) {
    case 'waiting':
      return nextUp(view)?.entryId === slot.entryId ? ['pitch', 'absent', 'withdraw'] : ['absent', 'withdraw'];
    case 'pitch':
      return ['qa', 'withdraw'];
    case 'qa':
      return [deferredHere(view, slot) ? 'hold' : 'score', 'withdraw'];
    case 'held':
      return ['score', 'withdraw'];
    case 'scoring':
      return ['close'];
    case 'revealed':
      return ['finish', 'reopen'];
    case 'done':
      return ['reopen'];
    default:
      return [];
  }
}

/** 暂停 / 继续 while on stage. */
export function timerCommand(slot: ConsoleSlotView): 'pause' | 'resume' | null {
  if ((slot.state !== 'pitch' && slot.state !== 'qa') || slot.timer === null) return null;
  return slot.timer.runningSince === null ? 'resume' : 'pause';
}

/** The commands that must say why (the cloud refuses them without). */
export function needsReason(command: LiveCommand, slot: ConsoleSlotView | null): boolean {
  if (command === 'absent' || command === 'withdraw' || command === 'reopen') return true;
  return command === 'close' && slot !== null && slot.missing.length > 0;
}

const two = (n: number) => String(n).padStart(2, '0');

/** mm:ss, rounded up while counting down (so 00:00 shows at the end, not a second early); over time counts up. */
export function clockFace(ms: number): { text: string; over: boolean } {
  const over = ms < 0;
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
  return over ? { text: `超时 +${text}`, over } : { text, over };
}

/** The head hash as people compare it: its first 12 hex digits. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** A refused command in words; INVALID_STATE says the contestant's state when the message does not already. */
export function refusalText(error: CloudError): string {
  const details = error.details as Record<string, unknown> | undefined;
  const label = typeof details?.stateLabel === 'string' ? details.stateLabel : null;
  if (error.code === 'INVALID_STATE' && label && !error.message.includes(label))
    return `${error.message}（当前：${label}）`;
  if (error.code === 'NETWORK') return `${error.message}（再次点击不会重复操作）`;
  return error.message;
}

// ---- 设置: the run-of-show form ----

export interface SetupDraft {
  /** Panel judges by key, in the order 评委 1…n. */
  judges: string[];
  /** A 场次's name and finalists (unused for a whole-group show). */
  sessionName: string;
  entryIds: string[];
  pitchMinutes: string;
  qaMinutes: string;
  deferFirst: boolean;
  judgeLabels: JudgeLabels;
}

export function setupDraftOf(view: LiveConsoleView | null, session: string | null = null): SetupDraft {
  const settings = view?.settings ?? DEFAULT_LIVE_SETTINGS;
  return {
    judges: view?.judges.map((j) => j.key) ?? [],
    sessionName: view?.session?.name ?? (session ? `第${session.slice(1)}场` : ''),
    entryIds: view?.slots.map((s) => s.entryId) ?? [],
    pitchMinutes: String(settings.pitchMinutes),
    qaMinutes: String(settings.qaMinutes),
    deferFirst: settings.deferFirst,
    judgeLabels: settings.judgeLabels,
  };
}

export type UpsertInput = ActionInput<'admin.live.upsert'>;

function minutes(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** "judges.2" and "session.entryIds.0" point at their list as a whole on this form. */
function fieldOf(path: string): string {
  if (path.startsWith('judges')) return 'judges';
  return path.startsWith('session.entryIds') ? 'session.entryIds' : path;
}

/** The request, or the problems keyed the way the server keys them (`judges`, `settings.pitchMinutes`). */
export function checkSetup(
  draft: SetupDraft,
  roundId: string,
  group: Group,
  session: string | null = null,
): { ok: true; input: UpsertInput } | { ok: false; errors: FieldErrors } {
  const input: UpsertInput = {
    roundId,
    group,
    ...(session ? { session: { key: session, name: draft.sessionName, entryIds: draft.entryIds } } : {}),
    judges: draft.judges,
    settings: {
      pitchMinutes: minutes(draft.pitchMinutes),
      qaMinutes: minutes(draft.qaMinutes),
      deferFirst: draft.deferFirst,
      judgeLabels: draft.judgeLabels,
    },
  };
  const checked = validate(liveUpsertInput, input);
  if (!checked.ok) {
    const errors: FieldErrors = {};
    // "judges.2" and the like point at the list as a whole on this form.
    for (const [path, message] of Object.entries(checked.errors)) errors[fieldOf(path)] ??= message;
    return { ok: false, errors };
  }
  return { ok: true, input };
}

/** The stored run of show with an order set by hand, nothing else changed. */
export function manualOrderInput(view: LiveConsoleView, entryIds: string[], reason: string): UpsertInput {
  return {
    roundId: view.roundId,
    group: view.group,
    // A 场次 keeps its name and finalists: without them the save would be read as the whole group's.
    ...(view.session ? { session: { ...view.session, entryIds: view.slots.map((s) => s.entryId) } } : {}),
    judges: view.judges.map((j) => j.key),
    settings: { ...view.settings },
    manualOrder: { entryIds, reason },
  };
}

/** The seed as typed: empty lets the cloud draw one; otherwise the problem with it, if any. */
export function seedProblem(liveId: string, seed: string): string | null {
  if (seed.trim() === '') return null;
  const checked = validate(liveDrawInput, { liveId, seed: seed.trim() });
  return checked.ok ? null : (checked.errors.seed ?? Object.values(checked.errors)[0] ?? '抽签种子格式不正确');
}

/** Moves the item at `from` one place up (-1) or down (+1); out of range, nothing moves. */
export function moveItem<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  const out = [...items];
  const item = out[from];
  if (item === undefined || to < 0 || to >= out.length) return out;
  out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** The server's INVALID_INPUT details as messages beside the form's boxes. */
export function setupErrorsOf(failure: CloudError | null): FieldErrors {
  const out: FieldErrors = {};
  if (failure?.code !== 'INVALID_INPUT' || !failure.details) return out;
  for (const [key, message] of Object.entries(failure.details))
    if (typeof message === 'string') out[fieldOf(key)] ??= message;
  return out;
}
