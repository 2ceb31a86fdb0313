/**
 * 成绩: the published result lists, grouped by contest, each with its kind, title, publish time, a 公示中（截至 …）
 * badge while objections are taken, and its first projects (project, company or team, group, field, district,
 * prize). Opening the tab is one call (results.list, the first lists with their first projects, stored for
 * offline reading); 加载更多名单 asks for the next lists. 展开全部 reads a list from the cloud a page at a time
 * (results.items), 加载更多 at its foot and 显示前面的项目 at its head, with at most two pages on screen. A search
 * box finds a project or company on any list (results.search). During 公示 each project, and the list as a
 * whole, has 提出异议, which opens the objection form.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { ResultListView } from '@core/results/views';
import { groupLabels, prizeLabels } from '@core/contest/types';
import { RESULT_ITEMS_PAGE_MAX, resultKindLabels, type ResultItem } from '@core/results/types';
import { formatShanghai } from '@core/time/shanghai';
import { OfflineNote } from '../../components/OfflineNote';
import { PageShell, openToAll, shellFor } from '../../components/PageShell';
import { useCachedCloudQuery } from '../../hooks/useCachedCloudQuery';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { useDebounced } from '../../hooks/useDebounced';
import { useListWindow } from '../../hooks/useListWindow';
import { usePageShowAgain, useShareMessage, useShareTimelineMessage } from '../../hooks/usePageLifecycle';
import { useServerNow } from '../../hooks/useServerNow';
import { callCloud, toCloudError } from '../../services/cloud';
import { routes } from '../../services/routes';
import './index.scss';

/** Lists per results.list page: the first page is the stored copy, so it is kept small. */
const LISTS_PAGE = 5;
/**
 * An open list shows at most two pages of 25 projects: about 400 WXML nodes, so the page stays under WeChat's
 * 1,000 with the other lists' first projects around it, however long the list.
 */
const ITEMS_PAGE = Math.min(25, RESULT_ITEMS_PAGE_MAX);
const ITEMS_ON_SCREEN = 2 * ITEMS_PAGE;
const REFRESH_AFTER_MS = 5 * 60_000;

/** The card a shared 成绩 page shows: the published lists are public, so the page may be passed on. */
const RESULTS_SHARE_TITLE = '“创客中国”大赛 · 晋级与获奖名单公布';

export default function ResultsPage() {
  const results = useCachedCloudQuery('results.list', { page: 1, pageSize: LISTS_PAGE }, { cacheKey: 'results' });
  usePageShowAgain(() => results.reloadIfOlderThan(REFRESH_AFTER_MS));
  useShareMessage(() => ({ title: RESULTS_SHARE_TITLE, path: routes.results }));
  useShareTimelineMessage(() => ({ title: RESULTS_SHARE_TITLE, query: '' }));
  const more = useMoreLists(results.data?.total ?? 0, results.fetchedAt);
  const lists = [
    ...(results.data?.lists ?? []),
    ...more.lists.filter((l) => !results.data?.lists.some((f) => f.id === l.id)),
  ];
  // 公示 ends while the page is open: hide 提出异议 then, by the server's clock (never a stored copy's).
  const now = useServerNow(
    results.fresh ? results.data?.now : undefined,
    lists.some((l) => l.inPublicity),
    30_000,
  );
  const open = (list: ResultListView) =>
    list.inPublicity && list.publicityEndsAt !== null && (now === null || now < Date.parse(list.publicityEndsAt));

  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 400);

  return (
    <PageShell {...shellFor(openToAll, results)} empty={lists.length === 0} emptyText="暂无已公布的成绩">
      <OfflineNote error={results.error} fetchedAt={results.fetchedAt} onRetry={results.reload} />
      <Input
        className="results-search"
        value={text}
        maxlength={40}
        confirmType="search"
        placeholder="搜索项目或企业名称"
        onInput={(e) => setText(e.detail.value)}
      />
      {q !== '' ? (
        <SearchResults q={q} lists={lists} isOpen={open} />
      ) : (
        groupByContest(lists).map((group) => (
          <View key={group.contestId} className="results-contest">
            <View className="results-contest-name section-title">{group.contestName}</View>
            {group.lists.map((list) => (
              <ResultList key={list.id} list={list} inPublicity={open(list)} />
            ))}
          </View>
        ))
      )}
      {q === '' && more.error ? (
        <View className="results-lists-more results-foot" onClick={more.load}>
          {more.error}，点击重试
        </View>
      ) : q === '' && lists.length < (results.data?.total ?? 0) ? (
        <View className="results-lists-more results-foot" onClick={more.load}>
          {more.loading ? '加载中…' : `加载更多名单（还有 ${(results.data?.total ?? 0) - lists.length} 份）`}
        </View>
      ) : null}
    </PageShell>
  );
}

