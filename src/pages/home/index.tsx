/**
 * 首页, from one call (home.get): pinned articles with covers as banners, the running contests with
 * where each stands (报名 → 预赛 → 复赛 → 决赛 → 公示, next date), and the latest five articles.
 * Drawn at once from the last stored copy, refreshed in the background; without network the stored
 * copy stays with a note saying from when (OfflineNote).
 */
import Taro from '@tarojs/taro';
import { Image, ScrollView, Text, View } from '@tarojs/components';
import type { ArticleSummary } from '@core/news/views';
import { ArticleRow } from '../../components/ArticleRow';
import { ContestCard } from '../../components/ContestCard';
import { OfflineNote } from '../../components/OfflineNote';
import { PageShell, openToAll, shellFor } from '../../components/PageShell';
import { PhaseTimeline } from '../../components/PhaseTimeline';
import { useCachedCloudQuery } from '../../hooks/useCachedCloudQuery';
import { usePageShowAgain, useShareMessage, useShareTimelineMessage } from '../../hooks/usePageLifecycle';
import { useUnreadBadge } from '../../hooks/useUnreadBadge';
import { useServerNow } from '../../hooks/useServerNow';
import { routes } from '../../services/routes';
import './index.scss';

/** A tab page stays mounted; coming back to it refreshes when what it shows is older than this. */
const REFRESH_AFTER_MS = 60_000;

const openArticle = (id: string) => void Taro.navigateTo({ url: routes.article(id) });

/** The card a shared 首页 shows in a chat or on Moments. */
const HOME_SHARE_TITLE = '“创客中国”中小企业创新创业大赛 · 报名与赛事动态';

export default function HomePage() {
  const home = useCachedCloudQuery('home.get', {}, { cacheKey: 'home' });
  usePageShowAgain(() => home.reloadIfOlderThan(REFRESH_AFTER_MS));
  useShareMessage(() => ({ title: HOME_SHARE_TITLE, path: routes.home }));
  useShareTimelineMessage(() => ({ title: HOME_SHARE_TITLE, query: '' }));
  useUnreadBadge();
  const data = home.data;
  const contests = data?.contests ?? [];
  // A stored copy's `now` is from when it was fetched: no live countdown from it, the statuses it carries instead.
  const ticking = home.fresh && contests.some((c) => c.registration.status !== 'closed');
  const now = useServerNow(home.fresh ? data?.now : undefined, ticking);
  const banners = (data?.banners ?? []).filter((b) => b.coverUrl !== null);
  const latest = data?.latest ?? [];

  return (
    <PageShell
      {...shellFor(openToAll, home)}
      empty={banners.length === 0 && contests.length === 0 && latest.length === 0}
      emptyText="暂无赛事与新闻"
    >
      <OfflineNote error={home.error} fetchedAt={home.fetchedAt} onRetry={home.reload} />

      {banners.length > 0 ? <Banners banners={banners} /> : null}

      {contests.length > 0 ? (
        <View className="home-contests">
          <View className="section-title">赛事</View>
          {contests.map((contest) => (
            <ContestCard
              key={contest.id}
              className="home-contest"
              contest={contest}
              compact
              now={now}
              onClick={() => void Taro.navigateTo({ url: routes.contest(contest.id) })}
            >
              {contest.phase.steps.length > 0 ? (
                <View className="home-contest__phase">
                  <PhaseTimeline phase={contest.phase} />
                </View>
              ) : null}
            </ContestCard>
          ))}
        </View>
      ) : null}

      {latest.length > 0 ? (
        <View className="home-latest-section">
          <View className="home-section-head">
            <View className="section-title">最新动态</View>
            <Text className="home-more" onClick={() => void Taro.switchTab({ url: routes.news })}>
              更多 ›
            </Text>
          </View>
          <View className="home-latest card">
            {latest.map((article) => (
              <ArticleRow
                key={article.id}
                className="home-latest-item"
                article={article}
                showPinned={false}
                onClick={() => openArticle(article.id)}
              />
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}

/** Swiped sideways; one banner fills the width. */
function Banners({ banners }: { banners: readonly ArticleSummary[] }) {
  return (
    <ScrollView className="home-banners" scrollX enhanced pagingEnabled showScrollbar={false}>
      {banners.map((banner) => (
        <View
          key={banner.id}
          className={`home-banner${banners.length === 1 ? ' home-banner--only' : ''}`}
          data-id={banner.id}
          onClick={() => openArticle(banner.id)}
        >
          <Image className="home-banner__image" src={banner.coverUrl ?? ''} mode="aspectFill" />
          <View className="home-banner-title">{banner.title}</View>
        </View>
      ))}
    </ScrollView>
  );
}
