/** The round the ranking is of, the ways to its other pages, and the group / field filters. */
import { Text, View } from '@tarojs/components';
import { groupLabels, stageLabels, type Group } from '@core/contest/types';
import type { RoundView } from '@core/judging/views';
import { ChoiceSelect, type Choice } from '../../../components/ChoiceSelect';
import { go, judgingUrls, roundStateKey, roundStateText, roundTitle } from '../../../lib/judging';
import type { RankingFilter } from './RankingList';

const groupChoices: Array<Choice<Group>> = (['enterprise', 'maker'] as const).map((g) => ({
  value: g,
  label: groupLabels[g],
}));

export function RankingHead(props: {
  round: RoundView;
  /** The contest's groups and fields: a filter only where there is a choice. */
  groups: readonly Group[];
  fields: readonly string[];
  filter: RankingFilter;
  onFilter: (filter: RankingFilter) => void;
}) {
  const { round, groups, fields, filter, onFilter } = props;
  return (
    <View className="ranking-head card">
      <View className="ranking-head__main">
        <Text className="ranking-title">
          {round.contestName} · {stageLabels[round.stage]} · {roundTitle(round)}
        </Text>
        <Text
          className={`ranking-state ranking-state--${roundStateKey(round)} admin-chip round-chip--${roundStateKey(round)}`}
        >
          {roundStateText(round)}
        </Text>
      </View>
      <View className="ranking-nav admin-nav">
        <Text className="ranking-board-link admin-link" onClick={() => go(judgingUrls.round(round.id))}>
          评审看板
        </Text>
        {round.stage === 'final' ? (
          <Text className="ranking-awards-link admin-link" onClick={() => go(judgingUrls.awards(round.id))}>
            评定奖项
          </Text>
        ) : null}
        <Text className="admin-link" onClick={() => go(judgingUrls.rounds(round.contestId))}>
          全部轮次
        </Text>
      </View>
      <View className="ranking-filters">
        {groups.length > 1 ? (
          <ChoiceSelect
            className="ranking-filter-group"
            label="组别"
            allLabel="全部组别"
            value={filter.group}
            options={groupChoices.filter((g) => groups.includes(g.value))}
            onChange={(group) => onFilter({ ...filter, group })}
          />
        ) : null}
        {fields.length > 0 ? (
          <ChoiceSelect
            className="ranking-filter-field"
            label="领域"
            allLabel="全部领域"
            value={filter.field}
            options={fields.map((f) => ({ value: f, label: f }))}
            onChange={(field) => onFilter({ ...filter, field })}
          />
        ) : null}
      </View>
      <View className="muted ranking-help">
        汇总分按本轮的汇总方式计算；得分相同时依次比较去极值均分、中位数、最重要评分项
        {round.stage === 'preliminary' ? '' : '和上一轮得分'}，仍相同者为并列。
      </View>
    </View>
  );
}
