/**
 * 首页: every contest with its registration status, window and stages (contest.list, public).
 * Test hooks: contest-card per contest (see ContestCard), plus PageShell's states.
 */
import { View } from '@tarojs/components';
import { ContestCard } from '../../components/ContestCard';
import { PageShell } from '../../components/PageShell';
import { useCloudQuery } from '../../hooks/useCloudQuery';

export default function HomePage() {
  const contests = useCloudQuery('contest.list', {});
  const items = contests.data?.items ?? [];
  return (
    <PageShell
      title="赛事"
      loading={contests.loading}
      error={contests.error}
      onRetry={contests.reload}
      empty={items.length === 0}
      emptyText="暂无赛事"
    >
      <View className="contest-list">
        {items.map((contest) => (
          <ContestCard key={contest.id} contest={contest} />
        ))}
      </View>
    </PageShell>
  );
}
