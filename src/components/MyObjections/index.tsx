/**
 * 我的异议: the caller's objections (results.objection.mine), newest first, each with the list (and
 * project) it is about, the reason, 待答复 / 已答复 and the organizers' answer.
 */
import { Text, View } from '@tarojs/components';
import type { ObjectionView } from '@core/results/views';
import { formatShanghai } from '@core/time/shanghai';
import './index.scss';

const statusLabels: Record<ObjectionView['status'], string> = { open: '待答复', answered: '已答复' };

export function MyObjections({ items }: { items: readonly ObjectionView[] }) {
  return (
    <View className="my-objections">
      {items.map((objection) => (
        <View key={objection.id} className="my-objection card" data-id={objection.id}>
          <View className="my-objection__head">
            <Text className="my-objection-list">{objection.listTitle}</Text>
            <Text className={`my-objection-status my-objection-status--${objection.status}`}>
              {statusLabels[objection.status]}
            </Text>
          </View>
          <View className="muted">
            {objection.contestName}
            {objection.projectName ? <Text className="my-objection-project"> · {objection.projectName}</Text> : null}
          </View>
          <View className="my-objection-reason">{objection.reason}</View>
          <View className="my-objection-time muted">提交于 {formatShanghai(objection.createdAt)}</View>
          {objection.answer ? (
            <View className="my-objection__answer">
              <Text className="my-objection__answer-label">
                组委会答复{objection.answeredAt ? `（${formatShanghai(objection.answeredAt)}）` : ''}：
              </Text>
              <Text className="my-objection-answer">{objection.answer}</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

export default MyObjections;
