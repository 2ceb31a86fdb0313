/** The round at a glance (state, window, mode, counts) and the links to its other pages. */
import { Text, View } from '@tarojs/components';
import { stageLabels } from '@core/contest/types';
import { aggregationLabels } from '@core/judging/types';
import type { RoundView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import {
  go,
  judgingUrls,
  roundModeLabels,
  roundStateKey,
  roundStateText,
  roundTitle,
  windowText,
} from '../../../lib/judging';

export function Summary({ round }: { round: RoundView }) {
  return (
    <View className="round-summary card">
      <View className="round-summary__head">
        <Text className="round-title">
          {round.contestName} · {stageLabels[round.stage]} · {roundTitle(round)}
        </Text>
        <Text
          className={`round-state round-state--${roundStateKey(round)} admin-chip round-chip--${roundStateKey(round)}`}
        >
          {roundStateText(round)}
        </Text>
      </View>
      <View className="round-window muted">评分时间：{windowText(round)}（北京时间）</View>
      <View className="round-facts muted">
        {roundModeLabels[round.mode]}
        {round.mode === 'panels' && round.panelCapacity ? `（每组至多 ${round.panelCapacity} 个项目）` : ''} · 每个项目{' '}
        {round.judgesPerEntry} 位评委{round.blind ? ' · 匿名评审' : ''} · 满分 {round.maxPoints} 分 ·{' '}
        {aggregationLabels[round.aggregation]}
      </View>
      <View className="round-facts muted">
        项目 {round.counts.entries} 个 · 评委 {round.counts.judges} 位 · 分配 {round.counts.assignments} 份
        {round.assignedAt ? ` · 上次分配 ${formatShanghai(round.assignedAt, 'M月D日 HH:mm')}` : ''}
      </View>
      <View className="round-nav admin-nav">
        <Text
          className="round-edit-link admin-link"
          onClick={() => go(judgingUrls.roundEdit(round.contestId, round.stage))}
        >
          评审设置
        </Text>
        <Text className="round-ranking-link admin-link" onClick={() => go(judgingUrls.ranking(round.id))}>
          {round.stage === 'final' ? '排名' : '排名与晋级'}
        </Text>
        {round.stage === 'final' ? (
          <Text className="round-awards-link admin-link" onClick={() => go(judgingUrls.awards(round.id))}>
            评定奖项
          </Text>
        ) : null}
        <Text className="round-audit-link admin-link" onClick={() => go(judgingUrls.audit(round.contestId, round.id))}>
          决策记录
        </Text>
        <Text className="round-rounds-link admin-link" onClick={() => go(judgingUrls.rounds(round.contestId))}>
          全部轮次
        </Text>
      </View>
    </View>
  );
}
