/**
 * The score sheet as last typed, kept on the phone at every change, so nothing is lost to a closed
 * page, a flat battery or the venue's Wi-Fi. Per judge, scope (the round's id, or `live:<liveId>` for the
 * live final's sheet) and entry; `editedAt` is by the server's clock (services/server-clock.ts) so it can be
 * compared with the server's myScore.updatedAt.
 */
import Taro from '@tarojs/taro';
import type { SheetValues } from './score-sheet';

interface StoredDraft {
  v: 1;
  points: Record<string, string>;
  comment: string;
  editedAt: number;
}

export interface ScoreDraft {
  values: SheetValues;
  editedAt: number;
}

function keyOf(openid: string, scope: string, entryId: string): string {
  return `judge.draft.${openid}.${scope}.${entryId}`;
}

export function readScoreDraft(openid: string, scope: string, entryId: string): ScoreDraft | null {
  try {
    const raw = Taro.getStorageSync(keyOf(openid, scope, entryId)) as Partial<StoredDraft> | '';
    if (
      typeof raw !== 'object' ||
      raw === null ||
      raw.v !== 1 ||
      typeof raw.points !== 'object' ||
      raw.points === null ||
      typeof raw.editedAt !== 'number'
    ) {
      return null;
    }
    const points: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw.points)) if (typeof value === 'string') points[key] = value;
    return { values: { points, comment: typeof raw.comment === 'string' ? raw.comment : '' }, editedAt: raw.editedAt };
  } catch {
    return null;
  }
}

export function writeScoreDraft(
  openid: string,
  scope: string,
  entryId: string,
  values: SheetValues,
  editedAt: number,
): void {
  const draft: StoredDraft = { v: 1, points: values.points, comment: values.comment, editedAt };
  try {
    Taro.setStorageSync(keyOf(openid, scope, entryId), draft);
  } catch {
    // Storage full or unavailable: the sheet still works, it just won't survive a restart.
  }
}

export function clearScoreDraft(openid: string, scope: string, entryId: string): void {
  try {
    Taro.removeStorageSync(keyOf(openid, scope, entryId));
  } catch {
    // Nothing to clear.
  }
}
