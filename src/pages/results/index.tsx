/**
 * 成绩: the published result lists (results.list: one call on open, stored for offline reading), grouped
 * by contest, each with its kind, title, publish time, a 公示中（截至 …） badge while objections are taken,
 * and its projects (project, company or team, group, field, district, prize). A search box finds a
 * project or company on any list (results.search). During 公示 each project, and the list as a whole,
 * has 提出异议, which opens the objection form.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { ResultListView } from '@core/results/views';
import { groupLabels, prizeLabels } from '@core/contest/types';
import { resultKindLabels, type ResultItem } from '@core/results/types';
import { formatShanghai } from '@core/time/shanghai';
import { OfflineNote } from '../../components/OfflineNote';
import { PageShell, openToAll, shellFor } from '../../components/PageShell';
import { useCachedCloudQuery } from '../../hooks/useCachedCloudQuery';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { useDebounced } from '../../hooks/useDebounced';
import { usePageShowAgain, useShareMessage, useShareTimelineMessage } from '../../hooks/usePageLifecycle';
import { useServerNow } from '../../hooks/useServerNow';
import { routes } from '../../services/routes';
import './index.scss';

/** Long lists (up to 1000 projects) are folded: drawing them all at once is slow on a phone. */
const ITEMS_SHOWN = 20;
const REFRESH_AFTER_MS = 5 * 60_000;

/** The card a shared 成绩 page shows: the published lists are public, so the page may be passed on. */
const RESULTS_SHARE_TITLE = '“创客中国”大赛 · 晋级与获奖名单公布';

export default function ResultsPage() {
  const results = useCachedCloudQuery('results.list', {}, { cacheKey: 'results' });
  usePageShowAgain(() => results.reloadIfOlderThan(REFRESH_AFTER_MS));
  useShareMessage(() => ({ title: RESULTS_SHARE_TITLE, path: routes.results }));
  useShareTimelineMessage(() => ({ title: RESULTS_SHARE_TITLE, query: '' }));
  const lists = results.data?.lists ?? [];
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
    </PageShell>
  );
}

function ResultList({ list, inPublicity }: { list: ResultListView; inPublicity: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? list.items : list.items.slice(0, ITEMS_SHOWN);
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
        发布于 {formatShanghai(list.publishedAt)} · 共 {list.items.length} 个项目
      </View>
      <View className="results-items">
        {shown.map((item) => (
          <ResultRow key={item.entryId} item={item} list={list} inPublicity={inPublicity} />
        ))}
      </View>
      {list.items.length > ITEMS_SHOWN ? (
        <View className="results-more" onClick={() => setExpanded(!expanded)}>
          {expanded ? '收起' : `展开全部 ${list.items.length} 个项目`}
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
