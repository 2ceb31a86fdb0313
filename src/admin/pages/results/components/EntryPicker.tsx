/**
 * 选择项目 of 发布新名单: the chosen contest's entries, filtered by status and searched, paged on the server, with
 * 全选本页; entries whose status can't be listed show but can't be picked.
 */
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import { entryStatusLabels, type EntryStatus } from '@core/registration/entry-status';
import type { EntryRow } from '@core/registration/views';
import { useCloudQuery } from '../../../../hooks/useCloudQuery';
import { useDebounced } from '../../../../hooks/useDebounced';
import { CheckRow } from '../../../components/CheckRow';
import { ChoiceSelect, type Choice } from '../../../components/ChoiceSelect';
import { EntryStatusChip } from '../../../components/EntryStatusChip';
import { Pager } from '../../../components/Pager';
import { LISTABLE, isListable } from '../../../lib/result-pick';

const PAGE_SIZE = 20;

const statusChoices: Array<Choice<EntryStatus>> = LISTABLE.map((s) => ({ value: s, label: entryStatusLabels[s] }));

export interface EntryPickerProps {
  contestId: string;
  pickedIds: ReadonlySet<string>;
  onToggle: (row: EntryRow, on: boolean) => void;
  /** 全选本页: picks the listable rows of this page, or drops them when all are picked. */
  onTogglePage: (rows: EntryRow[]) => void;
}

export function EntryPicker({ contestId, pickedIds, onToggle, onTogglePage }: EntryPickerProps) {
  const [status, setStatus] = useState<EntryStatus | undefined>(undefined);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const filterKey = `${contestId}|${status ?? ''}|${q}`;
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;
  const entries = useCloudQuery('admin.entry.list', {
    contestId,
    ...(status ? { status } : {}),
    ...(q !== '' ? { q } : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  const rows = entries.data?.items ?? [];
  const listableOnPage = rows.filter((r) => isListable(r.status));
  const allOnPage = listableOnPage.length > 0 && listableOnPage.every((r) => pickedIds.has(r.id));

  return (
    <View className="results-picker">
      <Text className="results-composer__subtitle">选择项目</Text>
      <View className="results-picker__filters">
        <ChoiceSelect
          className="results-entry-status"
          label="状态"
          allLabel="全部可列入的状态"
          value={status}
          options={statusChoices}
          onChange={setStatus}
        />
        <Input
          className="results-search admin-input"
          type="text"
          confirmType="search"
          value={search}
          maxlength={40}
          placeholder="搜索项目名称、企业名称或负责人"
          onInput={(e) => setSearch(e.detail.value)}
        />
      </View>
      {entries.error ? (
        <View className="results-entries-error admin-error">
          {entries.error.message}
          <Text className="admin-link" onClick={entries.reload}>
            {' '}
            重试
          </Text>
        </View>
      ) : null}
      {entries.data === undefined && entries.loading ? <View className="muted">正在加载报名…</View> : null}
      {entries.data && rows.length === 0 ? <View className="results-pick-empty muted">没有符合条件的报名</View> : null}
      {rows.length > 0 ? (
        <View className={`results-pick-list${entries.loading ? ' results-pick-list--refreshing' : ''}`}>
          <CheckRow
            className="results-pick-all"
            checked={allOnPage}
            disabled={listableOnPage.length === 0}
            label={`全选本页（${listableOnPage.length} 项可选）`}
            onChange={() => onTogglePage(rows)}
          />
          {rows.map((row) => {
            const listable = isListable(row.status);
            return (
              <View
                key={row.id}
                className={`results-pick-row${listable ? '' : ' results-pick-row--blocked'}`}
                data-entry-id={row.id}
                data-listable={listable ? 'true' : 'false'}
              >
                <CheckRow
                  className={`results-pick-${row.id}`}
                  checked={pickedIds.has(row.id)}
                  disabled={!listable}
                  label={row.projectName}
                  onChange={(on) => onToggle(row, on)}
                />
                <View className="results-pick-row__meta muted">
                  {row.orgName} · {groupLabels[row.group]} · {row.field}
                  {row.district ? ` · ${row.district}` : ''}
                </View>
                <View className="results-pick-row__status">
                  <EntryStatusChip status={row.status} />
                  {listable ? null : <Text className="muted"> 当前状态不能列入名单</Text>}
                </View>
              </View>
            );
          })}
        </View>
      ) : null}
      {entries.data && entries.data.total > PAGE_SIZE ? (
        <Pager
          hook="results-entries"
          page={page}
          pageSize={PAGE_SIZE}
          total={entries.data.total}
          onChange={(p) => setPaging({ key: filterKey, page: p })}
        />
      ) : null}
    </View>
  );
}
