/**
 * 评审看板 (organizers), `?roundId=`: the round's summary; 分配评委 and what it did, with 后台分配中 done/total while a
 * large run continues in the background (admin.round.get is polled every few seconds until it is done); progress
 * per judge, entries complete and how many have 0, 1, 2 … scores, 评分不足的项目, 回避记录 and 评分差异提醒;
 * 提醒未完成的评委; for 分组评审 the sessions with their place and time editable; for 现场评分 (决赛) a link per group to
 * its 现场决赛 page. Each card is in ./components.
 */
import '../../lib/actions';
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RoundView } from '@core/judging/views';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { usePageVisible } from '../../../hooks/usePageLifecycle';
import { AdminEvent, emitAdminEvent, useAdminEvent } from '../../lib/events';
import { AssignCard } from './components/AssignCard';
import { EntriesCard } from './components/EntriesCard';
import { FlagsCard } from './components/FlagsCard';
import { JudgesCard } from './components/JudgesCard';
import { LiveCard } from './components/LiveCard';
import { RecusalsCard } from './components/RecusalsCard';
import { SessionsCard } from './components/SessionsCard';
import { Summary } from './components/Summary';
import '../../styles/admin.scss';
import './index.scss';

/** How often a background assignment is looked at. */
const ASSIGN_POLL_MS = 3000;

export default function AdminRoundPage() {
  const access = useAreaAccess('admin');
  const { roundId = '' } = usePageParams();
  const ready = access.allowed && roundId !== '';
  const got = useCloudQuery('admin.round.get', { roundId }, { enabled: ready });
  const progress = useCloudQuery('admin.round.progress', { roundId }, { enabled: ready });
  useAdminEvent(AdminEvent.roundsChanged, () => {
    got.reload();
    progress.reload();
  });
  // The assign answer stands for the round until the next get answers (it is asked for at once).
  const [assigned, setAssigned] = useState<{ round: RoundView; before: unknown } | null>(null);
  const round = assigned && assigned.before === got.data ? assigned.round : got.data?.round;
  const sessions = got.data?.sessions ?? [];

  // A background run: look again every few seconds; when it is done, the progress is read again.
  const running = round?.assignProgress?.state === 'running';
  const wasRunning = useRef(false);
  // Not while the page is hidden; shown again, it looks every few seconds again.
  const visible = usePageVisible();
  useEffect(() => {
    if (!running) {
      if (wasRunning.current) progress.reload();
      wasRunning.current = false;
      return;
    }
    wasRunning.current = true;
    if (!visible) return;
    const timer = setInterval(got.reload, ASSIGN_POLL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload functions are stable.
  }, [running, visible]);

  const shell = shellFor(access, got);
  // The progress is asked for with the round and has no frame of its own: 重试 asks for it again too.
  const retry = () => {
    shell.onRetry?.();
    progress.reload();
  };
  return (
    <View className="admin-wide">
      <PageShell
        title="评审看板"
        {...shell}
        onRetry={retry}
        empty={access.allowed && roundId === ''}
        emptyText="缺少评审轮次，请从「评审轮次」打开此页"
      >
        {round ? (
          <>
            <Summary round={round} />
            {round.mode === 'live' ? <LiveCard roundId={round.id} /> : null}
            <AssignCard
              round={round}
              onAssigned={(result) => {
                setAssigned({ round: result.round, before: got.data });
                got.reload();
                progress.reload();
                emitAdminEvent(AdminEvent.roundsChanged);
              }}
            />
            {progress.error ? (
              <View className="round-progress-error admin-error">
                进度加载失败：{progress.error.message}
                <Text className="round-progress-retry admin-link" onClick={progress.reload}>
                  {' '}
                  重试
                </Text>
              </View>
            ) : null}
            {progress.data === undefined && progress.loading ? <View className="muted">正在统计进度…</View> : null}
            {progress.data ? (
              <View className={progress.loading ? 'round-board round-board--refreshing' : 'round-board'}>
                <JudgesCard progress={progress.data} roundId={round.id} />
                <EntriesCard progress={progress.data} round={round} />
                <RecusalsCard progress={progress.data} />
                <FlagsCard progress={progress.data} round={round} />
              </View>
            ) : null}
            {round.mode === 'panels' || sessions.length > 0 ? (
              <SessionsCard
                roundId={round.id}
                sessions={sessions}
                judges={progress.data?.judges ?? []}
                onSaved={got.reload}
              />
            ) : null}
          </>
        ) : null}
      </PageShell>
    </View>
  );
}
