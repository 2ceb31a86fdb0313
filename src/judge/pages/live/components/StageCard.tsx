/**
 * 台上: who is on stage and what is happening (路演 / 答辩 / 评分 …), with the countdown while the timer runs,
 * how many judges have scored while scoring is open, and whether the phone is following the show live.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { showLabel, slotStateLabels } from '@core/live/types';
import type { JudgeLiveView, LiveScreenView } from '@core/live/views';
import type { FeedStatus } from '../../../../services/live-feed';
import { serverNow } from '../../../../services/server-clock';
import { stageLines, timerText } from '../../../lib/live-sheet';

const feedLabels: Record<FeedStatus, string> = {
  connecting: '连接中…',
  live: '实时同步',
  polling: '网络不稳定，每 3 秒刷新',
  offline: '网络已断开，恢复后自动同步',
};

/** Nobody on stage: before the first, between two contestants, or after the last. */
function idleLine(screen: LiveScreenView | null): string {
  if (screen?.phase === 'finished') return '本组比赛已结束，感谢您的评审';
  if (screen?.phase === 'running') return '等待下一位选手上台';
  return '比赛尚未开始，请稍候';
}

/** Re-renders every second while `ticking`. */
function useTick(ticking: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
}

export function StageCard({
  view,
  screen,
  status,
  compact = false,
}: {
  view: JudgeLiveView;
  screen: LiveScreenView | null;
  status: FeedStatus;
  /** The sheet below names the contestant: the state and the progress only. */
  compact?: boolean;
}) {
  const { current } = view;
  const onScreen = current && screen?.current?.entryId === current.entryId ? screen.current : null;
  const onStage = current?.state === 'pitch' || current?.state === 'qa';
  const timer = onStage ? (onScreen?.timer ?? null) : null;
  useTick(timer !== null && timer.runningSince !== null);
  const progress = current?.state === 'scoring' ? (screen?.progress ?? null) : null;
  const finished = screen?.phase === 'finished';

  return (
    <View className={`live-stage card live-stage--${current?.state ?? 'idle'}${compact ? ' live-stage--compact' : ''}`}>
      <View className="live-stage__top">
        <Text className="live-stage-show">
          {view.roundName} · {showLabel(view.group, view.session)}
        </Text>
        <Text className={`judge-live-feed judge-live-feed--${status}`}>{feedLabels[status]}</Text>
      </View>
      {current && compact ? (
        <View className="live-stage__row">
          <Text className={`live-stage-state judge-live-state judge-live-state--${current.state}`}>
            {slotStateLabels[current.state]}
          </Text>
          <Text className="live-stage-progress muted">
            {progress ? `评委已提交 ${progress.scored}/${progress.of}` : stageLines[current.state]}
          </Text>
        </View>
      ) : current ? (
        <View>
          <View className="live-stage__position">
            第 {current.position}
            {onScreen ? ` / ${onScreen.total}` : ''} 位
          </View>
          <View className="live-stage-project">{current.projectName}</View>
          {onScreen?.orgName ? <View className="live-stage-org muted">{onScreen.orgName}</View> : null}
          <View className="live-stage__row">
            <Text className={`live-stage-state judge-live-state judge-live-state--${current.state}`}>
              {slotStateLabels[current.state]}
            </Text>
            {timer ? (
              <Text className={`live-timer${timer.runningSince === null ? ' live-timer--paused' : ''}`}>
                {timerText(timer, serverNow())}
                {timer.runningSince === null ? ' 暂停' : ''}
              </Text>
            ) : current.state === 'scoring' ? null : (
              <Text className="live-stage-line muted">{stageLines[current.state]}</Text>
            )}
          </View>
          {progress ? (
            <View className="live-stage-progress muted">
              评委已提交 {progress.scored}/{progress.of}
            </View>
          ) : null}
        </View>
      ) : (
        <View>
          <View className="live-stage-idle">{idleLine(screen)}</View>
          {screen?.upNext && !finished ? (
            <View className="live-stage-next muted">
              下一位：第 {screen.upNext.position} 位 {screen.upNext.projectName}
            </View>
          ) : null}
        </View>
      )}
      {view.contestName && !compact ? <View className="live-stage-contest muted">{view.contestName}</View> : null}
    </View>
  );
}
