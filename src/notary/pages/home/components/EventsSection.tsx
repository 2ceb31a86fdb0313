/** Every event of the chained log: sequence, Beijing time, who, what, and its hash (tap for the whole). */
import { Button, Text, View } from '@tarojs/components';
import type { NotaryLogView } from '@core/live/views';
import type { CloudError } from '../../../../services/cloud';
import { beijingTime, eventTypeLabels } from '../../../lib/log-text';
import { Hash } from './Hash';

export function EventsSection(props: {
  log: NotaryLogView;
  loadingMore: boolean;
  moreError: CloudError | null;
  onMore: () => void;
}) {
  const { log } = props;
  return (
    <View className="notary-events card">
      <Text className="card__title">
        评分日志（已载入 {log.events.length} / {log.head.count} 条）
      </Text>
      {log.events.length > 0 ? (
        <View className="muted">北京时间；哈希 = sha256(前一哈希 + 事件)，任一事件被改动，其后所有哈希都对不上。</View>
      ) : null}
      <View className="notary-event notary-event--head">
        <Text className="notary-event__seq">序号</Text>
        <Text className="notary-event__time">时间</Text>
        <Text className="notary-event__actor">操作人</Text>
        <Text className="notary-event__summary">内容</Text>
        <Text className="notary-event__hash">哈希</Text>
      </View>
      {log.events.map((event) => (
        <View key={event.seq} className={`notary-event notary-event--${event.type}`} data-seq={event.seq}>
          <Text className="notary-event__seq">#{event.seq}</Text>
          <Text className="notary-event__time">{beijingTime(event.at)}</Text>
          <Text className="notary-event__actor">{event.actorName}</Text>
          <View className="notary-event__summary">
            <Text className={`notary-chip notary-chip--${event.type}`}>{eventTypeLabels[event.type]}</Text>
            <Text>{event.summary}</Text>
          </View>
          <View className="notary-event__hash">
            <Hash value={event.hash} />
          </View>
        </View>
      ))}
      {log.more ? (
        <View className="notary-more">
          <Button
            className="notary-more-button button"
            disabled={props.loadingMore || undefined}
            onClick={props.onMore}
          >
            {props.loadingMore ? '正在加载…' : '加载更多事件'}
          </Button>
          {props.moreError ? <View className="notary-error">{props.moreError.message}</View> : null}
        </View>
      ) : null}
    </View>
  );
}
