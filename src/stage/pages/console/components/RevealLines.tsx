/** 亮分 of one contestant: each judge's total (the dropped 最高 / 最低 marked), the final, 已更改 after a re-opening. */
import { Text, View } from '@tarojs/components';
import { aggregationLabels } from '@core/judging/types';
import type { RevealView } from '@core/live/views';
import { formatShanghai } from '@core/time/shanghai';

const droppedLabels = { high: '去掉最高分', low: '去掉最低分' } as const;

export function RevealLines({ reveal, compact }: { reveal: RevealView; compact?: boolean }) {
  const changed = reveal.revision > 1;
  return (
    <View className={`live-reveal${compact ? ' live-reveal--compact' : ''}`} data-entry-id={reveal.entryId}>
      <View className="live-reveal__final-row">
        <Text className="live-reveal__final-label muted">最终得分</Text>
        <Text className="live-reveal-final live-reveal__final">{reveal.final}</Text>
        {changed ? (
          <Text className="live-reveal-changed admin-chip admin-chip--warn">
            已更改{reveal.changedFrom ? `（原 ${reveal.changedFrom}）` : ''} · 第 {reveal.revision} 次亮分
          </Text>
        ) : null}
      </View>
      <View className="live-reveal__lines">
        {reveal.lines.map((line, i) => (
          <View
            key={`${line.label}-${i}`}
            className={`live-reveal-line live-reveal__line${line.dropped ? ` live-reveal__line--dropped live-reveal-line--${line.dropped}` : ''}`}
          >
            <Text className="live-reveal__label">{line.label}</Text>
            <Text className="live-reveal__total">{line.total}</Text>
            {line.dropped ? <Text className="live-reveal__dropped">{droppedLabels[line.dropped]}</Text> : null}
          </View>
        ))}
      </View>
      <View className="live-reveal__meta muted">
        {aggregationLabels[reveal.aggregation]} · {formatShanghai(reveal.at, 'HH:mm:ss')} 亮分 · 日志 {reveal.headHash}
      </View>
    </View>
  );
}
