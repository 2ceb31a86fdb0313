/** 评分差异提醒: scores far from their entry's median, to be checked, never changed automatically. */
import { Text, View } from '@tarojs/components';
import type { RoundProgress, RoundView } from '@core/judging/views';

export function FlagsCard({ progress, round }: { progress: RoundProgress; round: RoundView }) {
  return (
    <View className="round-flags card">
      <Text className="card__title">评分差异提醒（{progress.flags.length}）</Text>
      <View className="muted round-help">
        与该项目评分中位数相差超过 {round.scoreGapPoints} 分的评分，请核实是否有误。
      </View>
      {progress.flags.length === 0 ? <View className="muted">暂无差异较大的评分</View> : null}
      {progress.flags.map((f) => (
        <View key={`${f.entryId}|${f.judgeName}`} className="round-flag" data-entry-id={f.entryId}>
          <Text className="round-flag__project">{f.projectName}</Text>
          <Text className="muted">
            {f.judgeName} 打 {f.total} 分，中位数 {f.median} 分，
          </Text>
          <Text className="round-flag__gap">相差 {f.gap} 分</Text>
        </View>
      ))}
    </View>
  );
}
