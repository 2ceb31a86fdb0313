/** What was decided once the cut-off is confirmed, with the way to the published list. */
import { Text, View } from '@tarojs/components';
import type { RoundView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { cutoffRuleText, go, openPublicResults } from '../../../lib/judging';

/** The advance's own answer, which knows the list and the publicity days before the round is read again. */
export interface JustAdvanced {
  advanced: number;
  listId: string;
  publicityDays: number;
}

export function AdvancedCard(props: { round: RoundView; just: JustAdvanced | null }) {
  const { round, just } = props;
  const decision = round.advancement;
  if (!decision) return null;
  const to = round.stage === 'preliminary' ? '晋级复赛' : '入围决赛';
  const list = round.stage === 'preliminary' ? '预赛晋级名单' : '决赛入围名单';
  const published = just ? just.listId !== '' : decision.listId !== null;
  return (
    <View className="cutoff-done card">
      <Text className="card__title">已确认晋级</Text>
      <View className="admin-done">
        {formatShanghai(decision.at, 'YYYY年M月D日 HH:mm')} 按「{cutoffRuleText(decision.rule)}」确认：
        {just?.advanced ?? decision.admitted} 个项目{to}。
        {published
          ? `「${list}」已发布${just && just.publicityDays > 0 ? `，公示 ${just.publicityDays} 天` : ''}。`
          : '名单正在后台发布，稍后可在成绩页看到。'}
      </View>
      <View className="admin-nav">
        <Text className="cutoff-results-link admin-link" onClick={openPublicResults}>
          在「成绩」页查看公开名单
        </Text>
        <Text className="admin-link" onClick={() => go('/admin/pages/results/index')}>
          成绩发布
        </Text>
      </View>
    </View>
  );
}
