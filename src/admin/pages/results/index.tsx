/**
 * 成绩发布 (organizers): the result lists published so far (all contests, or one), each with its kind,
 * title, number of projects, publish time, 公示 period and status (components/ListRow.tsx); 发布新名单 opens
 * the composer (components/Composer.tsx). Lists are immutable snapshots: there is no edit, only withdraw and
 * publish again.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useServerNow } from '../../../hooks/useServerNow';
// First, so the shared components' styles come in the same order as on the other admin pages (CheckRow,
// ChoiceSelect, …, ReasonDialog): the subpackage's common stylesheet needs one order for all of them.
import { Composer } from './components/Composer';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ListRow, publicityText } from './components/ListRow';
import { AdminEvent, emitAdminEvent, useAdminEvent } from '../../lib/events';
import '../../styles/admin.scss';
import './index.scss';

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
  return (
    <View className="admin-wide">
      <PageShell title="成绩发布" {...shellFor(access, contests, lists)}>
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
                className="results-new button button--primary"
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
