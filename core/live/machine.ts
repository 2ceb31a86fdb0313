import { AppError, ErrorCode } from '../errors';
import {
  isSettled,
  pickCurrent,
  slotStateLabels,
  type LiveShowState,
  type LiveSlot,
  type LiveTimer,
  type SlotState,
  type TimerPhase,
} from './types';

/**
 * The host console's commands and what each may do, as one pure function: the cloud runs it inside the
 * transaction that reads and writes the show, so two consoles tapping the same button move the state once
 * (the second finds the state already moved and gets INVALID_STATE with the current state).
 */
export const LIVE_COMMANDS = [
  'pitch',
  'qa',
  'hold',
  'score',
  'close',
  'reopen',
  'finish',
  'absent',
  'withdraw',
  'pause',
  'resume',
  'addTime',
  'showBoard',
  'hideBoard',
] as const;
export type LiveCommand = (typeof LIVE_COMMANDS)[number];

export const liveCommandLabels: Record<LiveCommand, string> = {
  pitch: '开始路演',
  qa: '开始答辩',
  hold: '暂缓评分',
  score: '开始评分',
  close: '结束评分',
  reopen: '重新开放评分',
  finish: '完成',
  absent: '标记缺席',
  withdraw: '标记退赛',
  pause: '暂停计时',
  resume: '继续计时',
  addTime: '加时',
  showBoard: '公布排行榜',
  hideBoard: '收起排行榜',
};

/** Commands that act on one contestant (the others act on the show). */
export function needsSlot(command: LiveCommand): boolean {
  return command !== 'showBoard' && command !== 'hideBoard';
}

export interface ControlInput {
  command: LiveCommand;
  entryId: string | null;
  reason: string | null;
  /** addTime: seconds to add. */
  seconds: number | null;
}

export interface ControlResult {
  show: LiveShowState;
  /** The slot acted on (null for show-level commands). */
  slot: LiveSlot | null;
  /** `close` needs the reveal computed (a re-opening keeps the scores in: judges who change theirs submit again). */
  reveal: boolean;
}

function invalid(message: string, state: SlotState | null, extra: Record<string, unknown> = {}): never {
  throw new AppError(ErrorCode.INVALID_STATE, message, {
    state,
    stateLabel: state === null ? null : slotStateLabels[state],
    ...extra,
  });
}

function startTimer(phase: TimerPhase, minutes: number, at: string): LiveTimer {
  return { phase, plannedMs: minutes * 60_000, extraMs: 0, elapsedMs: 0, runningSince: at };
}

/** Milliseconds left on the timer at `now` (negative: over time). */
export function remainingMs(timer: LiveTimer, now: number): number {
  const running = timer.runningSince === null ? 0 : Math.max(0, now - Date.parse(timer.runningSince));
  return timer.plannedMs + timer.extraMs - timer.elapsedMs - running;
}

function pauseTimer(timer: LiveTimer, now: number): LiveTimer {
  if (timer.runningSince === null) return timer;
  return {
    ...timer,
    elapsedMs: timer.elapsedMs + Math.max(0, now - Date.parse(timer.runningSince)),
    runningSince: null,
  };
}

/** The first slot in order that has not been absent or withdrawn: the one a deferred first score holds. */
export function firstPresenter(show: LiveShowState): LiveSlot | null {
  return show.slots.find((s) => s.state !== 'absent' && s.state !== 'withdrawn') ?? null;
}

function sorted(show: LiveShowState): LiveSlot[] {
  return show.slots.slice().sort((a, b) => a.position - b.position);
}

/** The contestant the judges and the screen follow (pickCurrent over the run order). */
export function currentSlot(show: LiveShowState): LiveSlot | null {
  return pickCurrent(sorted(show));
}

