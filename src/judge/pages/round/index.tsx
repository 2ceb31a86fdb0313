/**
 * 我的评审任务 (`/judge/pages/round/index?roundId=`): the entries of one round assigned to this judge,
 * with progress 已评 x/y, filter tabs 全部 / 待评 / 已评 and a state per entry: 待评, 已评 86.50, 已回避,
 * 待同步 (the score waits in the outbox), 提交失败 (the outbox holds the server's refusal). Tap → score page.
 * A tab shows 25 entries at a time with 加载更多 (and 显示前面的项目 once more than 50 would be on screen).
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import type { JudgeAssignmentView, JudgeRoundAssignments } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useListWindow } from '../../../hooks/useListWindow';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageShowAgain } from '../../../hooks/usePageLifecycle';
import { usePageParams } from '../../../hooks/usePageParams';
import { useServerNow } from '../../../hooks/useServerNow';
import type { OutboxItem } from '../../../services/outbox';
import { Progress } from '../../components/Progress';
import { windowOf, windowText } from '../../lib/round-window';
import { judgeRoutes } from '../../lib/routes';
import { roundScorePrefix, scoreKey } from '../../lib/score-sheet';
import { useOutboxEvents, useOutboxItems } from '../../lib/useOutbox';
import '../../styles/judge.scss';
import './index.scss';

type Tab = 'all' | 'pending' | 'scored';
/** About 12 WXML nodes an entry: two pages on screen keep a judge with hundreds of tasks under WeChat's 1,000. */
const PAGE = 25;
const ON_SCREEN = 2 * PAGE;
const tabLabels: Record<Tab, string> = { all: '全部', pending: '待评', scored: '已评' };

export default function JudgeRoundPage() {
  const { roundId = '' } = usePageParams();
  const access = useAreaAccess('judge');
  const openid = access.me?.user?.openid ?? '';
  const enabled = access.allowed && roundId !== '';
  const query = useCloudQuery('judge.assignment.list', { roundId }, { enabled, key: openid });
  // Back from the score page: its submit or recusal changed a state here.
  usePageShowAgain(() => enabled && query.reload());
  const round = query.data?.rounds.find((r) => r.round.id === roundId);
  return (
    <PageShell
      title="我的评审任务"
      {...shellFor(access, query)}
      empty={roundId === '' || (query.data !== undefined && round === undefined)}
      emptyText={roundId === '' ? '没有指定评审轮次' : '该轮次没有分配给您的项目'}
    >
      {round && query.data ? (
        <RoundView data={round} serverNowIso={query.data.now} openid={openid} onScoreSent={query.reload} />
      ) : null}
    </PageShell>
  );
}

type ChipKind = 'pending' | 'scored' | 'recused' | 'sync' | 'failed';

function chipOf(item: JudgeAssignmentView, queued: OutboxItem | undefined): { kind: ChipKind; text: string } {
  if (item.state === 'recused') return { kind: 'recused', text: '已回避' };
  if (queued?.failed) return { kind: 'failed', text: '提交失败' };
  if (queued) return { kind: 'sync', text: '待同步' };
  if (item.state === 'scored') return { kind: 'scored', text: `已评 ${item.total ?? ''}`.trim() };
  return { kind: 'pending', text: '待评' };
}

const chipTone: Record<ChipKind, string> = {
  pending: '',
  scored: 'chip--ok',
  recused: '',
  sync: 'chip--warn',
  failed: 'chip--bad',
};

