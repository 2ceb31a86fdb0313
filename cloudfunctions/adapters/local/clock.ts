import type { Clock } from '../../ports';

export const systemClock: Clock = {
  now: () => new Date(),
};

/**
 * A clock the local cloud (and tests) can move: it follows real time plus `offsetMs`, so timers, SSE
 * and "seconds ago" keep ticking after a jump to the registration deadline. `freeze()` pins it for
 * tests that must not see time pass.
 */
export interface AdjustableClock extends Clock {
  /** Jumps to `date`; keeps ticking from there unless frozen. */
  set(date: Date): void;
  /** Moves forward (or back, with a negative number). */
  advance(ms: number): void;
  /** Stops at the current reading (or at `at`). */
  freeze(at?: Date): void;
  /** Ticks again from the current reading. */
  unfreeze(): void;
  readonly frozen: boolean;
  /** How far this clock is ahead of real time, in milliseconds (negative when behind). */
  readonly offsetMs: number;
}

function checkTime(ms: number, what: string): number {
  if (!Number.isFinite(ms)) throw new Error(`时钟${what}无效：${ms}`);
  return ms;
}

export function createAdjustableClock(start?: Date, options: { realNow?: () => number } = {}): AdjustableClock {
  const realNow = options.realNow ?? Date.now;
  let offset = start ? checkTime(start.getTime(), '起点') - realNow() : 0;
  // When frozen, the reading is stored here and real time is ignored.
  let frozenAt: number | null = null;

  const read = (): number => frozenAt ?? realNow() + offset;

  return {
    now: () => new Date(read()),
    set(date: Date): void {
      const target = checkTime(date.getTime(), '目标');
      if (frozenAt !== null) frozenAt = target;
      else offset = target - realNow();
    },
    advance(ms: number): void {
      checkTime(ms, '步长');
      if (frozenAt !== null) frozenAt += ms;
      else offset += ms;
    },
    freeze(at?: Date): void {
      frozenAt = at ? checkTime(at.getTime(), '冻结点') : read();
    },
    unfreeze(): void {
      if (frozenAt === null) return;
      offset = frozenAt - realNow();
      frozenAt = null;
    },
    wait(ms: number): Promise<void> {
      if (frozenAt === null) return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
      frozenAt += Math.max(0, ms);
      return new Promise((resolve) => setImmediate(resolve));
    },
    get frozen(): boolean {
      return frozenAt !== null;
    },
    get offsetMs(): number {
      return read() - realNow();
    },
  };
}
