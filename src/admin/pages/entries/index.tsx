/**
 * 报名审核 (organizers): every submitted entry, filtered by contest, group, field, district and status,
 * searched by project / company / leader name, paged on the server; a table on desktop browsers and
 * cards on phones. 导出 Excel exports what the filters select, optionally with full mobiles (audited).
 * Opens on `?contestId=&status=` when linked from 赛事管理.
 *
 * Class hooks (stable, for tests):
 *   entries-filter-contest / -group / -field / -district / -status   filter drop-downs (ChoiceSelect:
 *       .choice-select__trigger, then .choice-option[data-value=…]); field and district appear once a
 *       contest is chosen, since they are that contest's settings
 *   entries-search          the search box (type into its <input>); entries-refreshing while a reload runs
 *   entries-table           the desktop table (H5, window ≥ 1024px); entries-cards the phone list
 *   entries-row             one entry (data-entry-id); inside: entries-project, entries-org, entries-contest,
 *       entries-group, entries-field, entries-district, entry-status (+ entry-status--<status>),
 *       entries-mobile, entries-submitted, entries-similar (疑似雷同 chip, only when flagged)
 *   entries-empty, entries-list-error (+ entries-list-retry)
 *   Pager: entries-total, entries-prev, entries-next, entries-page (data-page), entries-jump, entries-jump-go
 *   entries-export (导出 Excel), export-sensitive (含敏感信息 check box), entries-export-done, entries-export-error
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ActionInput } from '@core/actions';
import { groupLabels, type Group } from '@core/contest/types';
import { ENTRY_STATUSES, entryStatusLabels, type EntryStatus } from '@core/registration/entry-status';
import type { EntryRow } from '@core/registration/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { callCloud, toCloudError } from '../../../services/cloud';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { EntryStatusChip } from '../../components/EntryStatusChip';
import { Pager } from '../../components/Pager';
import { AdminEvent, useAdminEvent } from '../../lib/events';
import { downloadInBrowser, openInWeChat } from '../../../services/open-file';
import { usePageParams } from '../../../hooks/usePageParams';
import { useDebounced } from '../../../hooks/useDebounced';
import { useWideScreen } from '../../lib/use-wide-screen';
import '../../styles/admin.scss';
import './index.scss';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

interface Filters {
  contestId?: string;
  group?: Group;
  field?: string;
  district?: string;
  status?: EntryStatus;
}

const groupChoices: Array<Choice<Group>> = (['enterprise', 'maker'] as const).map((g) => ({
  value: g,
  label: groupLabels[g],
}));
const statusChoices: Array<Choice<EntryStatus>> = ENTRY_STATUSES.map((s) => ({
  value: s,
  label: entryStatusLabels[s],
}));

function isStatus(value: string | undefined): value is EntryStatus {
  return value !== undefined && (ENTRY_STATUSES as readonly string[]).includes(value);
}

/** Only the filters that are set: the request (and the export) carries no empty keys. */
function definedFilters(filters: Filters, q: string): Omit<ActionInput<'admin.entry.list'>, 'page' | 'pageSize'> {
  const out: Omit<ActionInput<'admin.entry.list'>, 'page' | 'pageSize'> = {};
  if (filters.contestId) out.contestId = filters.contestId;
  if (filters.group) out.group = filters.group;
  if (filters.field) out.field = filters.field;
  if (filters.district) out.district = filters.district;
  if (filters.status) out.status = filters.status;
  if (q !== '') out.q = q;
  return out;
}