export function applyControl(show: LiveShowState, input: ControlInput, now: Date): ControlResult {
  const at = now.toISOString();
  if (show.frozen !== null) invalid('公证员已确认本组成绩，不能再更改', null, { frozen: true });
  if (show.order === null) invalid('请先抽签或设定出场顺序', null);
  if (input.command === 'showBoard' || input.command === 'hideBoard') {
    const boardShown = input.command === 'showBoard';
    if (show.boardShown === boardShown) invalid(boardShown ? '排行榜已公布' : '排行榜未公布', null);
    return { show: { ...show, boardShown }, slot: null, reveal: false };
  }
  const order = sorted(show);
  const index = order.findIndex((s) => s.entryId === input.entryId);
  const slot = order[index];
  if (slot === undefined) throw new AppError(ErrorCode.NOT_FOUND, '该项目不在本组出场名单中');
  const state = slot.state;
  const others = order.filter((s) => s.entryId !== slot.entryId);
  const onStage = others.find((s) => s.state === 'pitch' || s.state === 'qa');
  const inScoring = others.find((s) => s.state === 'scoring');
  const first = firstPresenter(show);
  const deferThis = show.settings.deferFirst && first?.entryId === slot.entryId;
  let next: LiveSlot = slot;
  let reveal = false;

  const expect = (states: readonly SlotState[], message: string) => {
    if (!states.includes(state)) invalid(`${message}（当前：${slotStateLabels[state]}）`, state);
  };
  const needReason = (what: string) => {
    if (input.reason === null || input.reason.trim() === '') invalid(`${what}请填写原因`, state);
    return input.reason;
  };

  switch (input.command) {
    case 'pitch': {
      expect(['waiting'], '只有候场的选手可以开始路演');
      if (onStage) invalid(`第 ${onStage.position} 位选手仍在台上，请先结束其路演或答辩`, state);
      const before = order.slice(0, index);
      const blocking = before.find(
        (s) => !isSettled(s.state) && !(s.state === 'held' && show.settings.deferFirst) && s.state !== 'revealed',
      );
      if (blocking) invalid(`请先完成第 ${blocking.position} 位选手（${slotStateLabels[blocking.state]}）`, state);
      const unfinished = before.find((s) => s.state === 'revealed');
      if (unfinished) invalid(`第 ${unfinished.position} 位选手已亮分，请先点“完成”`, state);
      next = { ...slot, state: 'pitch', timer: startTimer('pitch', show.settings.pitchMinutes, at) };
      break;
    }
    case 'qa':
      expect(['pitch'], '只有路演中的选手可以开始答辩');
      next = { ...slot, state: 'qa', timer: startTimer('qa', show.settings.qaMinutes, at) };
      break;
    case 'hold':
      expect(['qa'], '只有答辩中的选手可以暂缓评分');
      if (!deferThis) invalid('只有开启“首位选手延后评分”时，第一位出场的选手才能暂缓评分', state);
      next = { ...slot, state: 'held', timer: slot.timer && pauseTimer(slot.timer, now.getTime()) };
      break;
    case 'score': {
      expect(['qa', 'held'], '只有答辩结束的选手可以开始评分');
      if (inScoring) invalid(`第 ${inScoring.position} 位选手正在评分，请先结束其评分`, state);
      const revealedOther = others.find((s) => s.state === 'revealed');
      if (revealedOther) invalid(`第 ${revealedOther.position} 位选手已亮分，请先点“完成”`, state);
      if (state === 'qa' && deferThis) invalid('首位选手延后评分：请先“暂缓评分”，第二位选手答辩后再评分', state);
      if (state === 'held') {
        const second = order.slice(index + 1).find((s) => s.state !== 'absent' && s.state !== 'withdrawn');
        if (second !== undefined && !['qa', 'held', 'scoring', 'revealed', 'done'].includes(second.state))
          invalid(`首位选手延后评分：请在第 ${second.position} 位选手答辩后再开始评分`, state);
      }
      const heldEarlier = order.slice(0, index).find((s) => s.state === 'held');
      if (heldEarlier) invalid(`请先为第 ${heldEarlier.position} 位选手评分`, state);
      if (slot.eligible.length === 0) invalid('没有可为该选手评分的评委（均已回避）', state);
      next = { ...slot, state: 'scoring', timer: slot.timer && pauseTimer(slot.timer, now.getTime()), scoredBy: [] };
      break;
    }
    case 'close': {
      expect(['scoring'], '只有评分中的选手可以结束评分');
      if (slot.scoredBy.length === 0) invalid('还没有评委提交评分，不能亮分', state);
      const missing = slot.eligible.length - slot.scoredBy.length;
      const reason = missing > 0 ? needReason(`尚有 ${missing} 位评委未评分，提前结束评分`) : input.reason;
      next = { ...slot, state: 'revealed', reason, reveals: slot.reveals + 1 };
      reveal = true;
      break;
    }
    case 'reopen': {
      expect(['revealed', 'done'], '只有已亮分的选手可以重新开放评分');
      const reason = needReason('重新开放评分');
      const revealedOther = others.find((s) => s.state === 'revealed');
      if (revealedOther) invalid(`第 ${revealedOther.position} 位选手已亮分，请先点“完成”`, state);
      if (inScoring) invalid(`第 ${inScoring.position} 位选手正在评分，请先结束其评分`, state);
      if (onStage) invalid(`第 ${onStage.position} 位选手仍在台上，请在其答辩结束后再重新开放`, state);
      // The scores already in stay: a judge who changes theirs submits again; the rest stand.
      next = { ...slot, state: 'scoring', reason };
      break;
    }
    case 'finish':
      expect(['revealed'], '只有已亮分的选手可以完成');
      next = { ...slot, state: 'done' };
      break;
    case 'absent':
      expect(['waiting'], '只有候场的选手可以标记缺席');
      next = { ...slot, state: 'absent', reason: needReason('标记缺席'), timer: null };
      break;
    case 'withdraw':
      expect(['waiting', 'pitch', 'qa', 'held'], '评分开始后不能标记退赛');
      next = { ...slot, state: 'withdrawn', reason: needReason('标记退赛'), timer: null };
      break;
    case 'pause':
      expect(['pitch', 'qa'], '只有路演或答辩中可以暂停计时');
      if (slot.timer === null || slot.timer.runningSince === null) invalid('计时已暂停', state);
      next = { ...slot, timer: pauseTimer(slot.timer, now.getTime()) };
      break;
    case 'resume':
      expect(['pitch', 'qa'], '只有路演或答辩中可以继续计时');
      if (slot.timer === null || slot.timer.runningSince !== null) invalid('计时正在进行', state);
      next = { ...slot, timer: { ...slot.timer, runningSince: at } };
      break;
    case 'addTime': {
      expect(['pitch', 'qa'], '只有路演或答辩中可以加时');
      const seconds = input.seconds ?? 0;
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) invalid('加时应为 1 到 600 秒', state);
      if (slot.timer === null) invalid('计时未开始', state);
      next = { ...slot, timer: { ...slot.timer, extraMs: slot.timer.extraMs + seconds * 1000 } };
      break;
    }
  }
  const slots = show.slots.map((s) => (s.entryId === next.entryId ? next : s));
  return { show: { ...show, slots }, slot: next, reveal };
}

/** Whether `openid` may score `slot` now. */
export function scoringOpenFor(show: LiveShowState, entryId: string, openid: string): LiveSlot {
  if (show.frozen !== null) invalid('公证员已确认本组成绩，不能再更改', null, { frozen: true });
  const slot = show.slots.find((s) => s.entryId === entryId);
  if (slot === undefined) throw new AppError(ErrorCode.NOT_FOUND, '该项目不在本组出场名单中');
  if (!show.judges.includes(openid)) throw new AppError(ErrorCode.FORBIDDEN, '您不是本组决赛评委');
  if (!slot.eligible.includes(openid)) throw new AppError(ErrorCode.FORBIDDEN, '您需回避该项目，不能评分');
  if (slot.state !== 'scoring') {
    const message =
      slot.state === 'revealed' || slot.state === 'done'
        ? '该选手的评分已结束'
        : `尚未开始评分（当前：${slotStateLabels[slot.state]}）`;
    invalid(message, slot.state);
  }
  return slot;
}
