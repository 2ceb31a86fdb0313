/**
 * 参赛报名 (entrant area home): contests open for registration now (tap one for 赛事详情 and 立即报名)
 * and 我的报名 with a status chip per entry, linking to the entry page. Every signed-in user is an
 * entrant; a visitor on H5 is offered the sign-in page.
 */
import '../../lib/actions';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ContestCard } from '../../../components/ContestCard';
import { liveStatus } from '../../../components/ContestCard/countdown';
import { MyEntries } from '../../../components/MyEntries';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageShowAgain } from '../../../hooks/usePageLifecycle';
import { useServerNow } from '../../../hooks/useServerNow';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { routes } from '../../../services/routes';
import './index.scss';

export default function EntrantHomePage() {
  const { user, shell } = useSignedIn('请先登录后报名参赛');
  const signedIn = user !== null;
  const contests = useCloudQuery('contest.list', {}, { enabled: signedIn });
  const mine = useCloudQuery('registration.mine', {}, { enabled: signedIn, key: user?.openid });
  usePageShowAgain(() => {
    if (!signedIn) return;
    contests.reload();
    mine.reload();
  });
  const ticking = (contests.data?.items ?? []).some((c) => c.registration.status !== 'closed');
  const now = useServerNow(contests.data?.now, ticking);
  const open = (contests.data?.items ?? []).filter((c) => liveStatus(c.registration, now) === 'open');
  return (
    <PageShell title="参赛报名" {...shellFor({ allowed: signedIn, shell }, contests, mine)}>
      <View className="section-title">开放报名的赛事</View>
      {open.length === 0 ? <View className="entrant-open-empty muted card">当前没有开放报名的赛事</View> : null}
      {open.map((contest) => (
        <ContestCard
          key={contest.id}
          contest={contest}
          compact
          now={now}
          onClick={() => void Taro.navigateTo({ url: routes.contest(contest.id) })}
        />
      ))}

      <View className="section-title">我的报名</View>
      <MyEntries items={mine.data?.items ?? []} emptyText="还没有报名记录：选择上面的赛事开始报名" />

      <View
        className="entrant-institution-link card"
        onClick={() => void Taro.navigateTo({ url: routes.institution })}
        hoverClass="entrant-link--active"
      >
        <Text>服务机构入驻</Text>
        <Text className="muted">投资机构、银行、孵化基地、公共服务平台 ›</Text>
      </View>
    </PageShell>
  );
}
