/** What the big screen says, as pure functions of the projection (kept out of the components to test them). */
import type { LiveScreenView } from '@core/live/views';
import type { SlotState } from '@core/live/types';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A countdown as people read it: mm:ss, the second still running counted (00:01 until the last second is up);
 * over time, how long over (超时 01:05).
 */
export function timerText(remaining: number): { text: string; over: boolean } {
  const over = remaining < 0;
  const seconds = over ? Math.floor(-remaining / 1000) : Math.ceil(remaining / 1000);
  return { text: `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`, over };
}

/** The state of the contestant on stage, as the hall reads it. */
export const screenStateLabels: Record<SlotState, string> = {
  waiting: '候场',
  pitch: '项目路演',
  qa: '现场答辩',
  held: '答辩结束 · 待评分',
  scoring: '评委评分中',
  revealed: '亮分',
  done: '完成',
  absent: '缺席',
  withdrawn: '退赛',
};

/** 3f9a1c2b7d4e → 3f9a 1c2b 7d4e: read aloud and compared in fours. */
export function groupedHash(hash: string): string {
  return hash.replace(/(.{4})(?=.)/g, '$1 ');
}

/** When each part of the reveal appears (seconds after it arrives): judges one by one, then the drops, then the final. */
export function revealTimeline(lines: number): { line: (i: number) => number; drops: number; final: number } {
  const STEP = 0.7;
  const START = 0.4;
  const drops = START + lines * STEP + 0.3;
  return { line: (i) => START + i * STEP, drops, final: drops + 1 };
}

/** What fills the middle of the screen. */
export type ScreenScene = 'board' | 'setup' | 'stage' | 'scoring' | 'held' | 'reveal' | 'finished' | 'between';

export function sceneOf(screen: LiveScreenView): ScreenScene {
  if (screen.board !== null) return 'board';
  if (screen.phase === 'setup') return 'setup';
  const current = screen.current;
  if (current !== null) {
    if (current.state === 'pitch' || current.state === 'qa') return 'stage';
    if (current.state === 'scoring') return 'scoring';
    if (current.state === 'held') return 'held';
    if (current.state === 'revealed' && screen.reveal !== null) return 'reveal';
  }
  if (screen.phase === 'finished') return 'finished';
  return 'between';
}

/** Rows of the board that fit the screen: the row height (vmin) for `count` rows in the space the board has. */
export function boardRowHeight(count: number): number {
  const SPACE = 62;
  return Math.max(3.2, Math.min(8, SPACE / Math.max(1, count)));
}
