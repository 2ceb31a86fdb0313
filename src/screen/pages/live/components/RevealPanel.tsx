/**
 * 亮分: each judge's total appears one after another, then the highest and lowest dropped by the rule are struck
 * through and marked, then the final, large, with the log's short head hash under it. The parts are timed by CSS
 * (delays inline), so a frame of the feed that changes nothing restarts nothing; the page keys this panel by
 * contestant and revision, so a new reveal plays again.
 */
import { Text, View } from '@tarojs/components';
import type { RevealView } from '@core/live/views';
import { groupedHash, revealTimeline } from '../../../lib/screen-text';

const droppedLabels = { high: '最高分', low: '最低分' } as const;

function cardWidth(count: number): string {
  if (count <= 5) return '30vmin';
  if (count <= 7) return '23vmin';
  return `${Math.max(14, Math.floor(160 / count))}vmin`;
}

export function RevealPanel({ reveal }: { reveal: RevealView }) {
  const timeline = revealTimeline(reveal.lines.length);
  const width = cardWidth(reveal.lines.length);
  const at = (seconds: number) => ({ animationDelay: `${seconds.toFixed(2)}s` });
  return (
    <View className="screen-reveal">
      <View className="screen-reveal__lines">
        {reveal.lines.map((line, i) => (
          <View
            key={`${line.label}-${i}`}
            className={`screen-judge${line.dropped ? ` screen-judge--dropped screen-judge--${line.dropped}` : ''}`}
            style={{ ...at(timeline.line(i)), maxWidth: width }}
          >
            <Text className="screen-judge__label">{line.label}</Text>
            <View className="screen-judge__total-box">
              <Text className="screen-judge__total" style={line.dropped ? at(timeline.drops) : undefined}>
                {line.total}
              </Text>
              {line.dropped ? <View className="screen-judge__strike" style={at(timeline.drops)} /> : null}
            </View>
            {line.dropped ? (
              <Text className="screen-judge__dropped" style={at(timeline.drops)}>
                {droppedLabels[line.dropped]} 去掉
              </Text>
            ) : (
              <Text className="screen-judge__dropped screen-judge__dropped--none"> </Text>
            )}
          </View>
        ))}
      </View>
      <View className="screen-final" style={at(timeline.final)}>
        <Text className="screen-final__label">最终得分</Text>
        <Text className="screen-final__value">{reveal.final}</Text>
        {reveal.changedFrom !== null ? (
          <Text className="screen-final__changed">已更改（原 {reveal.changedFrom}）</Text>
        ) : null}
        <Text className="screen-final__hash">日志校验 {groupedHash(reveal.headHash)}</Text>
      </View>
    </View>
  );
}
