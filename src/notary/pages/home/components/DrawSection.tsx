/** 出场顺序 (how it was set: the draw's seed, or the reason for a hand-made order) and the panel. */
import { Text, View } from '@tarojs/components';
import { slotStateLabels } from '@core/live/types';
import type { NotaryLogView } from '@core/live/views';
import { beijing, orderMethodLabels } from '../../../lib/log-text';

export function DrawSection({ log }: { log: NotaryLogView }) {
  const order = log.order;
  return (
    <View className="notary-draw card">
      <Text className="card__title">出场顺序</Text>
      {order === null ? (
        <View className="muted">尚未抽签或设定出场顺序。</View>
      ) : (
        <>
          <View className="notary-facts">
            <View className="notary-fact">
              <Text className="notary-fact__label">方式</Text>
              <Text className="notary-draw-method">{orderMethodLabels[order.method]}</Text>
            </View>
            {order.seed !== null ? (
              <View className="notary-fact">
                <Text className="notary-fact__label">抽签种子</Text>
                <Text className="notary-draw-seed notary-mono" userSelect>
                  {order.seed}
                </Text>
              </View>
            ) : null}
            {order.reason ? (
              <View className="notary-fact">
                <Text className="notary-fact__label">原因</Text>
                <Text className="notary-draw-reason">{order.reason}</Text>
              </View>
            ) : null}
            <View className="notary-fact">
              <Text className="notary-fact__label">时间</Text>
              <Text>{beijing(order.at)}</Text>
            </View>
          </View>
          <View className="notary-order">
            {order.entries.map((entry) => (
              <View key={entry.position} className="notary-order__row">
                <Text className="notary-order__position">{entry.position}</Text>
                <Text className="notary-order__project">{entry.projectName}</Text>
                {entry.state === 'absent' || entry.state === 'withdrawn' ? (
                  <Text className="notary-order__state">
                    {slotStateLabels[entry.state]}
                    {entry.reason ? `（${entry.reason}）` : ''}
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
        </>
      )}
      <Text className="notary-subtitle">评委（{log.judges.length} 位）</Text>
      <View className="notary-judges">
        {log.judges.map((judge) => (
          <Text key={judge.label} className="notary-judge">
            {judge.label === judge.name ? judge.name : `${judge.label} · ${judge.name}`}
          </Text>
        ))}
      </View>
    </View>
  );
}
