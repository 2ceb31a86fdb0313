/** Each reveal with what went into it, and every re-opening of scoring with its reason. */
import { Text, View } from '@tarojs/components';
import type { NotaryLogView } from '@core/live/views';
import { beijing } from '../../../lib/log-text';

const droppedLabels = { high: '最高分 去掉', low: '最低分 去掉' } as const;

export function RevealsSection({ log }: { log: NotaryLogView }) {
  return (
    <View className="notary-reveals card">
      <Text className="card__title">亮分记录（{log.reveals.length}）</Text>
      {log.reveals.length === 0 ? <View className="muted">尚未亮分。</View> : null}
      {log.reveals.map((reveal) => (
        <View key={`${reveal.entryId}:${reveal.revision}`} className="notary-reveal">
          <View className="notary-reveal__head">
            <Text className="notary-reveal__who">
              第 {reveal.position} 位 · {reveal.projectName}
            </Text>
            {reveal.revision > 1 ? (
              <Text className="notary-chip notary-chip--warn">第 {reveal.revision} 次亮分</Text>
            ) : null}
          </View>
          <View className="notary-reveal__lines">
            {reveal.lines.map((line, i) => (
              <View
                key={`${line.label}-${i}`}
                className={`notary-reveal__line${line.dropped ? ' notary-reveal__line--dropped' : ''}`}
              >
                <Text className="notary-reveal__label">{line.label}</Text>
                <Text className="notary-reveal__total">{line.total}</Text>
                {line.dropped ? <Text className="notary-reveal__dropped">{droppedLabels[line.dropped]}</Text> : null}
              </View>
            ))}
          </View>
          <View className="notary-reveal__computation">{reveal.computation}</View>
          <View className="notary-reveal__final">
            <Text>最终得分 </Text>
            <Text className="notary-reveal__final-value">{reveal.final}</Text>
            {reveal.changedFrom !== null ? (
              <Text className="notary-chip notary-chip--warn">已更改（原 {reveal.changedFrom}）</Text>
            ) : null}
          </View>
          <View className="muted">
            {beijing(reveal.at)} · 日志校验 <Text className="notary-mono">{reveal.headHash}</Text>
          </View>
        </View>
      ))}
      {log.reopenings.length > 0 ? (
        <>
          <Text className="notary-subtitle">重新开放评分（{log.reopenings.length}）</Text>
          {log.reopenings.map((r, i) => (
            <View key={`${r.position}-${r.at}-${i}`} className="notary-reopening">
              <Text className="notary-reopening__who">
                第 {r.position} 位 · {r.projectName}
              </Text>
              <Text className="notary-reopening__reason">原因：{r.reason}</Text>
              <Text className="muted">
                {beijing(r.at)} · {r.byName}
              </Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}
