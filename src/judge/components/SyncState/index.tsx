/**
 * Where a score stands between the phone and the server: 未提交, 正在提交…, 待同步 (in the outbox),
 * 提交失败 (the server's refusal, with 放弃这次提交), 已提交 (with changes not sent yet), or 已回避.
 * Shared by 评分 and 现场评分; the hints after the server's message say what the judge can still do.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { MyScoreView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import type { OutboxItem } from '../../../services/outbox';
import './index.scss';

export interface SyncStateProps {
  recused: boolean;
  queued: OutboxItem | undefined;
  sending: boolean;
  confirmed: MyScoreView | null;
  dirty: boolean;
  onDrop: () => void;
  /** After a refusal's message. */
  failedHint?: string;
  /** Under 已提交 when the sheet holds changes not sent; null: say nothing (the sheet is locked). */
  dirtyHint?: string | null;
}

export function SyncState(props: SyncStateProps) {
  const { recused, queued, sending, confirmed, dirty } = props;
  if (recused) {
    return <State kind="recused" title="已回避" message="您已回避该项目，不能再评分。" />;
  }
  if (queued?.failed) {
    const hint = props.failedHint ?? '评分已保存在本机，可修改后重新提交。';
    return (
      <State
        kind="failed"
        title="提交失败"
        message={`${queued.failed.message.replace(/[。.]$/, '')}。${hint}`}
        action={
          <Text className="score-drop link" onClick={props.onDrop}>
            放弃这次提交
          </Text>
        }
      />
    );
  }
  if (queued) {
    return sending ? (
      <State kind="sending" title="正在提交…" message="请稍候" />
    ) : (
      <State kind="pending" title="待同步" message="网络恢复后将自动提交，离开本页或关闭小程序也不会丢失。" />
    );
  }
  if (confirmed) {
    const dirtyHint = props.dirtyHint === undefined ? '有修改尚未提交：点击“更新评分”提交修改' : props.dirtyHint;
    return (
      <View>
        <State
          kind="submitted"
          title="已提交"
          message={`合计 ${confirmed.total} 分`}
          time={`北京时间 ${formatShanghai(confirmed.updatedAt, 'M月D日 HH:mm:ss')}`}
        />
        {dirty && dirtyHint ? <View className="score-dirty note">{dirtyHint}</View> : null}
      </View>
    );
  }
  return <State kind="draft" title="未提交" message="填写内容已自动保存在本机" />;
}

function State(props: { kind: string; title: string; message: string; time?: string; action?: ReactNode }) {
  return (
    <View className={`score-state score-state--${props.kind}`}>
      <Text className="score-state__title">{props.title}</Text>
      {props.time ? <Text className="score-state-time">{props.time}</Text> : null}
      <View className="score-state__message">{props.message}</View>
      {props.action}
    </View>
  );
}

export default SyncState;
