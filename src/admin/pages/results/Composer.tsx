/**
 * 发布新名单: contest and kind, then entries picked from that contest's entry list (status filter,
 * search, paging, 全选本页), prizes per project for a 获奖名单, the 公示 period, a summary, a
 * confirmation, and the publish. A list is an immutable snapshot once published, so the summary says
 * exactly what will go out. The publish carries one requestId for as long as the same list is retried
 * with its outcome unknown (no answer, a server failure, still in progress): the server derives the
 * list's id from it, so a retry can't publish it twice.
 *
 * Class hooks: results-composer; results-contest (ChoiceSelect), results-kind-<preliminary|finalist|awards|national>
 * (chips, results-kind--active), results-title-input; results-entry-status (ChoiceSelect), results-search;
 * results-pick-all (全选本页, check box), results-pick-row per entry (data-entry-id, data-listable) holding the
 * check box results-pick-<entryId> (aria-checked); results-pick-empty; Pager with hook results-entries;
 * results-selected (已选): results-picked-count, results-pick-clear, results-selected-row (data-entry-id)
 * with results-prize-<first|second|third|merit> chips (获奖名单; results-prize--active) and results-selected-remove;
 * results-publicity-days (its <input>), results-preview (the summary), field-error (data-for = contestId, kind,
 * entries, publicityDays, or entries.<entryId> for one project), results-publish-error, results-publish,
 * results-cancel. 发布名单 asks first with Taro.showModal (H5: confirm with .taro-model__confirm).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ResultListView } from '@core/results/views';
import { groupLabels, prizeLabels, type Prize } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import { entryStatusLabels, type EntryStatus } from '@core/registration/entry-status';
import { RESULT_KINDS, resultKindLabels, type ResultKind } from '@core/results/types';
import { formatShanghai } from '@core/time/shanghai';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useRequestId } from '../../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../../services/cloud';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { EntryStatusChip } from '../../components/EntryStatusChip';
import { FieldError } from '../../components/FormRow';
import { Pager } from '../../components/Pager';
import { useDebounced } from '../../../hooks/useDebounced';
import { LISTABLE, PRIZES, isListable, publishInput, togglePage, type Picked } from '../../lib/result-pick';

const PAGE_SIZE = 20;
const DAY_MS = 86_400_000;

const statusChoices: Array<Choice<EntryStatus>> = LISTABLE.map((s) => ({ value: s, label: entryStatusLabels[s] }));

export interface ComposerProps {
  contests: Array<{ value: string; label: string }>;
  initialContest: string | undefined;
  /** The server's clock, for the 公示至 date of the summary. */
  now: number;
  onPublished: (list: ResultListView) => void;
  onCancel: () => void;
}

