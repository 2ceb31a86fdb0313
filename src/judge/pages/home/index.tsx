/**
 * 评审工作台 (judge area home): per contest the judge is bound to, a card per round from judge.assignment.list
 * with its window (评分中 / 未开始 / 已截止, times in Beijing time) and progress 已评 3/12; a tap opens
 * the round. Scores still waiting in the outbox (offline) are counted at the top, then, during the live final
 * (judge.live has shows), a 现场评分 card opening the live page. Links to 我的资料与
 * 回避单位 and 绑定新的邀请码. A failed load keeps the page up with its own 重试 line (the contests come from
 * the judge's grants, so there is something to show): only the gate and the first load go through PageShell.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { JudgeRoundAssignments } from '@core/judging/views';
import { showLabel, slotStateLabels } from '@core/live/types';
import type { JudgeLiveView } from '@core/live/views';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageShowAgain } from '../../../hooks/usePageLifecycle';
import { useServerNow } from '../../../hooks/useServerNow';
import { useSubscribePrompt } from '../../../hooks/useSubscribePrompt';
import { flushOutbox } from '../../../services/outbox';
import { Progress } from '../../components/Progress';
import { windowOf, windowText } from '../../lib/round-window';
import { judgeRoutes } from '../../lib/routes';
import { useOutboxItems } from '../../lib/useOutbox';
import '../../styles/judge.scss';
import './index.scss';

interface ContestGroup {
  contestId: string | null;
  contestName: string;
  rounds: JudgeRoundAssignments[];
}

export default function JudgeHomePage() {
  const { me, allowed, shell } = useAreaAccess('judge');
  const openid = me?.user?.openid;
  // Counts only (已评 3/12): the task lists are the round page's.
  const assignments = useCloudQuery('judge.assignment.list', { items: false }, { enabled: allowed, key: openid });
  // The live final's shows this judge is on the panel of: a 现场评分 card when there are any (quietly none
  // when the call fails; the assignments are what this page is about).
  const live = useCloudQuery('judge.live', {}, { enabled: allowed, key: openid });
  usePageShowAgain(() => {
    if (!allowed) return;
    assignments.reload();
    live.reload();
  });
  const now = useServerNow(assignments.data?.now, true, 30_000);
  const prompt = useSubscribePrompt({ enabled: allowed });
  // Opening a round is a tap where a judge wants to hear about it: ask for 评审任务提醒 there, then go.
  const openRound = (roundId: string) => {
    void prompt.ask(['judgeTask']).then(() => Taro.navigateTo({ url: judgeRoutes.round(roundId) }));
  };

  const grants = (me?.roles ?? []).filter((grant) => grant.role === 'judge');
  const rounds = assignments.data?.rounds ?? [];
  const groups: ContestGroup[] = grants
    .filter((grant) => grant.contestId !== null)
    .map((grant) => ({ contestId: grant.contestId, contestName: grant.contestName ?? '', rounds: [] }));
  for (const round of rounds) {
    let group = groups.find((g) => g.contestId === round.round.contestId);
    if (!group) {
      group = { contestId: round.round.contestId, contestName: round.round.contestName, rounds: [] };
      groups.push(group);
    }
    group.rounds.push(round);
  }
  // A judge of every contest with nothing assigned yet still gets a card saying so.
  if (groups.length === 0 && grants.length > 0) groups.push({ contestId: null, contestName: '全部赛事', rounds: [] });

  const first = assignments.data === undefined;
  return (
    <PageShell
      title="评审工作台"
      {...shell}
      loading={shell.loading || (allowed && first && assignments.error === null)}
      empty={groups.length === 0}
      emptyText="暂未分配评审赛事"
    >
      {openid ? <OutboxLine openid={openid} /> : null}
      {live.data && live.data.shows.length > 0 ? <LiveCard shows={live.data.shows} /> : null}
      {assignments.error ? (
        <View className="judge-home-error judge-banner">
          <Text>{first ? assignments.error.message : `${assignments.error.message}（显示的是上次加载的内容）`}</Text>
          <Text className="judge-home-retry judge-banner__link" onClick={assignments.reload}>
            重试
          </Text>
        </View>
      ) : null}
      <View className="section-title">我参与评审的赛事</View>
      {groups.map((group) => (
        <View key={group.contestId ?? '*'} className="judge-contest card">
          <Text className="judge-contest-name card__title">{group.contestName}</Text>
          {group.rounds.length === 0 ? (
            <View className="judge-contest-empty muted">
              {first ? '正在加载评审任务…' : '暂无评审任务，组委会分配项目后会显示在这里。'}
            </View>
          ) : null}
          {group.rounds.map(({ round, done, total }) => {
            const window = windowOf(round, now);
            return (
              <View
                key={round.id}
                className="judge-round"
                data-round-id={round.id}
                hoverClass="judge-round--active"
                onClick={() => openRound(round.id)}
              >
                <View className="judge-round__head">
                  <Text className="judge-round-name">{round.name}</Text>
                  <Text className="judge-round__arrow">›</Text>
                </View>
                <View
                  className={`judge-round-window judge-round-window--${window} window-label window-label--${window}`}
                >
                  {windowText(round, window)}
                </View>
                <Progress className="judge-round-progress" done={done} total={total} />
              </View>
            );
          })}
        </View>
      ))}

      <View className="section-title">我的资料</View>
      <View
        className="judge-profile-link judge-link card"
        hoverClass="judge-link--active"
        onClick={() => void Taro.navigateTo({ url: judgeRoutes.profile })}
      >
        <Text>我的资料与回避单位</Text>
        <Text className="judge-link__arrow">›</Text>
      </View>
      <View
        className="judge-bind-link judge-link card"
        hoverClass="judge-link--active"
        onClick={() => void Taro.navigateTo({ url: judgeRoutes.bind })}
      >
        <Text>绑定新的邀请码</Text>
        <Text className="judge-link__arrow">›</Text>
      </View>
    </PageShell>
  );
}

/** 现场评分: the live final's shows, each opening the live page (where the sheet opens when scoring starts). */
function LiveCard({ shows }: { shows: JudgeLiveView[] }) {
  return (
    <View className="judge-live card">
      <View className="judge-live__head">
        <Text className="judge-live-title card__title">现场评分</Text>
        <Text className="judge-live__badge">决赛</Text>
      </View>
      {shows.map((show) => (
        <View
          key={show.liveId}
          className="judge-live-link"
          data-live-id={show.liveId}
          hoverClass="judge-round--active"
          onClick={() => void Taro.navigateTo({ url: judgeRoutes.live(show.liveId) })}
        >
          <View className="judge-live-link__main">
            <Text className="judge-live-name">
              {show.contestName} · {show.roundName} · {showLabel(show.group, show.session)}
            </Text>
            <View className={`judge-live-now${show.sheet?.open ? ' judge-live-now--open' : ''}`}>{liveLine(show)}</View>
          </View>
          <Text className="judge-round__arrow">›</Text>
        </View>
      ))}
    </View>
  );
}

