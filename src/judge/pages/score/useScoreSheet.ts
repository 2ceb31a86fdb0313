/**
 * The 评分 page's sheet: the shared sheet state (lib/useSheetState.ts) for one assigned entry of a round,
 * sent as `judge.score`.
 */
import type { JudgeEntryView } from '@core/judging/views';
import { enqueueWrite } from '../../../services/outbox';
import { scoreKey } from '../../lib/score-sheet';
import { useSheetState } from '../../lib/useSheetState';

export { COMMENT_MAX } from '../../lib/score-sheet';

export function useScoreSheet({
  entry,
  openid,
  editable,
}: {
  entry: JudgeEntryView;
  openid: string;
  editable: boolean;
}) {
  const { round } = entry;
  const key = scoreKey(openid, round.id, entry.entryId);
  return useSheetState({
    rubric: round.rubric,
    openid,
    scope: round.id,
    entryId: entry.entryId,
    key,
    myScore: entry.myScore,
    editable,
    enqueue: (points, comment) =>
      enqueueWrite(key, 'judge.score', { roundId: round.id, entryId: entry.entryId, points, comment }),
  });
}
