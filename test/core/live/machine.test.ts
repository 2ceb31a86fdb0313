/**
 * The host console's state machine (core/live/machine.ts) on a small show built by hand: three contestants
 * in order, three eligible judges each. Judges' scores arrive through the use case (it appends to
 * `scoredBy`); here they are set directly between commands.
 */
import { AppError, ErrorCode } from '../../../core/errors';
import {
  applyControl,
  currentSlot,
  remainingMs,
  scoringOpenFor,
  type ControlInput,
  type LiveCommand,
} from '../../../core/live/machine';
import {
  DEFAULT_LIVE_SETTINGS,
  type LiveSettings,
  type LiveShowState,
  type LiveSlot,
  type SlotState,
} from '../../../core/live/types';

const JUDGES = ['j1', 'j2', 'j3'];
const T0 = Date.parse('2026-09-17T01:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

function newShow(settings: Partial<LiveSettings> = {}): LiveShowState {
  return {
    group: 'enterprise',
    settings: { ...DEFAULT_LIVE_SETTINGS, ...settings },
    judges: [...JUDGES],
    order: { method: 'draw', seed: 'seed-1', reason: null, at: at(-600).toISOString() },
    slots: ['e1', 'e2', 'e3'].map((entryId, i): LiveSlot => ({
      entryId,
      position: i + 1,
      state: 'waiting',
      reason: null,
      timer: null,
      eligible: [...JUDGES],
      scoredBy: [],
      reveals: 0,
    })),
    boardShown: false,
    frozen: null,
  };
}

type Extra = Partial<Omit<ControlInput, 'command'>> & { now?: Date };

function control(show: LiveShowState, command: LiveCommand, entryId: string | null, extra: Extra = {}) {
  const { now = at(0), ...rest } = extra;
  return applyControl(show, { command, entryId, reason: null, seconds: null, ...rest }, now);
}

/** Applies the command and returns the new show. */
function run(show: LiveShowState, command: LiveCommand, entryId: string | null, extra: Extra = {}): LiveShowState {
  return control(show, command, entryId, extra).show;
}

function slot(show: LiveShowState, entryId: string): LiveSlot {
  const s = show.slots.find((x) => x.entryId === entryId);
  if (s === undefined) throw new Error(`no slot ${entryId}`);
  return s;
}

function stateOf(show: LiveShowState, entryId: string): SlotState {
  return slot(show, entryId).state;
}

/** The judges' scores arriving (what the use case records), outside the console's commands. */
function scored(show: LiveShowState, entryId: string, judges: string[] = JUDGES): LiveShowState {
  return { ...show, slots: show.slots.map((s) => (s.entryId === entryId ? { ...s, scoredBy: [...judges] } : s)) };
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

function expectInvalid(fn: () => unknown, state: SlotState | null): AppError {
  const error = errorOf(fn);
  expect(error.code).toBe(ErrorCode.INVALID_STATE);
  expect((error.details as { state: unknown }).state).toBe(state);
  return error;
}

/** One contestant from 候场 to 完成 with every judge scoring. */
function through(show: LiveShowState, entryId: string): LiveShowState {
  let s = run(show, 'pitch', entryId);
  s = run(s, 'qa', entryId);
  s = run(s, 'score', entryId);
  s = scored(s, entryId);
  s = run(s, 'close', entryId);
  return run(s, 'finish', entryId);
}

describe('happy path', () => {
  test('each contestant goes waiting → pitch → qa → score → close → finish, in order', () => {
    let show = newShow();
    for (const entryId of ['e1', 'e2', 'e3']) {
      expect(stateOf(show, entryId)).toBe('waiting');
      show = run(show, 'pitch', entryId);
      expect(stateOf(show, entryId)).toBe('pitch');
      expect(slot(show, entryId).timer).toMatchObject({
        phase: 'pitch',
        plannedMs: 8 * 60_000,
        runningSince: at(0).toISOString(),
      });
      expect(currentSlot(show)?.entryId).toBe(entryId);
      show = run(show, 'qa', entryId);
      expect(stateOf(show, entryId)).toBe('qa');
      expect(slot(show, entryId).timer).toMatchObject({ phase: 'qa', plannedMs: 7 * 60_000, elapsedMs: 0 });
      const scoring = control(show, 'score', entryId);
      expect(scoring.reveal).toBe(false);
      show = scoring.show;
      expect(stateOf(show, entryId)).toBe('scoring');
      expect(slot(show, entryId).scoredBy).toEqual([]);
      expect(slot(show, entryId).timer?.runningSince).toBeNull(); // the timer stops while judges score
      show = scored(show, entryId);
      const closed = control(show, 'close', entryId);
      expect(closed.reveal).toBe(true);
      expect(closed.slot).toMatchObject({ entryId, state: 'revealed', reveals: 1, reason: null });
      show = closed.show;
      expect(currentSlot(show)?.entryId).toBe(entryId);
      show = run(show, 'finish', entryId);
      expect(stateOf(show, entryId)).toBe('done');
    }
    expect(currentSlot(show)).toBeNull();
  });

  test('the input show is not changed', () => {
    const show = newShow();
    const before = JSON.stringify(show);
    run(run(show, 'pitch', 'e1'), 'qa', 'e1');
    expect(JSON.stringify(show)).toBe(before);
  });
});

describe('out-of-order commands are refused with INVALID_STATE and the current state', () => {
  test('qa on a waiting contestant', () => {
    expectInvalid(() => control(newShow(), 'qa', 'e1'), 'waiting');
  });

  test('every command that does not apply to a waiting contestant', () => {
    const show = newShow();
    for (const command of ['qa', 'hold', 'score', 'close', 'reopen', 'finish', 'pause', 'resume'] as const)
      expectInvalid(() => control(show, command, 'e1', { reason: '原因' }), 'waiting');
    expectInvalid(() => control(show, 'addTime', 'e1', { seconds: 30 }), 'waiting');
  });

  test('close before any judge has scored', () => {
    let show = run(run(run(newShow(), 'pitch', 'e1'), 'qa', 'e1'), 'score', 'e1');
    expect(slot(show, 'e1').scoredBy).toEqual([]);
    expectInvalid(() => control(show, 'close', 'e1', { reason: '时间到' }), 'scoring');
    // A score from before a re-score does not count: `score` empties the list.
    show = scored(run(run(newShow(), 'pitch', 'e1'), 'qa', 'e1'), 'e1', ['j1']);
    show = run(show, 'score', 'e1');
    expectInvalid(() => control(show, 'close', 'e1', { reason: '时间到' }), 'scoring');
  });

  test('pitch of contestant 2 while contestant 1 is on stage (pitch or qa)', () => {
    let show = run(newShow(), 'pitch', 'e1');
    expectInvalid(() => control(show, 'pitch', 'e2'), 'waiting');
    show = run(show, 'qa', 'e1');
    expectInvalid(() => control(show, 'pitch', 'e2'), 'waiting');
  });

  test('pitch of contestant 2 while contestant 1 is being scored, or revealed but not finished', () => {
    let show = run(run(run(newShow(), 'pitch', 'e1'), 'qa', 'e1'), 'score', 'e1');
    expectInvalid(() => control(show, 'pitch', 'e2'), 'waiting');
    show = run(scored(show, 'e1'), 'close', 'e1');
    expect(stateOf(show, 'e1')).toBe('revealed');
    const error = expectInvalid(() => control(show, 'pitch', 'e2'), 'waiting');
    expect(error.message).toContain('请先点“完成”');
    expect(stateOf(run(run(show, 'finish', 'e1'), 'pitch', 'e2'), 'e2')).toBe('pitch');
  });

  test('pitch out of order: contestant 3 before contestant 2', () => {
    const show = through(newShow(), 'e1');
    expectInvalid(() => control(show, 'pitch', 'e3'), 'waiting');
  });

  test('score of another contestant while one is being scored or revealed', () => {
    // Only reachable by hand-built states in the normal flow; the machine still refuses.
    let show = run(run(run(newShow(), 'pitch', 'e1'), 'qa', 'e1'), 'score', 'e1');
    show = { ...show, slots: show.slots.map((s) => (s.entryId === 'e2' ? { ...s, state: 'qa' as const } : s)) };
    expectInvalid(() => control(show, 'score', 'e2'), 'qa');
    show = run(scored(show, 'e1'), 'close', 'e1');
    expectInvalid(() => control(show, 'score', 'e2'), 'qa');
  });

  test('the second tap of the same button finds the state already moved', () => {
    const show = run(newShow(), 'pitch', 'e1');
    expectInvalid(() => control(show, 'pitch', 'e1'), 'pitch');
    const done = through(newShow(), 'e1');
    expectInvalid(() => control(done, 'finish', 'e1'), 'done');
  });

  test('an unknown contestant is NOT_FOUND; no order yet is refused', () => {
    expect(errorOf(() => control(newShow(), 'pitch', 'nobody')).code).toBe(ErrorCode.NOT_FOUND);
    expectInvalid(() => control({ ...newShow(), order: null }, 'pitch', 'e1'), null);
  });
});

describe('reasons', () => {
  const inScoring = () => run(run(run(newShow(), 'pitch', 'e1'), 'qa', 'e1'), 'score', 'e1');

  test('closing with judges missing needs a reason, and keeps it; with every judge in it needs none', () => {
    const show = scored(inScoring(), 'e1', ['j1', 'j2']);
    const error = expectInvalid(() => control(show, 'close', 'e1'), 'scoring');
    expect(error.message).toContain('尚有 1 位评委未评分');
    expectInvalid(() => control(show, 'close', 'e1', { reason: '   ' }), 'scoring');
    const closed = control(show, 'close', 'e1', { reason: '评委 3 手机没电' });
    expect(closed.slot).toMatchObject({ state: 'revealed', reason: '评委 3 手机没电' });
    expect(control(scored(inScoring(), 'e1'), 'close', 'e1').slot?.state).toBe('revealed');
  });

  test('reopen needs a reason; it goes back to scoring, keeps the scores in, and counts the next reveal', () => {
    let show = run(scored(inScoring(), 'e1'), 'close', 'e1');
    expectInvalid(() => control(show, 'reopen', 'e1'), 'revealed');
    expectInvalid(() => control(show, 'reopen', 'e1', { reason: '' }), 'revealed');
    const reopened = control(show, 'reopen', 'e1', { reason: '评委 2 录入错误' });
    expect(reopened.reveal).toBe(false);
    expect(reopened.slot).toMatchObject({ state: 'scoring', reason: '评委 2 录入错误', scoredBy: JUDGES, reveals: 1 });
    show = run(reopened.show, 'close', 'e1');
    expect(slot(show, 'e1').reveals).toBe(2);
    // From done as well, and not while another contestant is on stage.
    show = run(run(show, 'finish', 'e1'), 'pitch', 'e2');
    expectInvalid(() => control(show, 'reopen', 'e1', { reason: '复核' }), 'done');
  });

  test('absent and withdraw need a reason; absent only while waiting, withdraw not once scoring began', () => {
    const show = newShow();
    expectInvalid(() => control(show, 'absent', 'e2'), 'waiting');
    expectInvalid(() => control(show, 'withdraw', 'e2', { reason: ' ' }), 'waiting');
    const absent = control(show, 'absent', 'e2', { reason: '未到场' });
    expect(absent.slot).toMatchObject({ state: 'absent', reason: '未到场', timer: null });
    expect(control(show, 'withdraw', 'e2', { reason: '企业退赛' }).slot).toMatchObject({ state: 'withdrawn' });
    // Withdraw mid-stage is allowed; absent is not.
    const onStage = run(show, 'pitch', 'e1');
    expectInvalid(() => control(onStage, 'absent', 'e1', { reason: '未到场' }), 'pitch');
    expect(control(onStage, 'withdraw', 'e1', { reason: '身体不适' }).slot?.state).toBe('withdrawn');
    expectInvalid(() => control(inScoring(), 'withdraw', 'e1', { reason: '退赛' }), 'scoring');
  });

  test('an absent contestant is skipped: the next one may pitch', () => {
    let show = through(newShow(), 'e1');
    show = run(show, 'absent', 'e2', { reason: '未到场' });
    expect(stateOf(run(show, 'pitch', 'e3'), 'e3')).toBe('pitch');
  });
});

describe('a frozen show', () => {
  test('refuses every command, with state null and frozen in the details', () => {
    const base = run(newShow(), 'pitch', 'e1');
    const show: LiveShowState = {
      ...base,
      frozen: { by: 'notary', byName: '公证员', at: at(10).toISOString(), head: 'a'.repeat(64) },
    };
    const commands: LiveCommand[] = [
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
    ];
    for (const command of commands) {
      for (const entryId of ['e1', 'e2']) {
        const error = expectInvalid(() => control(show, command, entryId, { reason: '原因', seconds: 30 }), null);
        expect(error.details).toMatchObject({ frozen: true });
      }
    }
    expect((errorOf(() => scoringOpenFor(show, 'e1', 'j1')).details as { frozen?: boolean }).frozen).toBe(true);
  });
});

describe('deferred first score (settings.deferFirst)', () => {
  const deferred = () => run(run(newShow({ deferFirst: true }), 'pitch', 'e1'), 'qa', 'e1');

  test('contestant 1 must be held after qa: score from qa is refused, hold is accepted and pauses the timer', () => {
    const show = deferred();
    expectInvalid(() => control(show, 'score', 'e1'), 'qa');
    const held = control(show, 'hold', 'e1', { now: at(90) });
    expect(held.slot?.state).toBe('held');
    expect(held.slot?.timer).toMatchObject({ runningSince: null, elapsedMs: 90_000 });
  });

  test('hold is refused without the setting, and for anyone but the first presenter', () => {
    const plain = run(run(newShow(), 'pitch', 'e1'), 'qa', 'e1');
    expectInvalid(() => control(plain, 'hold', 'e1'), 'qa');
    let show = run(deferred(), 'hold', 'e1');
    show = run(run(show, 'pitch', 'e2'), 'qa', 'e2');
    expectInvalid(() => control(show, 'hold', 'e2'), 'qa');
  });

  test('contestant 2 pitches while 1 is held; 1 is scored only once 2 reached qa; 2 not while 1 is held', () => {
    let show = run(deferred(), 'hold', 'e1');
    show = run(show, 'pitch', 'e2');
    expect(stateOf(show, 'e2')).toBe('pitch');
    expect(currentSlot(show)?.entryId).toBe('e2');
    // 2 is still pitching: too early for 1.
    expectInvalid(() => control(show, 'score', 'e1'), 'held');
    show = run(show, 'qa', 'e2');
    // 2 may not be scored before the held contestant 1.
    const error = expectInvalid(() => control(show, 'score', 'e2'), 'qa');
    expect(error.message).toContain('第 1 位');
    // Nor may contestant 3 pitch while 2 is on stage.
    expectInvalid(() => control(show, 'pitch', 'e3'), 'waiting');
    show = run(show, 'score', 'e1');
    expect(stateOf(show, 'e1')).toBe('scoring');
    show = run(run(scored(show, 'e1'), 'close', 'e1'), 'finish', 'e1');
    show = run(show, 'score', 'e2');
    expect(stateOf(show, 'e2')).toBe('scoring');
    show = run(run(scored(show, 'e2'), 'close', 'e2'), 'finish', 'e2');
    // Contestant 3 runs the plain way.
    expect(stateOf(through(show, 'e3'), 'e3')).toBe('done');
  });

  test('when contestant 1 is absent, contestant 2 is the first presenter and is the one held', () => {
    let show = run(newShow({ deferFirst: true }), 'absent', 'e1', { reason: '未到场' });
    show = run(run(show, 'pitch', 'e2'), 'qa', 'e2');
    expectInvalid(() => control(show, 'score', 'e2'), 'qa');
    expect(stateOf(run(show, 'hold', 'e2'), 'e2')).toBe('held');
  });
});

describe('timer', () => {
  test('remainingMs counts down while running, stops while paused, and addTime extends it', () => {
    let show = run(newShow(), 'pitch', 'e1', { now: at(0) });
    const t = () => slot(show, 'e1').timer!;
    expect(remainingMs(t(), at(0).getTime())).toBe(480_000);
    expect(remainingMs(t(), at(60).getTime())).toBe(420_000);
    // A clock read before the start (skew) never adds time.
    expect(remainingMs(t(), at(-5).getTime())).toBe(480_000);

    show = run(show, 'pause', 'e1', { now: at(100) });
    expect(t().runningSince).toBeNull();
    expect(remainingMs(t(), at(100).getTime())).toBe(380_000);
    expect(remainingMs(t(), at(1000).getTime())).toBe(380_000);
    expectInvalid(() => control(show, 'pause', 'e1', { now: at(110) }), 'pitch');

    show = run(show, 'addTime', 'e1', { seconds: 30, now: at(150) });
    expect(remainingMs(t(), at(150).getTime())).toBe(410_000);

    show = run(show, 'resume', 'e1', { now: at(200) });
    expectInvalid(() => control(show, 'resume', 'e1', { now: at(201) }), 'pitch');
    expect(remainingMs(t(), at(200).getTime())).toBe(410_000);
    expect(remainingMs(t(), at(260).getTime())).toBe(350_000);
    // Over time: negative.
    expect(remainingMs(t(), at(200 + 420).getTime())).toBe(-10_000);

    show = run(show, 'qa', 'e1', { now: at(700) });
    expect(remainingMs(t(), at(760).getTime())).toBe(7 * 60_000 - 60_000);
  });

  test('addTime takes 1 to 600 whole seconds; pause, resume and addTime only during pitch or qa', () => {
    const show = run(newShow(), 'pitch', 'e1');
    for (const seconds of [null, 0, -5, 601, 1.5])
      expectInvalid(() => control(show, 'addTime', 'e1', { seconds }), 'pitch');
    expect(slot(run(show, 'addTime', 'e1', { seconds: 600 }), 'e1').timer?.extraMs).toBe(600_000);
    expect(slot(run(show, 'addTime', 'e1', { seconds: 1 }), 'e1').timer?.extraMs).toBe(1000);
    const scoring = run(run(show, 'qa', 'e1'), 'score', 'e1');
    for (const command of ['pause', 'resume'] as const) expectInvalid(() => control(scoring, command, 'e1'), 'scoring');
    expectInvalid(() => control(scoring, 'addTime', 'e1', { seconds: 30 }), 'scoring');
  });
});

describe('leaderboard on the screen', () => {
  test('showBoard twice is refused, hideBoard when hidden is refused', () => {
    const show = newShow();
    expectInvalid(() => control(show, 'hideBoard', null), null);
    const shown = control(show, 'showBoard', null);
    expect(shown).toMatchObject({ slot: null, reveal: false });
    expect(shown.show.boardShown).toBe(true);
    expectInvalid(() => control(shown.show, 'showBoard', null), null);
    expect(run(shown.show, 'hideBoard', null).boardShown).toBe(false);
  });
});

describe('scoringOpenFor', () => {
  const inScoring = () => run(run(run(newShow(), 'pitch', 'e1'), 'qa', 'e1'), 'score', 'e1');

  test('an eligible panel judge may score the contestant in scoring', () => {
    expect(scoringOpenFor(inScoring(), 'e1', 'j2').entryId).toBe('e1');
  });

  test('a judge not on the panel and a recused one are FORBIDDEN', () => {
    expect(errorOf(() => scoringOpenFor(inScoring(), 'e1', 'stranger')).code).toBe(ErrorCode.FORBIDDEN);
    const show = inScoring();
    const recused: LiveShowState = {
      ...show,
      slots: show.slots.map((s) => (s.entryId === 'e1' ? { ...s, eligible: ['j1', 'j2'] } : s)),
    };
    const error = errorOf(() => scoringOpenFor(recused, 'e1', 'j3'));
    expect(error.code).toBe(ErrorCode.FORBIDDEN);
    expect(error.message).toContain('回避');
  });

  test('a contestant not in scoring is INVALID_STATE with its state; an unknown one NOT_FOUND', () => {
    expectInvalid(() => scoringOpenFor(newShow(), 'e1', 'j1'), 'waiting');
    expectInvalid(() => scoringOpenFor(run(newShow(), 'pitch', 'e1'), 'e1', 'j1'), 'pitch');
    const revealed = run(scored(inScoring(), 'e1'), 'close', 'e1');
    expect(expectInvalid(() => scoringOpenFor(revealed, 'e1', 'j1'), 'revealed').message).toBe('该选手的评分已结束');
    expect(errorOf(() => scoringOpenFor(inScoring(), 'nobody', 'j1')).code).toBe(ErrorCode.NOT_FOUND);
  });
});
