/** One group's prize counts (the proposal is made again when they change), its ties across a prize line, its finalists. */
import { Input, Text, View } from '@tarojs/components';
import { groupLabels, prizeLabels, type Prize } from '@core/contest/types';
import type { AwardsGroupView } from '@core/judging/views';
import { FieldError } from '../../../components/FormRow';
import { AWARD_PRIZES, givenCounts, type AwardChanges, type CountsDraft } from '../../../lib/awards-form';
import { useWideScreen } from '../../../lib/useWideScreen';
import { AwardRow, nationalName } from './AwardRow';

export interface GroupCardProps {
  group: AwardsGroupView;
  counts: CountsDraft;
  countsErrors: Record<string, string>;
  changes: AwardChanges;
  editable: boolean;
  /** After the decision: the prizes as decided, nothing to change. */
  decided: boolean;
  refreshing: boolean;
  onCount: (prize: Prize, value: string) => void;
  onPrize: (entryId: string, prize: Prize | null) => void;
  onRecommend: (entryId: string, on: boolean) => void;
}

export function GroupCard(props: GroupCardProps) {
  const { group, counts, countsErrors, changes, editable, decided, refreshing, onCount, onPrize, onRecommend } = props;
  const wide = useWideScreen();
  const row = counts[group.group];
  const given = givenCounts(group, changes);
  const planned = (prize: Prize) => group.counts.find((c) => c.prize === prize)?.count ?? 0;
  const names = new Map(group.items.map((i) => [i.entryId, i.projectName]));
  return (
    <View className={`awards-group card${refreshing ? ' awards-group--refreshing' : ''}`} data-group={group.group}>
      <Text className="card__title">{groupLabels[group.group]}</Text>
      {decided ? null : (
        <>
          <View className="awards-counts">
            {AWARD_PRIZES.map((prize) => (
              <View key={prize} className="awards-count">
                <Text className="awards-count__label">{prizeLabels[prize]}</Text>
                <Input
                  className={`awards-count-${group.group}-${prize} admin-input awards-count__input`}
                  type="number"
                  value={row?.[prize] ?? ''}
                  maxlength={4}
                  disabled={!editable}
                  onInput={(e) => onCount(prize, e.detail.value)}
                />
                <Text className="muted">名</Text>
                <FieldError errors={countsErrors} name={`counts.${group.group}.${prize}`} />
              </View>
            ))}
          </View>
          <View className="awards-given">
            已评定：
            {AWARD_PRIZES.map((prize) => (
              <Text
                key={prize}
                className={`awards-given__item${given[prize] !== planned(prize) ? ' awards-given--off' : ''}`}
                data-prize={prize}
              >
                {prizeLabels[prize]} {given[prize]}/{planned(prize)}
              </Text>
            ))}
          </View>
          {group.ties.map((tie) => (
            <View key={tie.entryIds.join('|')} className="awards-tie admin-note">
              {tie.entryIds.length} 个项目并列（{tie.entryIds.map((id) => names.get(id) ?? id).join('、')}），跨越 「
              {prizeLabels[tie.between[0]]}」与「{tie.between[1] ? prizeLabels[tie.between[1]] : '无奖'}
              」的分界：建议均评
              {prizeLabels[tie.between[0]]}，请确认或逐项调整。
            </View>
          ))}
        </>
      )}
      {group.items.length === 0 ? <View className="awards-empty muted">本组没有入围决赛的项目</View> : null}
      {group.items.length > 0 && process.env.TARO_ENV === 'h5' && wide ? (
        <table className="awards-table admin-table">
          <thead>
            <tr>
              <th>组内名次</th>
              <th>项目</th>
              <th>行业领域</th>
              <th className="admin-table__num">决赛得分</th>
              {decided ? (
                <th>奖项</th>
              ) : (
                <>
                  <th>建议</th>
                  <th>评定奖项</th>
                  <th>推荐至{nationalName(group.group)}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {group.items.map((item) => (
              <AwardRow
                key={item.entryId}
                group={group}
                item={item}
                changes={changes}
                editable={editable}
                decided={decided}
                table
                onPrize={onPrize}
                onRecommend={onRecommend}
              />
            ))}
          </tbody>
        </table>
      ) : (
        <View className="awards-cards">
          {group.items.map((item) => (
            <AwardRow
              key={item.entryId}
              group={group}
              item={item}
              changes={changes}
              editable={editable}
              decided={decided}
              table={false}
              onPrize={onPrize}
              onRecommend={onRecommend}
            />
          ))}
        </View>
      )}
    </View>
  );
}
