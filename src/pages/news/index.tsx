/**
 * 新闻: category tabs (全部 / 通知公告 / 赛事动态 / 政策解读 / 媒体报道), a title search (debounced), and
 * the visible articles, pinned first, ten at a time: the next page loads when the page is scrolled to
 * the bottom, until 没有更多了. At most 50 articles are drawn: reading on drops the earliest from the screen
 * (显示前面的文章 brings them back, 显示后面的文章 returns), so the WXML tree stays within WeChat's audit
 * (≤ 60 children per node). Opening the tab makes one call (news.list, page 1), which is stored per
 * category so the list draws at once next time and stays readable without network.
 */
import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { ActionInput } from '@core/actions';
import type { ArticleSummary } from '@core/news/views';
import { ARTICLE_CATEGORIES, articleCategoryLabels, type ArticleCategory } from '@core/news/types';
import { ArticleRow } from '../../components/ArticleRow';
import { OfflineNote } from '../../components/OfflineNote';
import { PageShell } from '../../components/PageShell';
import { useCachedCloudQuery } from '../../hooks/useCachedCloudQuery';
import { useDebounced } from '../../hooks/useDebounced';
import { usePageReachBottom, usePageShowAgain } from '../../hooks/usePageLifecycle';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';
import { routes } from '../../services/routes';
import './index.scss';

type Tab = 'all' | ArticleCategory;
const TABS: ReadonlyArray<{ key: Tab; label: string }> = [
  { key: 'all', label: '全部' },
  ...ARTICLE_CATEGORIES.map((key) => ({ key, label: articleCategoryLabels[key] })),
];

const PAGE_SIZE = 10;
const ON_SCREEN = 5 * PAGE_SIZE;
const SEARCH_DEBOUNCE_MS = 400;
const REFRESH_AFTER_MS = 5 * 60_000;

/** Pages after the first, for one filter; the first page comes from the cached query. */
interface MorePages {
  filter: string;
  items: ArticleSummary[];
  /** Pages loaded after the first. */
  pages: number;
  total: number | null;
  loading: boolean;
  error: CloudError | null;
}

const noMore = (filter: string): MorePages => ({
  filter,
  items: [],
  pages: 0,
  total: null,
  loading: false,
  error: null,
});

