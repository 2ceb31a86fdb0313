/**
 * How far the entries are: complete, how many have 0, 1, 2 … scores, and the entries still short of scores, 20 at
 * a time with 显示更多 (at the start of a large round that is every entry the progress lists).
 */
import { Text, View } from '@tarojs/components';
import type { RoundProgress, RoundView } from '@core/judging/views';
import { useListWindow } from '../../../../hooks/useListWindow';
import { WindowFoot, WindowHead } from '../../../components/WindowControls';
import { percent } from './percent';

const PAGE = 20;

export function EntriesCard({ progress, round }: { progress: RoundProgress; round: RoundView }) {
  const { total, complete, byScores } = progress.entries;
  const highest = Math.max(1, ...byScores);
  const win = useListWindow(progress.tooFew.length, PAGE, 2 * PAGE);
  const controls = { name: 'round-toofew-page', win, total: progress.tooFew.length, unit: '个' };
  return (
    <View className="round-entries card">
      <Text className="card__title">项目评分</Text>
      <View className="round-entries-complete">
        <Text className="round-entries-complete__number">
          {complete}/{total}
        </Text>
        <Text className="muted"> 个项目已有 {round.judgesPerEntry} 个评分</Text>
      </View>
      <View className="admin-bar round-entries-bar">
        <View className="admin-bar__fill" style={{ width: `${percent(complete, total)}%` }} />
      </View>
      {byScores.length > 0 ? (
        <View className="round-histogram">
          <Text className="round-histogram__title muted">按已有评分数统计的项目数</Text>
          {byScores.map((count, scores) => (
            <View
              key={scores}
              className={`round-histogram-bar${scores >= round.judgesPerEntry ? ' round-histogram-bar--complete' : ''}`}
              data-scores={String(scores)}
              data-count={String(count)}
            >
              <Text className="round-histogram-bar__label">{scores} 个评分</Text>
              <View className="round-histogram-bar__track">
                <View
                  className="round-histogram-bar__fill"
                  style={{ width: `${Math.round((count / highest) * 100)}%` }}
                />
              </View>
              <Text className="round-histogram-bar__count">{count}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="round-toofew">
        <Text className="round-subtitle">评分不足的项目（{progress.tooFewCount}）</Text>
        {progress.tooFew.length === 0 ? <View className="muted">没有评分不足的项目</View> : null}
        <WindowHead {...controls} />
        {progress.tooFew.slice(win.start, win.end).map((e) => (
          <View key={e.entryId} className="round-toofew-row" data-entry-id={e.entryId}>
            <Text className="round-toofew-row__name">{e.projectName}</Text>
            <Text className={`muted${e.judges < round.judgesPerEntry ? ' round-toofew-row--short' : ''}`}>
              评委 {e.judges} 位 · 已评 {e.scores} 个{e.judges < round.judgesPerEntry ? '（评委不足）' : ''}
            </Text>
          </View>
        ))}
        <WindowFoot {...controls} />
        {progress.tooFewCount > progress.tooFew.length ? (
          <View className="round-toofew-more muted">另有 {progress.tooFewCount - progress.tooFew.length} 个未列出</View>
        ) : null}
      </View>
    </View>
  );
}
