/** 回避记录: who stepped back from which entry, and why, for the organizer to check. */
import { Text, View } from '@tarojs/components';
import type { RoundProgress } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';

export function RecusalsCard({ progress }: { progress: RoundProgress }) {
  return (
    <View className="round-recusals card">
      <Text className="card__title">回避记录（{progress.recusals.length}）</Text>
      {progress.recusals.length === 0 ? <View className="muted">暂无评委回避</View> : null}
      {progress.recusals.map((r) => (
        <View key={`${r.entryId}|${r.judgeName}|${r.at}`} className="round-recusal" data-entry-id={r.entryId}>
          <View className="round-recusal__head">
            <Text className="round-recusal__project">{r.projectName}</Text>
            <Text className="muted">{r.at ? formatShanghai(r.at, 'M月D日 HH:mm') : ''}</Text>
          </View>
          <View className="muted">
            {r.judgeName} 回避：{r.reason}
          </View>
        </View>
      ))}
    </View>
  );
}