export function Composer({ contests, initialContest, now, onPublished, onCancel }: ComposerProps) {
  const [contestId, setContestId] = useState<string | undefined>(initialContest);
  const [kind, setKind] = useState<ResultKind | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<EntryStatus | undefined>(undefined);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [days, setDays] = useState('7');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Kept across retries of the same list while the outcome is unknown (see the comment at the top).
  const request = useRequestId();

  const filterKey = `${contestId ?? ''}|${status ?? ''}|${q}`;
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;
  const entries = useCloudQuery(
    'admin.entry.list',
    {
      contestId: contestId ?? '',
      ...(status ? { status } : {}),
      ...(q !== '' ? { q } : {}),
      page,
      pageSize: PAGE_SIZE,
    },
    { enabled: contestId !== undefined },
  );
  const rows = entries.data?.items ?? [];
  const pickedIds = new Set(picked.map((p) => p.row.id));
  const listableOnPage = rows.filter((r) => isListable(r.status));
  const allOnPage = listableOnPage.length > 0 && listableOnPage.every((r) => pickedIds.has(r.id));

  const clearError = (key: string) => setErrors((current) => (current[key] ? { ...current, [key]: '' } : current));
  const toggle = (row: (typeof rows)[number], on: boolean) => {
    clearError('entries');
    setPicked((current) => (on ? [...current, { row, prize: null }] : current.filter((p) => p.row.id !== row.id)));
  };
  const setPrize = (entryId: string, prize: Prize) => {
    clearError('entries');
    setPicked((current) => current.map((p) => (p.row.id === entryId ? { ...p, prize } : p)));
  };

  const form = { contestId, kind, title, picked, publicityDays: days };
  const dayCount = Number(days.trim() === '' ? '0' : days);
  const contestName = contests.find((c) => c.value === contestId)?.label ?? '';
  const shownTitle = title.trim() || (contestName && kind ? `${contestName} ${resultKindLabels[kind]}` : '');
  const prizeCounts = PRIZES.map((p) => [p, picked.filter((x) => x.prize === p).length] as const).filter(
    ([, n]) => n > 0,
  );

  const publish = async () => {
    if (busy) return;
    setServerError(null);
    const checked = publishInput(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const answer = await Taro.showModal({
      title: '发布名单',
      content: `将发布「${shownTitle}」，共 ${picked.length} 个项目${
        checked.input.publicityDays ? `，公示 ${checked.input.publicityDays} 天` : '，不设公示期'
      }。名单发布后不能修改，如有错误只能撤回后重新发布。`,
      confirmText: '确认发布',
      confirmColor: '#c8102e',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    const requestId = request.idFor(JSON.stringify(checked.input));
    setBusy(true);
    try {
      const { list } = await callCloud('admin.result.publish', checked.input, { requestId });
      request.settle();
      onPublished(list);
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      if (failure.code === 'INVALID_INPUT' && failure.details) {
        // entries.<i>.entryId names a position of the request; show it beside that project.
        const mapped: FieldErrors = {};
        for (const [path, message] of Object.entries(failure.details)) {
          if (typeof message !== 'string') continue;
          const at = /^entries\.(\d+)/.exec(path);
          const entryId = at ? checked.input.entries[Number(at[1])]?.entryId : undefined;
          mapped[entryId ? `entries.${entryId}` : (path.split('.')[0] ?? path)] ??= message;
        }
        setErrors(mapped);
      }
      setServerError(
        failure.code === 'NETWORK' ? `${failure.message}（再次点击「发布」不会重复发布）` : failure.message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="results-composer card">
      <Text className="card__title">发布新名单</Text>
      <View className="results-composer__row">
        <Text className="results-composer__label">赛事</Text>
        <View className="results-composer__control">
          <ChoiceSelect
            className="results-contest"
            label=""
            placeholder="请选择赛事"
            value={contestId}
            options={contests}
            disabled={busy}
            onChange={(v) => {
              // Entries belong to one contest: a new contest starts a new pick.
              if (v !== contestId) setPicked([]);
              clearError('contestId');
              setContestId(v);
            }}
          />
          <FieldError errors={errors} name="contestId" />
        </View>
      </View>
      <View className="results-composer__row">
        <Text className="results-composer__label">名单类型</Text>
        <View className="results-composer__control">
          <View className="results-kinds">
            {RESULT_KINDS.map((k) => (
              <Text
                key={k}
                className={`results-kind results-kind-${k}${kind === k ? ' results-kind--active' : ''}`}
                aria-pressed={kind === k ? 'true' : 'false'}
                onClick={() => {
                  clearError('kind');
                  setKind(k);
                }}
              >
                {resultKindLabels[k]}
              </Text>
            ))}
          </View>
          <FieldError errors={errors} name="kind" />
        </View>
      </View>
      <View className="results-composer__row">
        <Text className="results-composer__label">标题</Text>
        <View className="results-composer__control">
          <Input
            className="results-title-input admin-input"
            value={title}
            maxlength={60}
            placeholder={shownTitle ? `默认：${shownTitle}` : '选填，默认为“赛事名称 + 名单类型”'}
            onInput={(e) => setTitle(e.detail.value)}
          />
        </View>
      </View>

      {contestId ? (
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
          {entries.data && rows.length === 0 ? (
            <View className="results-pick-empty muted">没有符合条件的报名</View>
          ) : null}
          {rows.length > 0 ? (
            <View className={`results-pick-list${entries.loading ? ' results-pick-list--refreshing' : ''}`}>
              <CheckRow
                className="results-pick-all"
                checked={allOnPage}
                disabled={listableOnPage.length === 0}
                label={`全选本页（${listableOnPage.length} 项可选）`}
                onChange={() => {
                  clearError('entries');
                  setPicked((current) => togglePage(current, rows));
                }}
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
                      onChange={(on) => toggle(row, on)}
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
      ) : (
        <View className="muted results-composer__hint">选择赛事后，从该赛事的报名中选择项目</View>
      )}

      <View className="results-selected">
        <View className="results-selected__head">
          <Text className="results-picked-count">已选 {picked.length} 个项目</Text>
          {picked.length > 0 ? (
            <Text className="results-pick-clear admin-link" onClick={() => setPicked([])}>
              清空
            </Text>
          ) : null}
        </View>
        {kind === 'awards' && picked.length > 0 ? (
          <View className="muted results-selected__hint">请为每个项目选择奖项</View>
        ) : null}
        {picked.map((p) => (
          <View key={p.row.id} className="results-selected-row" data-entry-id={p.row.id}>
            <View className="results-selected-row__main">
              <Text className="results-selected-row__name">{p.row.projectName}</Text>
              <Text className="muted"> {p.row.orgName}</Text>
            </View>
            {kind === 'awards' ? (
              <View className="results-prizes">
                {PRIZES.map((prize) => (
                  <Text
                    key={prize}
                    className={`results-prize results-prize-${prize}${p.prize === prize ? ' results-prize--active' : ''}`}
                    aria-pressed={p.prize === prize ? 'true' : 'false'}
                    onClick={() => setPrize(p.row.id, prize)}
                  >
                    {prizeLabels[prize]}
                  </Text>
                ))}
              </View>
            ) : null}
            <Text className="results-selected-remove admin-link" onClick={() => toggle(p.row, false)}>
              移除
            </Text>
            <FieldError errors={errors} name={`entries.${p.row.id}`} />
          </View>
        ))}
        <FieldError errors={errors} name="entries" />
      </View>

      <View className="results-composer__row">
        <Text className="results-composer__label">公示天数</Text>
        <View className="results-composer__control">
          <View className="results-days">
            <Input
              className="results-publicity-days admin-input"
              type="number"
              value={days}
              maxlength={2}
              onInput={(e) => {
                clearError('publicityDays');
                setDays(e.detail.value);
              }}
            />
            <Text className="muted">天（0 表示不设公示期；公示期内公众可以对名单提出异议）</Text>
          </View>
          <FieldError errors={errors} name="publicityDays" />
        </View>
      </View>

      <View className="results-preview">
        {shownTitle ? `将发布「${shownTitle}」` : '将发布新名单'}：共 {picked.length} 个项目
        {kind === 'awards' && prizeCounts.length > 0
          ? `（${prizeCounts.map(([p, n]) => `${prizeLabels[p]} ${n}`).join('、')}）`
          : ''}
        {Number.isInteger(dayCount) && dayCount > 0 && dayCount <= 30
          ? `；公示 ${dayCount} 天，至 ${formatShanghai(now + dayCount * DAY_MS, 'YYYY年M月D日 HH:mm')}（北京时间，以发布时刻起算）`
          : '；不设公示期'}
        。发布后名单不能修改，只能撤回。
      </View>
      {serverError ? <View className="results-publish-error admin-error">{serverError}</View> : null}
      <View className="results-composer__buttons">
        <Button className="results-cancel admin-btn" size="mini" disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button
          className="results-publish admin-btn admin-btn--primary"
          size="mini"
          disabled={busy}
          onClick={() => void publish()}
        >
          {busy ? '正在发布…' : '发布名单'}
        </Button>
      </View>
    </View>
  );
}
