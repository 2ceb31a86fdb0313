/** One finalist: rank, score, the proposed prize and the organizer's prize and recommendation; a table row or a card. */
import { Text, View } from '@tarojs/components';
import { prizeLabels, type Group, type Prize } from '@core/contest/types';
import type { AwardsGroupView } from '@core/judging/views';
import { CheckRow } from '../../../components/CheckRow';
import { ChoiceSelect, type Choice } from '../../../components/ChoiceSelect';
import { AWARD_PRIZES, prizeOf, recommendedOf, tieOf, type AwardChanges } from '../../../lib/awards-form';

type PrizeChoice = Prize | 'none';
const prizeChoices: Array<Choice<PrizeChoice>> = [
  ...AWARD_PRIZES.map((p) => ({ value: p as PrizeChoice, label: prizeLabels[p] })),
  { value: 'none', label: '无' },
];

/** Where a group's winners are recommended to. */
export function nationalName(group: Group): string {
  return group === 'maker' ? '全国创客组100强' : '全国企业组500强';
}

export function AwardRow(props: {
  group: AwardsGroupView;
  item: AwardsGroupView['items'][number];
  changes: AwardChanges;
  editable: boolean;
  decided: boolean;
  table: boolean;
  onPrize: (entryId: string, prize: Prize | null) => void;
  onRecommend: (entryId: string, on: boolean) => void;
}) {
  const { group, item, changes, editable, decided, table, onPrize, onRecommend } = props;
  const prize = prizeOf(item, changes);
  const tie = tieOf(group, item.entryId);
  const rowClass = `awards-row${tie ? ' awards-row--tie' : ''}${prize ? ' awards-row--prized' : ''}`;
  const attrs = {
    'data-entry-id': item.entryId,
    'data-prize': prize ?? 'none',
    ...(tie ? { 'data-tie': 'true' } : {}),
  };
  const rank = (
    <>
      <Text className="awards-rank">{item.aggregate === null ? '—' : item.rank}</Text>
      {item.tied ? <Text className="awards-tied admin-chip admin-chip--warn">并列</Text> : null}
    </>
  );
  const proposed = (
    <Text className={`awards-proposed${item.prize ? ' admin-chip admin-chip--brand' : ' muted'}`}>
      {item.prize ? prizeLabels[item.prize] : '无'}
      {tie ? '（并列跨奖项线）' : ''}
    </Text>
  );
  const select = (
    <ChoiceSelect
      className={`awards-prize awards-prize-${item.entryId}`}
      label=""
      value={prize ?? 'none'}
      options={prizeChoices}
      disabled={!editable}
      onChange={(v) => onPrize(item.entryId, v === undefined || v === 'none' ? null : v)}
    />
  );
  const recommend = (
    <CheckRow
      className={`awards-recommend-${item.entryId}`}
      checked={recommendedOf(item, changes)}
      disabled={!editable}
      label={table ? '推荐' : `推荐至${nationalName(group.group)}`}
      onChange={(on) => onRecommend(item.entryId, on)}
    />
  );
  const final = (
    <Text className={`awards-decided-prize${prize ? ' admin-chip admin-chip--brand' : ' muted'}`}>
      {prize ? prizeLabels[prize] : '未获奖'}
    </Text>
  );
  if (table) {
    return (
      <tr className={rowClass} {...attrs}>
        <td className="awards-rank-cell">{rank}</td>
        <td>
          <div className="awards-project">{item.projectName}</div>
          <div className="awards-org">{item.orgName}</div>
        </td>
        <td>{item.field}</td>
        <td className="awards-aggregate admin-table__num">{item.aggregate ?? '—'}</td>
        {decided ? (
          <td>{final}</td>
        ) : (
          <>
            <td>{proposed}</td>
            <td className="awards-prize-cell">{select}</td>
            <td>{recommend}</td>
          </>
        )}
      </tr>
    );
  }
  return (
    <View className={`${rowClass} awards-card`} {...attrs}>
      <View className="awards-card__head">
        <View className="awards-card__rank">{rank}</View>
        <View className="awards-card__main">
          <Text className="awards-project">{item.projectName}</Text>
          <View className="awards-org muted">
            {item.orgName} · {item.field}
          </View>
        </View>
        <Text className="awards-aggregate">{item.aggregate ?? '无评分'}</Text>
      </View>
      {decided ? (
        <View className="awards-card__controls">{final}</View>
      ) : (
        <View className="awards-card__controls">
          <View className="awards-card__proposed muted">建议：{proposed}</View>
          {select}
          {recommend}
        </View>
      )}
    </View>
  );
}