function liveLine(show: JudgeLiveView): string {
  if (show.sheet?.open) return `正在评分：第 ${show.sheet.position} 位 ${show.sheet.projectName}，点此评分`;
  if (show.current)
    return `第 ${show.current.position} 位 ${show.current.projectName} · ${slotStateLabels[show.current.state]}`;
  return '尚未开始，开始后点此进入';
}

/** This judge's scores still in the outbox: waiting for the network, or refused. */
function OutboxLine({ openid }: { openid: string }) {
  const items = useOutboxItems().filter((i) => i.key.startsWith(`judge.score:${openid}:`));
  const [syncing, setSyncing] = useState(false);
  const waiting = items.filter((i) => i.failed === null).length;
  const failed = items.length - waiting;
  if (items.length === 0) return null;
  const sync = () => {
    if (syncing) return;
    setSyncing(true);
    void flushOutbox().finally(() => setSyncing(false));
  };
  return (
    <View>
      {waiting > 0 ? (
        <View className="judge-outbox note">
          <Text>{waiting} 条评分待同步，网络恢复后将自动提交</Text>
          <Button className="judge-outbox-sync" size="mini" disabled={syncing || undefined} onClick={sync}>
            {syncing ? '正在同步…' : '立即同步'}
          </Button>
        </View>
      ) : null}
      {failed > 0 ? (
        <View className="judge-outbox-failed judge-banner">{failed} 条评分提交失败，请打开对应项目查看原因</View>
      ) : null}
    </View>
  );
}
