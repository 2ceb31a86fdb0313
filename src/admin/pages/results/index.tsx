/**
 * 成绩发布 (organizers): the result lists published so far (all contests, or one), each with its kind,
 * title, number of projects, publish time, 公示 period and status; a list can be opened to read its
 * lines and 撤回 with a reason (required; readers stop seeing it). 发布新名单 opens the composer
 * (./Composer.tsx). Lists are immutable snapshots: there is no edit, only withdraw and publish again.
 *
 * Class hooks (stable, for tests):
 *   results-filter-contest (ChoiceSelect), results-new (发布新名单), results-objections-link (异议处理)
 *   results-published (after a publish: what went out), results-withdrawn (after a withdraw)
 *   results-list-row per list (data-list-id, data-status = published|withdrawn, data-kind): results-list-kind,
 *       results-list-title, results-list-contest, results-list-count, results-list-published (发布时间),
 *       results-list-publicity (公示中，至 … / 公示已于 … 结束 / 不设公示期), results-list-status
 *       (+ results-list-status--<status>), results-list-toggle (查看名单 / 收起) opening results-items with a
 *       results-item per line (data-entry-id; results-item-prize), results-withdraw (published lists only)
 *   withdraw dialog (ReasonDialog with results-withdraw-dialog): decision-reason (its <textarea>),
 *       decision-reason-error, decision-confirm, decision-cancel
 *   results-empty, results-list-error (+ results-list-retry)
 *   composer: see ./Composer.tsx
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ResultListView } from '@core/results/views';
import { groupLabels, prizeLabels } from '@core/contest/types';
import { resultKindLabels } from '@core/results/types';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useRequestId } from '../../../hooks/useRequestId';
import { useServerNow } from '../../../hooks/useServerNow';
import { callCloud, toCloudError } from '../../../services/cloud';
// First, so the shared components' styles come in the same order as on the other admin pages (CheckRow,
// ChoiceSelect, …, ReasonDialog): the subpackage's common stylesheet needs one order for all of them.
import { Composer } from './Composer';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { AdminEvent, emitAdminEvent, useAdminEvent } from '../../lib/events';
import '../../styles/admin.scss';
import './index.scss';

function publicityText(list: ResultListView): string {
  if (list.publicityEndsAt === null) return '不设公示期';
  const end = formatShanghai(list.publicityEndsAt, 'YYYY年M月D日 HH:mm');
  if (list.inPublicity) return `公示中，至 ${end}`;
  return list.status === 'withdrawn' ? `公示期至 ${end}` : `公示已于 ${end} 结束`;
}

export default function AdminResultsPage() {
  const access = useAreaAccess('admin');
  const [contestId, setContestId] = useState<string | undefined>(undefined);
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const lists = useCloudQuery('admin.result.list', contestId ? { contestId } : {}, { enabled: access.allowed });
  useAdminEvent(AdminEvent.resultsChanged, lists.reload);
  const serverNow = useServerNow(contests.data?.now, true, 60_000) ?? Date.now();
  const [composing, setComposing] = useState(false);
  const [published, setPublished] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);

  const contestChoices = (contests.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const data = lists.data;
  const firstLoad =
    (contests.data === undefined && contests.error === null) || (data === undefined && lists.error === null);
  const failed =
    access.shell.error ?? (contests.data === undefined ? contests.error : null) ?? (data ? null : lists.error);
  return (
    <View className="admin-wide">
      <PageShell
        title="成绩发布"
        {...access.shell}
        loading={access.shell.loading || (access.allowed && firstLoad)}
        error={failed}
        onRetry={() => {
          if (access.shell.error) access.shell.onRetry?.();
          contests.reload();
          lists.reload();
        }}
      >
        <View className="results-toolbar card">
          <ChoiceSelect
            className="results-filter-contest"
            label="赛事"
            allLabel="全部赛事"
            value={contestId}
            options={contestChoices}
            onChange={setContestId}
          />
          <View className="results-toolbar__actions">
            <Text
              className="results-objections-link admin-link"
              onClick={() => void Taro.navigateTo({ url: '/admin/pages/objections/index' })}
            >
              异议处理
            </Text>
            {!composing ? (
              <Button
                className="results-new admin-btn admin-btn--primary"
                size="mini"
                onClick={() => {
                  setPublished(null);
                  setWithdrawn(null);
                  setComposing(true);
                }}
              >
                发布新名单
              </Button>
            ) : null}
          </View>
        </View>

        {published ? <View className="results-published">{published}</View> : null}
        {withdrawn ? <View className="results-withdrawn muted">{withdrawn}</View> : null}

        {composing ? (
          <Composer
            contests={contestChoices}
            initialContest={contestId}
            now={serverNow}
            onCancel={() => setComposing(false)}
            onPublished={(list) => {
              setComposing(false);
              setPublished(
                `已发布「${list.title}」，共 ${list.items.length} 个项目；${publicityText(list)}。读者可在「成绩」页查看。`,
              );
              emitAdminEvent(AdminEvent.resultsChanged);
              void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
            }}
          />
        ) : null}

        <View className="section-title">已发布的名单</View>
        {lists.error && data ? (
          <View className="results-list-error admin-error">
            {lists.error.message}
            <Text className="results-list-retry admin-link" onClick={lists.reload}>
              {' '}
              重试
            </Text>
          </View>
        ) : null}
        {data && data.lists.length === 0 ? <View className="results-empty card muted">还没有发布过名单</View> : null}
        <View className={lists.loading ? 'results-lists results-lists--refreshing' : 'results-lists'}>
          {(data?.lists ?? []).map((list) => (
            <ListRow
              key={list.id}
              list={list}
              onWithdrawn={(done) => {
                setPublished(null);
                setWithdrawn(`已撤回「${done.title}」，读者将不再看到这份名单。`);
                emitAdminEvent(AdminEvent.resultsChanged);
              }}
            />
          ))}
        </View>
      </PageShell>
    </View>
  );
}

function ListRow({ list, onWithdrawn }: { list: ResultListView; onWithdrawn: (list: ResultListView) => void }) {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = useRequestId();

  const withdraw = async (reason: string) => {
    if (busy) return;
    const requestId = request.idFor(`${list.id}|${reason}`);
    setBusy(true);
    setError(null);
    try {
      const result = await callCloud('admin.result.withdraw', { id: list.id, reason }, { requestId });
      request.settle();
      setDialog(false);
      onWithdrawn(result.list);
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      const detail = failure.details?.reason;
      setError(typeof detail === 'string' ? detail : failure.message);
    } finally {
      setBusy(false);
    }
  };

  const awards = list.kind === 'awards';
  return (
    <View
      className={`results-list-row card results-list-row--${list.status}`}
      data-list-id={list.id}
      data-status={list.status}
      data-kind={list.kind}
    >
      <View className="results-list-row__head">
        <Text className="results-list-kind admin-chip">{resultKindLabels[list.kind]}</Text>
        <Text className={`results-list-status results-list-status--${list.status}`}>
          {list.status === 'published' ? '已发布' : '已撤回'}
        </Text>
        {list.inPublicity ? <Text className="admin-chip admin-chip--warn">公示中</Text> : null}
      </View>
      <Text className="results-list-title">{list.title}</Text>
      <View className="results-list-row__meta muted">
        <Text className="results-list-contest">{list.contestName}</Text>
        <Text> · </Text>
        <Text className="results-list-count">{list.items.length} 个项目</Text>
        <Text> · </Text>
        <Text className="results-list-published">发布于 {formatShanghai(list.publishedAt, 'YYYY-MM-DD HH:mm')}</Text>
      </View>
      <View className="results-list-publicity muted">{publicityText(list)}</View>
      <View className="results-list-row__actions">
        <Text className="results-list-toggle admin-link" onClick={() => setOpen(!open)}>
          {open ? '收起' : '查看名单'}
        </Text>
        {list.status === 'published' ? (
          <Button
            className="results-withdraw admin-btn admin-btn--danger"
            size="mini"
            disabled={busy}
            onClick={() => {
              setError(null);
              setDialog(true);
            }}
          >
            撤回
          </Button>
        ) : null}
      </View>
      {error && !dialog ? <View className="admin-error">{error}</View> : null}
      {open ? (
        <View className="results-items">
          {list.items.map((item, i) => (
            <View key={item.entryId} className="results-item" data-entry-id={item.entryId}>
              <Text className="results-item__no muted">{i + 1}</Text>
              <View className="results-item__main">
                <Text className="results-item__name">{item.projectName}</Text>
                <View className="muted">
                  {item.orgName} · {groupLabels[item.group]} · {item.field}
                  {item.district ? ` · ${item.district}` : ''}
                </View>
              </View>
              {awards && item.prize ? (
                <Text className="results-item-prize admin-chip admin-chip--warn">{prizeLabels[item.prize]}</Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {dialog ? (
        <ReasonDialog
          className="results-withdraw-dialog"
          title={`撤回：${list.title}`}
          description="撤回后读者不再能看到这份名单，公示期内的异议入口随之关闭。名单不能恢复，如需更正请撤回后重新发布。"
          placeholder="例如：名单有误，更正后重新发布"
          emptyMessage="请填写撤回理由"
          confirmText="确认撤回"
          danger
          busy={busy}
          error={error}
          onConfirm={(reason) => void withdraw(reason)}
          onCancel={() => setDialog(false)}
        />
      ) : null}
    </View>
  );
}
