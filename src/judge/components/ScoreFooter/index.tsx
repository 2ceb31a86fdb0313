/**
 * The sheet's footer, kept in reach while scrolling through the criteria: 合计 86.5 / 100 (已打 4/5 项) and
 * 提交评分 / 更新评分 while the sheet is editable.
 */
import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { RunningTotal } from '../../lib/score-sheet';
import './index.scss';

export function ScoreFooter(props: {
  total: RunningTotal;
  editable: boolean;
  sending: boolean;
  /** 提交评分, or 更新评分 once the server holds a score. */
  label: string;
  className?: string;
  /** A line above the total, e.g. where the score stands (待同步 / 已提交), kept in sight with the button. */
  status?: ReactNode;
  onSubmit: () => void;
}) {
  const { total } = props;
  return (
    <View className={`score-footer ${props.status ? 'score-footer--status' : ''} ${props.className ?? ''}`}>
      {props.status ? <View className="score-footer__status">{props.status}</View> : null}
      <View className="score-total">
        合计 <Text className="score-total__value">{total.total}</Text> / {total.max}
        <Text className="score-total__count">
          （已打 {total.scored}/{total.count} 项）
        </Text>
      </View>
      {props.editable ? (
        <Button
          className="score-submit primary-button"
          loading={props.sending || undefined}
          disabled={props.sending || undefined}
          onClick={props.onSubmit}
        >
          {/* In a Text of its own: a bare label is set as the button's textContent, which on H5 removes the
              nodes the button's own loading icon is placed against (insertBefore fails on the next submit). */}
          <Text className="score-submit__label">{props.label}</Text>
        </Button>
      ) : null}
    </View>
  );
}

export default ScoreFooter;
