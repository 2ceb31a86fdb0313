/** Between sheets: what the judge waits for, and the rubric to read while the contestant presents. */
import { Text, View } from '@tarojs/components';
import type { JudgeLiveView } from '@core/live/views';

export function Waiting({ view, finished }: { view: JudgeLiveView; finished: boolean }) {
  const criteria = view.rubric.criteria;
  return (
    <View className="live-wait card">
      <View className="live-wait-text">{finished ? '本组评分已全部结束' : '主持人开始评分后，评分表会自动打开'}</View>
      {!finished ? <View className="live-wait-hint muted">请保持本页打开，无需刷新</View> : null}
      {criteria.length > 0 ? (
        <View className="live-rubric">
          <View className="live-rubric__title muted">评分标准（每项以 0.5 分为单位）</View>
          {criteria.map((c) => (
            <View key={c.key} className="live-rubric__item">
              <Text className="live-rubric__name">{c.name}</Text>
              <Text className="live-rubric__max muted">满分 {c.maxPoints}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function Recused({ projectName }: { projectName: string | null }) {
  return (
    <View className="live-recused card">
      <View className="live-recused-title">您需回避该选手</View>
      <View className="live-recused-text muted">
        {projectName ? `您与「${projectName}」存在利益关系，不参与该选手的评分。` : '您不参与该选手的评分。'}
        请等待下一位选手。
      </View>
    </View>
  );
}
