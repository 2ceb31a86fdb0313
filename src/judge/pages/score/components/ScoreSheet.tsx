/**
 * 评分表 of the 评分 page: the shared sheet (components/ScoreSheet) with the round's notes on top; read-only
 * when the window is not open or the judge has recused.
 */
import { View } from '@tarojs/components';
import type { Criterion, Rubric } from '@core/judging/types';
import { formatShanghai } from '@core/time/shanghai';
import type { RoundWindow } from '@core/judging/round-window';
import { ScoreSheet as SharedSheet } from '../../../components/ScoreSheet';
import type { SheetValues } from '../../../lib/score-sheet';

export function ScoreSheet(props: {
  rubric: Rubric;
  values: SheetValues;
  errors: Record<string, string>;
  editable: boolean;
  restored: boolean;
  recused: boolean;
  window: RoundWindow;
  opensAt: string;
  onPoint: (criterion: Criterion, text: string) => void;
  onComment: (comment: string) => void;
}) {
  const { recused, window } = props;
  return (
    <SharedSheet
      rubric={props.rubric}
      values={props.values}
      errors={props.errors}
      editable={props.editable}
      onPoint={props.onPoint}
      onComment={props.onComment}
      notes={
        <>
          {props.restored ? <View className="score-restored note">已恢复本机上次未提交的评分</View> : null}
          {!recused && window === 'closed' ? <View className="note">本轮评分已截止，评分表只读</View> : null}
          {!recused && window === 'upcoming' ? (
            <View className="note">评分尚未开始，开始后才能打分（北京时间 {formatShanghai(props.opensAt)}）</View>
          ) : null}
        </>
      }
    />
  );
}