export default function NewsPage() {
  const [tab, setTab] = useState<Tab>('all');
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const filter: ActionInput<'news.list'> = {
    ...(tab === 'all' ? {} : { category: tab }),
    ...(q === '' ? {} : { q }),
  };
  const filterKey = `${tab}|${q}`;
  // A search is one-off: only the plain category lists are worth keeping on the phone.
  const first = useCachedCloudQuery(
    'news.list',
    { ...filter, page: 1, pageSize: PAGE_SIZE },
    { cacheKey: q === '' ? `news:${tab}` : null },
  );
  usePageShowAgain(() => first.reloadIfOlderThan(REFRESH_AFTER_MS));

  const [more, setMore] = useState<MorePages>(() => noMore(filterKey));
  const current = more.filter === filterKey ? more : noMore(filterKey);
  const firstItems = first.data?.items ?? [];
  const items = dedupe([...firstItems, ...current.items]);
  const total = current.total ?? first.data?.total ?? 0;
  const hasMore = first.data !== undefined && (1 + current.pages) * PAGE_SIZE < total;

  // Refs, because reach-bottom can fire again before the state of the first load has rendered. The
  // in-flight load is a number, so a late answer for another filter doesn't release the current one.
  const loadingMore = useRef<number | null>(null);
  const loads = useRef(0);
  const latest = useRef({ filterKey, filter, current, hasMore, settled: !first.loading });
  latest.current = { filterKey, filter, current, hasMore, settled: !first.loading };

  const loadMore = useCallback(() => {
    const { filterKey: key, filter: input, current: loaded, hasMore: more, settled } = latest.current;
    if (loadingMore.current !== null || !more || !settled) return;
    const load = ++loads.current;
    loadingMore.current = load;
    setMore({ ...loaded, loading: true, error: null });
    const page = loaded.pages + 2;
    callCloud('news.list', { ...input, page, pageSize: PAGE_SIZE }).then(
      (answer) => {
        if (loadingMore.current === load) loadingMore.current = null;
        setMore((prev) =>
          prev.filter !== key
            ? prev
            : {
                ...prev,
                items: [...prev.items, ...answer.items],
                pages: page - 1,
                total: answer.total,
                loading: false,
              },
        );
      },
      (error: unknown) => {
        if (loadingMore.current === load) loadingMore.current = null;
        setMore((prev) => (prev.filter !== key ? prev : { ...prev, loading: false, error: toCloudError(error) }));
      },
    );
  }, []);
  // Pages stepped back from the newest loaded one (显示前面的文章); a new filter starts at the top again.
  const [back, setBack] = useState({ filter: filterKey, steps: 0 });
  const steps = back.filter === filterKey ? back.steps : 0;
  const end = Math.max(0, items.length - steps * PAGE_SIZE);
  const start = Math.max(0, end - ON_SCREEN);
  const forward = () => (steps > 0 ? setBack({ filter: filterKey, steps: steps - 1 }) : loadMore());
  usePageReachBottom(forward);

  const choose = (next: Tab) => {
    if (next === tab) return;
    loadingMore.current = null;
    setTab(next);
  };

  return (
    <PageShell>
      <View className="news-bar">
        <View className="news-tabs">
          {TABS.map(({ key, label }) => (
            <Text
              key={key}
              className={`news-tab news-tab-${key}${key === tab ? ' news-tab--active' : ''}`}
              onClick={() => choose(key)}
            >
              {label}
            </Text>
          ))}
        </View>
        <View className="news-search-row">
          <Input
            className="news-search"
            value={text}
            maxlength={40}
            confirmType="search"
            placeholder="搜索文章标题"
            onInput={(e) => setText(e.detail.value)}
          />
          {text !== '' ? (
            <Text className="news-search-clear" onClick={() => setText('')}>
              ×
            </Text>
          ) : null}
        </View>
      </View>

      <OfflineNote error={first.error} fetchedAt={first.fetchedAt} onRetry={first.reload} />

      {first.data === undefined ? (
        first.error ? (
          <View className="news-error news-state">
            <Text className="muted">{first.error.message}</Text>
            <Text className="news-retry link" onClick={first.reload}>
              重试
            </Text>
          </View>
        ) : (
          <View className="news-loading news-state muted">加载中…</View>
        )
      ) : items.length === 0 ? (
        <View className="news-empty news-state muted">{q === '' ? '暂无文章' : `没有标题含“${q}”的文章`}</View>
      ) : (
        <View className="news-list card">
          {start > 0 ? (
            <View className="news-back news-foot" onClick={() => setBack({ filter: filterKey, steps: steps + 1 })}>
              显示前面的文章
            </View>
          ) : null}
          {items.slice(start, end).map((article) => (
            <ArticleRow
              key={article.id}
              className="news-item"
              article={article}
              onClick={() => void Taro.navigateTo({ url: routes.article(article.id) })}
            />
          ))}
        </View>
      )}

      {current.loading ? <View className="news-loading-more news-foot">加载中…</View> : null}
      {current.error ? (
        <View className="news-more-error news-foot" onClick={loadMore}>
          {current.error.message}（点击重试）
        </View>
      ) : null}
      {steps > 0 ? (
        <View className="news-forward news-foot" onClick={forward}>
          显示后面的文章
        </View>
      ) : first.data !== undefined && items.length > 0 && !current.loading && !current.error ? (
        hasMore ? (
          // Taro's H5 reach-bottom fires only after the page has left the bottom once; a tap always works.
          <View className="news-more news-foot" onClick={loadMore}>
            上拉或点击加载更多
          </View>
        ) : (
          <View className="news-end news-foot">没有更多了</View>
        )
      ) : null}
    </PageShell>
  );
}

/** The list may shift between page loads (a new article pushes one down a page): keep each article once. */
function dedupe(items: ArticleSummary[]): ArticleSummary[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}
