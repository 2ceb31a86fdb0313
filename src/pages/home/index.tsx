/**
 * 首页: every contest with its live registration status (报名中 / 即将开始 / 已截止), a countdown by the
 * server's clock, window and stages (contest.list, public); tapping a card opens 赛事详情.
 * Test hooks: contest-card per contest (see ContestCard: contest-status, contest-countdown), plus
 * PageShell's states.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ContestCard } from '../../components/ContestCard';
import { PageShell } from '../../components/PageShell';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { usePageShowAgain } from '../../hooks/usePageLifecycle';
import { useServerNow } from '../../hooks/useServerNow';
import { routes } from '../../services/routes';

export default function HomePage() {
  const contests = useCloudQuery('contest.list', {});
  const items = contests.data?.items ?? [];
  // A tab page stays mounted: refresh statuses and the clock when the user comes back to it.
  usePageShowAgain(contests.reload);
  const ticking = items.some((c) => c.registration.status !== 'closed');
  const now = useServerNow(contests.data?.now, ticking);
  return (
    <PageShell
      title="赛事"
      loading={contests.loading && contests.data === undefined}
      error={contests.data === undefined ? contests.error : null}
      onRetry={contests.reload}
      empty={items.length === 0}
      emptyText="暂无赛事"
    >
      <View className="contest-list">
        {items.map((contest) => (
          <ContestCard
            key={contest.id}
            contest={contest}
            now={now}
            onClick={() => void Taro.navigateTo({ url: routes.contest(contest.id) })}
          />
        ))}
      </View>
    </PageShell>
  );
}
