/**
 * 现场评分 (决赛): where a judge's live score is kept on the phone and in the outbox, and how the stage is told.
 * The draft is the score page's storage (score-draft.ts) under the scope `live:<liveId>`.
 */
import { remainingMs } from '@core/live/machine';
import type { LiveTimer, SlotState } from '@core/live/types';

/** The draft scope of one show's sheets. */
export function liveDraftScope(liveId: string): string {
  return `live:${liveId}`;
}

/** The outbox key of one judge's live score of one contestant. */
export function liveScoreKey(openid: string, liveId: string, entryId: string): string {
  return `judge.live.score:${openid}:${liveId}:${entryId}`;
}

/** The outbox key prefix of all of one judge's live scores in a show. */
export function liveScorePrefix(openid: string, liveId: string): string {
  return `judge.live.score:${openid}:${liveId}:`;
}

/** The outbox key prefix of all of one judge's live scores. */
export function liveScoresOf(openid: string): string {
  return `judge.live.score:${openid}:`;
}

/** What the judge reads on the stage card for each state. */
export const stageLines: Record<SlotState, string> = {
  waiting: '候场中',
  pitch: '路演中',
  qa: '答辩中',
  held: '待评分：首位选手在第二位答辩后评分',
  scoring: '评分中',
  revealed: '评分已结束，大屏亮分',
  done: '该选手已完成',
  absent: '缺席',
  withdrawn: '退赛',
};

/** 07:59, or 超时 00:12 once the time is up. */
export function timerText(timer: LiveTimer, now: number): string {
  const left = remainingMs(timer, now);
  const seconds = Math.ceil(Math.abs(left) / 1000);
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return left < 0 && seconds > 0 ? `超时 ${mm}:${ss}` : `${mm}:${ss}`;
}