function openEntry(id: string): void {
  void Taro.navigateTo({ url: `/admin/pages/entry/index?id=${encodeURIComponent(id)}` });
}

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
  const firstLoad = data === undefined && list.error === null;
  return (
    <View className="admin-wide">
      <PageShell
        title="报名审核"
        {...access.shell}
        loading={access.shell.loading || (access.allowed && firstLoad)}
        error={access.shell.error ?? (data === undefined ? list.error : null)}
        onRetry={access.shell.error ? access.shell.onRetry : list.reload}
      >
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
            <ExportControls filters={filters} query={query} />
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

function EntryList(props: { rows: EntryRow[]; showContest: boolean; refreshing: boolean; filtered: boolean }) {
  const wide = useWideScreen();
  const { rows, showContest, refreshing, filtered } = props;
  return (
    <View className={`entries-list${refreshing ? ' entries-list--refreshing' : ''}`}>
      {refreshing ? <View className="entries-refreshing muted">正在加载…</View> : null}
      {rows.length === 0 ? (
        <View className="entries-empty card muted">
          {filtered ? '没有符合条件的报名，试试调整筛选或搜索词' : '暂无已提交的报名'}
        </View>
      ) : process.env.TARO_ENV === 'h5' && wide ? (
        <EntryTable rows={rows} showContest={showContest} />
      ) : (
        <View className="entries-cards">
          {rows.map((row) => (
            <EntryCard key={row.id} row={row} showContest={showContest} />
          ))}
        </View>
      )}
    </View>
  );
}

function submittedText(row: EntryRow): string {
  return row.submittedAt ? formatShanghai(row.submittedAt, 'YYYY-MM-DD HH:mm') : '—';
}

function SimilarChip({ similar }: { similar: EntryRow['similar'] }) {
  if (!similar) return null;
  return (
    <Text className="entries-similar admin-chip admin-chip--warn">
      疑似雷同：与「{similar.projectName}」相似 {Math.round(similar.score * 100)}%
    </Text>
  );
}

/** H5 desktop: a real table, so columns line up and rows can be copied into a spreadsheet. */
function EntryTable({ rows, showContest }: { rows: EntryRow[]; showContest: boolean }) {
  return (
    <table className="entries-table">
      <thead>
        <tr>
          <th>项目名称</th>
          <th>企业 / 负责人</th>
          <th>组别</th>
          <th>行业领域</th>
          <th>所在区</th>
          <th>状态</th>
          <th>手机</th>
          <th>提交时间（北京时间）</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="entries-row" data-entry-id={row.id} onClick={() => openEntry(row.id)}>
            <td>
              <a
                className="entries-project"
                href={`/admin/pages/entry/index?id=${encodeURIComponent(row.id)}`}
                onClick={(e) => {
                  // Let ctrl/cmd-click open a tab; a plain click goes through Taro's router.
                  if (e.ctrlKey || e.metaKey || e.shiftKey) {
                    e.stopPropagation();
                    return;
                  }
                  e.preventDefault();
                }}
              >
                {row.projectName}
              </a>
              {showContest ? <div className="entries-contest">{row.contestName}</div> : null}
              {row.similar ? (
                <div>
                  <SimilarChip similar={row.similar} />
                </div>
              ) : null}
            </td>
            <td className="entries-org">{row.orgName}</td>
            <td className="entries-group">{groupLabels[row.group]}</td>
            <td className="entries-field">{row.field}</td>
            <td className="entries-district">{row.district || '—'}</td>
            <td>
              <EntryStatusChip status={row.status} />
            </td>
            <td className="entries-mobile">{row.mobileMasked}</td>
            <td className="entries-submitted">{submittedText(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EntryCard({ row, showContest }: { row: EntryRow; showContest: boolean }) {
  return (
    <View className="entries-row entries-card card" data-entry-id={row.id} onClick={() => openEntry(row.id)}>
      <View className="entries-card__head">
        <Text className="entries-project card__title">{row.projectName}</Text>
        <EntryStatusChip status={row.status} />
      </View>
      <View className="entries-org muted">{row.orgName}</View>
      {showContest ? <View className="entries-contest muted">{row.contestName}</View> : null}
      <View className="entries-card__meta muted">
        <Text className="entries-group">{groupLabels[row.group]}</Text>
        <Text> · </Text>
        <Text className="entries-field">{row.field}</Text>
        {row.district ? (
          <>
            <Text> · </Text>
            <Text className="entries-district">{row.district}</Text>
          </>
        ) : null}
      </View>
      <View className="entries-card__meta muted">
        <Text className="entries-mobile">{row.mobileMasked}</Text>
        <Text> · 提交于 </Text>
        <Text className="entries-submitted">{submittedText(row)}</Text>
      </View>
      {row.similar ? (
        <View className="entries-card__similar">
          <SimilarChip similar={row.similar} />
        </View>
      ) : null}
    </View>
  );
}

/** 导出 Excel: what the filters select; full mobiles only after the organizer confirms the audit. */
function ExportControls({ filters, query }: { filters: Filters; query: string }) {
  const [sensitive, setSensitive] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (busy) return;
    setDone(null);
    setError(null);
    if (sensitive) {
      const answer = await Taro.showModal({
        title: '导出含敏感信息的名单',
        content:
          '表格将包含参赛者的完整手机号。本次导出会记入审计日志（操作人、时间、筛选条件、条数），请妥善保管文件，仅用于赛事工作。',
        confirmText: '确认导出',
        cancelText: '取消',
      });
      if (!answer.confirm) return;
    }
    setBusy(true);
    try {
      const result = await callCloud('admin.entry.export', {
        ...definedFilters(filters, query),
        includeSensitive: sensitive,
      });
      if (process.env.TARO_ENV === 'h5') downloadInBrowser(result.url, result.fileName);
      else await openInWeChat(result.url, 'xlsx');
      setDone(`已导出 ${result.rows} 条：${result.fileName}`);
      // Full mobiles are asked for one export at a time, never left on for the next click.
      setSensitive(false);
    } catch (caught) {
      setError(toCloudError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="entries-export-box">
      <View className="entries-export-row">
        <CheckRow
          className="export-sensitive"
          checked={sensitive}
          disabled={busy}
          label="含敏感信息（完整手机号）"
          onChange={setSensitive}
        />
        <Button
          className="entries-export admin-btn admin-btn--primary"
          size="mini"
          disabled={busy}
          onClick={() => void run()}
        >
          {busy ? '正在导出…' : '导出 Excel'}
        </Button>
      </View>
      {done ? <View className="entries-export-done muted">{done}</View> : null}
      {error ? <View className="entries-export-error admin-error">{error}</View> : null}
    </View>
  );
}