/** Lists after the first page, asked for by 加载更多名单; dropped when the first page is fetched again. */
function useMoreLists(total: number, firstFetchedAt: number | null) {
  const [state, setState] = useState<{
    for: number | null;
    lists: ResultListView[];
    loading: boolean;
    error: string | null;
  }>({ for: null, lists: [], loading: false, error: null });
  const current =
    state.for === firstFetchedAt ? state : { for: firstFetchedAt, lists: [], loading: false, error: null };
  const load = () => {
    if (current.loading) return;
    const page = 2 + Math.floor(current.lists.length / LISTS_PAGE);
    if ((page - 1) * LISTS_PAGE >= total) return;
    setState({ ...current, loading: true, error: null });
    callCloud('results.list', { page, pageSize: LISTS_PAGE }).then(
      (answer) =>
        setState((prev) =>
          prev.for !== firstFetchedAt ? prev : { ...prev, lists: [...prev.lists, ...answer.lists], loading: false },
        ),
      (error: unknown) =>
        setState((prev) =>
          prev.for !== firstFetchedAt ? prev : { ...prev, loading: false, error: toCloudError(error).message },
        ),
    );
  };
  return { lists: current.lists, loading: current.loading, error: current.error, load };
}

function ResultList({ list, inPublicity }: { list: ResultListView; inPublicity: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const folded = list.itemCount > list.items.length;
  return (
    <View className={`results-list card${inPublicity ? ' results-list--publicity' : ''}`} data-id={list.id}>
      <View className="results-list__head">
        <Text className="results-kind">{resultKindLabels[list.kind]}</Text>
        {inPublicity && list.publicityEndsAt ? (
          <Text className="results-publicity">
            公示中（截至 {formatShanghai(list.publicityEndsAt, 'M月D日 HH:mm')}）
          </Text>
        ) : null}
      </View>
      <View className="results-title card__title">{list.title}</View>
      <View className="results-time muted">
        发布于 {formatShanghai(list.publishedAt)} · 共 {list.itemCount} 个项目
      </View>
      {expanded ? (
        <ListPages list={list} inPublicity={inPublicity} />
      ) : (
        <View className="results-items">
          {list.items.map((item) => (
            <ResultRow key={item.entryId} item={item} list={list} inPublicity={inPublicity} />
          ))}
        </View>
      )}
      {folded ? (
        <View className="results-more" onClick={() => setExpanded(!expanded)}>
          {expanded ? '收起' : `展开全部 ${list.itemCount} 个项目`}
        </View>
      ) : null}
      {inPublicity ? (
        <View className="results-list__foot">
          <Text className="muted">对名单有异议？公示期内可实名提出。</Text>
          <Text className="objection-open-list" onClick={() => openObjection(list)}>
            对名单提出异议
          </Text>
        </View>
      ) : null}
    </View>
  );
}

/** An open list: the window's pages, read from the cloud as the window reaches them. */
function ListPages({ list, inPublicity }: { list: ResultListView; inPublicity: boolean }) {
  const win = useListWindow(list.itemCount, ITEMS_PAGE, ITEMS_ON_SCREEN);
  // Pages read so far, by offset: in memory only (the stored copy holds the first projects, not the list).
  const [pages, setPages] = useState<ReadonlyMap<number, ResultItem[]>>(() => new Map());
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const offsets: number[] = [];
  for (let at = win.start; at < win.end; at += ITEMS_PAGE) offsets.push(at);
  const missing = offsets.filter((at) => !pages.has(at));
  const missingKey = missing.join(',');
  useEffect(() => {
    if (missingKey === '') return;
    let current = true;
    setError(null);
    Promise.all(
      missingKey
        .split(',')
        .map((at) => callCloud('results.items', { listId: list.id, offset: Number(at), limit: ITEMS_PAGE })),
    ).then(
      (answers) => {
        if (!current) return;
        setPages((prev) => {
          const next = new Map(prev);
          for (const answer of answers) next.set(answer.offset, answer.items);
          return next;
        });
      },
      (e: unknown) => current && setError(toCloudError(e).message),
    );
    return () => {
      current = false;
    };
  }, [list.id, missingKey, attempt]);
  if (missing.length > 0) {
    return (
      <View
        className="results-window-loading results-foot muted"
        onClick={error ? () => setAttempt((n) => n + 1) : undefined}
      >
        {error ? `${error}，点击重试` : '加载中…'}
      </View>
    );
  }
  const items = offsets.flatMap((at) => pages.get(at) ?? []);
  return (
    <View className="results-items">
      <View className="results-window muted">
        第 {win.start + 1}–{win.start + items.length} 个，共 {list.itemCount} 个
      </View>
      {win.hasBefore ? (
        <View className="results-window-back results-foot" onClick={win.back}>
          显示前面的项目
        </View>
      ) : null}
      {items.map((item) => (
        <ResultRow key={item.entryId} item={item} list={list} inPublicity={inPublicity} />
      ))}
      {win.hasAfter ? (
        <View className="results-window-more results-foot" onClick={win.more}>
          加载更多（还有 {list.itemCount - win.end} 个）
        </View>
      ) : null}
    </View>
  );
}

function ResultRow({ item, list, inPublicity }: { item: ResultItem; list: ResultListView; inPublicity: boolean }) {
  return (
    <View className="results-item" data-entry={item.entryId}>
      <View className="results-item__head">
        <Text className="results-project">{item.projectName}</Text>
        {item.prize ? <Text className="results-prize">{prizeLabels[item.prize]}</Text> : null}
      </View>
      <View className="results-org">{item.orgName}</View>
      <View className="results-item__foot">
        <Text className="results-meta muted">
          {[groupLabels[item.group], item.field, item.district].filter((s) => s !== '').join(' · ')}
        </Text>
        {inPublicity ? (
          <Text className="objection-open" onClick={() => openObjection(list, item)}>
            提出异议
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function SearchResults({
  q,
  lists,
  isOpen,
}: {
  q: string;
  lists: readonly ResultListView[];
  isOpen: (list: ResultListView) => boolean;
}) {
  const search = useCloudQuery('results.search', { q });
  if (search.data === undefined) {
    return (
      <View className="results-search-loading muted results-state">
        {search.error ? search.error.message : '搜索中…'}
      </View>
    );
  }
  if (search.data.items.length === 0) {
    return <View className="results-search-empty muted results-state">没有找到“{q}”相关的项目或企业</View>;
  }
  return (
    <View className="results-search-results card">
      {search.data.items.map((hit) => {
        const list = lists.find((l) => l.id === hit.listId);
        return (
          <View key={`${hit.listId}:${hit.entryId}`} className="results-search-item results-item">
            <View className="results-item__head">
              <Text className="results-project">{hit.projectName}</Text>
              {hit.prize ? <Text className="results-prize">{prizeLabels[hit.prize]}</Text> : null}
            </View>
            <View className="results-org">{hit.orgName}</View>
            <View className="results-meta muted">
              {listLabel(hit.contestName, hit.listTitle || resultKindLabels[hit.kind])}
            </View>
            {list && isOpen(list) ? (
              <Text className="objection-open" onClick={() => openObjection(list, hit)}>
                提出异议
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

function openObjection(list: ResultListView, item?: ResultItem): void {
  void Taro.navigateTo({
    url: routes.objection({
      listId: list.id,
      ...(item ? { entryId: item.entryId, project: item.projectName } : {}),
      title: list.title,
    }),
  });
}

/** A list's default title already starts with its contest's name: say it once. */
function listLabel(contestName: string, title: string): string {
  return title.startsWith(contestName) ? title : `${contestName} · ${title}`;
}

/** Lists arrive newest first; contests keep the order of their newest list. */
function groupByContest(
  lists: readonly ResultListView[],
): Array<{ contestId: string; contestName: string; lists: ResultListView[] }> {
  const groups = new Map<string, { contestId: string; contestName: string; lists: ResultListView[] }>();
  for (const list of lists) {
    const group = groups.get(list.contestId) ?? { contestId: list.contestId, contestName: list.contestName, lists: [] };
    group.lists.push(list);
    groups.set(list.contestId, group);
  }
  return [...groups.values()];
}
