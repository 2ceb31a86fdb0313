/** The signed checkpoints: how many events each covers, the head it signs, when, with which key. */
import { Text, View } from '@tarojs/components';
import type { CheckpointView } from '@core/live/views';
import { beijing } from '../../../lib/log-text';
import { Hash } from './Hash';

export function CheckpointsSection({ checkpoints, keyId }: { checkpoints: CheckpointView[]; keyId: string }) {
  return (
    <View className="notary-checkpoints card">
      <Text className="card__title">签名检查点（{checkpoints.length}）</Text>
      <View className="muted">签名密钥：{keyId}</View>
      {checkpoints.length === 0 ? <View className="muted">尚无检查点。</View> : null}
      {checkpoints.map((c) => (
        <View key={`${c.count}-${c.at}`} className="notary-checkpoint">
          <View className="notary-checkpoint__head">
            <Text className="notary-checkpoint__count">前 {c.count} 条</Text>
            <Text className="muted">{beijing(c.at)}</Text>
          </View>
          <View className="notary-kv">
            <Text className="notary-kv__key">哈希</Text>
            <Hash value={c.head} />
          </View>
          <View className="notary-kv">
            <Text className="notary-kv__key">签名</Text>
            <Hash value={c.signature} short={16} />
          </View>
          {c.keyId !== keyId ? (
            <View className="notary-kv">
              <Text className="notary-kv__key">密钥</Text>
              <Text className="notary-mono">{c.keyId}</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
