/**
 * 报名审核 (organizers): every submitted entry, filtered by contest, group, field, district and status,
 * searched by project / company / leader name, paged on the server; a table on desktop browsers and
 * cards on phones. 导出 Excel exports what the filters select, optionally with full mobiles (audited).
 * Opens on `?contestId=&status=` when linked from 赛事管理.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { groupLabels, type Group } from '@core/contest/types';
import { ENTRY_STATUSES, entryStatusLabels, type EntryStatus } from '@core/registration/entry-status';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useDebounced } from '../../../hooks/useDebounced';
import { usePageParams } from '../../../hooks/usePageParams';
// The page's parts sit between the shared components so their styles load in the order of the other
// admin pages (CheckRow, ChoiceSelect, EntryStatusChip, Pager): the subpackage's common stylesheet has one.
import { EntriesExport } from './components/EntriesExport';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { EntryList } from './components/EntryList';
import { Pager } from '../../components/Pager';
import { AdminEvent, useAdminEvent } from '../../lib/events';
import { definedFilters, isStatus, type Filters } from './filters';
import '../../styles/admin.scss';
import './index.scss';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

const groupChoices: Array<Choice<Group>> = (['enterprise', 'maker'] as const).map((g) => ({
  value: g,
  label: groupLabels[g],
}));
const statusChoices: Array<Choice<EntryStatus>> = ENTRY_STATUSES.map((s) => ({
  value: s,
  label: entryStatusLabels[s],
}));

export default function AdminEntriesPage() {
  const access = useAreaAccess('admin');
  const params = usePageParams();
  const [filters, setFilters] = useState<Filters>(() => ({
    contestId: params.contestId || undefined,
    status: isStatus(params.status) ? params.status : undefined,
  }));
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const selected = definedFilters(filters, query);

  // The page belongs to one set of filters: changing a filter or the search starts again at page 1,
  // in the same render, so no request goes out for a page of the old filters.
  const filterKey = JSON.stringify(selected);
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;
  const goTo = (p: number) => setPaging({ key: filterKey, page: p });

  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const contest = useCloudQuery(
    'contest.get',
    { id: filters.contestId ?? '' },
    { enabled: access.allowed && filters.contestId !== undefined },
  );
  const list = useCloudQuery(
    'admin.entry.list',
    { ...selected, page, pageSize: PAGE_SIZE },
    { enabled: access.allowed },
  );
  useAdminEvent(AdminEvent.entriesChanged, list.reload);

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((current) => {
      const next = { ...current, [key]: value };
      // Fields and districts are settings of one contest; another contest may not have them.
      if (key === 'contestId') {
        delete next.field;
        delete next.district;
      }
      return next;
    });

  const contestChoices: Array<Choice<string>> = (contests.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.name,
  }));
  const detail = filters.contestId !== undefined ? contest.data?.contest : undefined;
  const fieldChoices = (detail?.fields ?? []).map((f) => ({ value: f, label: f }));
  const districtChoices = (detail?.districts ?? []).map((d) => ({ value: d, label: d }));

  const data = list.data;
  return (
    <View className="admin-wide">
      <PageShell title="报名审核" {...shellFor(access, list)}>
        <View className="entries-toolbar card">
          <View className="entries-filters">
            <ChoiceSelect
              className="entries-filter-contest"
              label="赛事"
              allLabel="全部赛事"
              value={filters.contestId}
              options={contestChoices}
              onChange={(v) => setFilter('contestId', v)}
            />
            <ChoiceSelect
              className="entries-filter-group"
              label="组别"
              allLabel="全部组别"
              value={filters.group}
              options={groupChoices}
              onChange={(v) => setFilter('group', v)}
            />
            {detail ? (
              <ChoiceSelect
                className="entries-filter-field"
                label="领域"
                allLabel="全部领域"
                value={filters.field}
                options={fieldChoices}
                onChange={(v) => setFilter('field', v)}
              />
            ) : null}
            {detail && districtChoices.length > 0 ? (
              <ChoiceSelect
                className="entries-filter-district"
                label="区"
                allLabel="全部区"
                value={filters.district}
                options={districtChoices}
                onChange={(v) => setFilter('district', v)}
              />
            ) : null}
            <ChoiceSelect
              className="entries-filter-status"
              label="状态"
              allLabel="全部（不含草稿、已撤回）"
              value={filters.status}
              options={statusChoices}
              onChange={(v) => setFilter('status', v)}
            />
          </View>
          <View className="entries-search-row">
            <Input
              className="entries-search admin-input"
              type="text"
              confirmType="search"
              value={search}
              maxlength={40}
              placeholder="搜索项目名称、企业名称或负责人"
              onInput={(e) => setSearch(e.detail.value)}
            />
            <EntriesExport selection={selected} />
          </View>
        </View>

        {list.error && data !== undefined ? (
          <View className="entries-list-error admin-error">
            {list.error.message}
            <Text className="entries-list-retry admin-link" onClick={list.reload}>
              {' '}
              重试
            </Text>
          </View>
        ) : null}
        {data ? (
          <EntryList
            rows={data.items}
            showContest={filters.contestId === undefined}
            refreshing={list.loading}
            filtered={Object.keys(selected).length > 0}
          />
        ) : null}
        {data && data.total > 0 ? (
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={(p) => {
              goTo(p);
              void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
            }}
          />
        ) : null}
      </PageShell>
    </View>
  );
}