function RoundView(props: {
  data: JudgeRoundAssignments;
  serverNowIso: string;
  openid: string;
  onScoreSent: () => void;
}) {
  const { data, serverNowIso, openid } = props;
  const { round, items, done, total } = data;
  // A waiting score went out (the network is back): the server's state and total replace 待同步.
  useOutboxEvents((event) => {
    if (event.kind === 'sent' && event.item.key.startsWith(roundScorePrefix(openid, round.id))) props.onScoreSent();
  });
  const [tab, setTab] = useState<Tab>('all');
  const now = useServerNow(serverNowIso, true, 30_000);
  const window = windowOf(round, now);
  const outbox = useOutboxItems();
  const queued = (entryId: string) => outbox.find((i) => i.key === scoreKey(openid, round.id, entryId));
  const counts: Record<Tab, number> = {
    all: items.length,
    pending: items.filter((i) => i.state === 'pending').length,
    scored: items.filter((i) => i.state === 'scored').length,
  };
  const filtered = tab === 'all' ? items : items.filter((i) => i.state === tab);
  return (
    <View>
      <View className="round-head card">
        <View className="round-name card__title">{round.name}</View>
        <View className="round-contest muted">{round.contestName}</View>
        <View className={`round-window round-window--${window} window-label window-label--${window}`}>
          {windowText(round, window)}
        </View>
        <Progress className="round-progress" done={done} total={total} />
        {round.blind ? <View className="muted">匿名评审：不显示企业和团队名称</View> : null}
      </View>

      <View className="round-tabs">
        {(['all', 'pending', 'scored'] as const).map((t) => (
          <Text
            key={t}
            className={`round-tab round-tab-${t}${t === tab ? ' round-tab--active' : ''}`}
            onClick={() => setTab(t)}
          >
            {tabLabels[t]} {counts[t]}
          </Text>
        ))}
      </View>

      {filtered.length === 0 ? (
        <View className="round-list-empty muted card">
          {tab === 'pending' ? '没有待评的项目' : tab === 'scored' ? '还没有已评的项目' : '没有分配给您的项目'}
        </View>
      ) : (
        // A tab switch starts its list from the top.
        <EntryWindow
          key={tab}
          items={filtered}
          render={(item) => {
            const chip = chipOf(item, queued(item.entryId));
            return (
              <View
                key={item.entryId}
                className={`round-entry round-entry--${chip.kind} card`}
                data-entry-id={item.entryId}
                hoverClass="round-entry--active"
                onClick={() =>
                  // Recused means no more access to the materials: nothing to open.
                  item.state === 'recused'
                    ? void Taro.showToast({ title: '您已回避该项目，不能再查看材料', icon: 'none' })
                    : void Taro.navigateTo({ url: judgeRoutes.score(round.id, item.entryId) })
                }
              >
                <View className="round-entry__head">
                  <Text className="round-entry-name">{item.projectName}</Text>
                  <Text className={`round-entry-chip round-entry-chip--${chip.kind} chip ${chipTone[chip.kind]}`}>
                    {chip.text}
                  </Text>
                </View>
                <View className="round-entry-meta muted">
                  {[groupLabels[item.group], item.field, item.district].filter(Boolean).join(' · ')}
                </View>
                {item.orgName ? <View className="round-entry-org muted">{item.orgName}</View> : null}
                {item.session ? (
                  <View className="round-entry-session muted">
                    路演：{item.session.place}
                    {item.session.startsAt
                      ? ` · 北京时间 ${formatShanghai(item.session.startsAt, 'M月D日 HH:mm')}`
                      : ''}
                  </View>
                ) : null}
              </View>
            );
          }}
        />
      )}
    </View>
  );
}

function EntryWindow(props: {
  items: readonly JudgeAssignmentView[];
  render: (item: JudgeAssignmentView) => JSX.Element;
}) {
  const { items, render } = props;
  const win = useListWindow(items.length, PAGE, ON_SCREEN);
  return (
    <View className="round-list">
      {items.length > PAGE ? (
        <View className="round-list-window muted">
          第 {win.start + 1}–{win.end} 个，共 {items.length} 个
        </View>
      ) : null}
      {win.hasBefore ? (
        <View className="round-back round-foot" onClick={win.back}>
          显示前面的项目
        </View>
      ) : null}
      {items.slice(win.start, win.end).map(render)}
      {win.hasAfter ? (
        <View className="round-more round-foot" onClick={win.more}>
          加载更多（还有 {items.length - win.end} 个）
        </View>
      ) : null}
    </View>
  );
}
