/**
 * 当场亮分: the big screen of the live final (`?liveId=<roundId>:<group>`), for a 1920×1080 projector in a browser
 * (H5) or PC / tablet WeChat. Public: no sign-in. It follows the released projection (`followLive`: push where
 * there is one, polling every 3 s otherwise) and shows only what `LiveScreenView` carries: the contestant on
 * stage and the countdown, the scoring progress, the reveal, the leaderboard when the host shows it, who is up
 * next. A dropped connection never blanks the screen: it keeps the last projection and says so, small, in a
 * corner. Sizes are in vmin (untouched by Taro's px conversion), so the hall reads the same at any resolution.
 */
import { showLabel } from '@core/live/types';
import '../../lib/actions';
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LiveScreenView } from '@core/live/views';
import { PageShell } from '../../../components/PageShell';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useServerNow } from '../../../hooks/useServerNow';
import { followLive, type FeedStatus } from '../../../services/live-feed';
import { sceneOf } from '../../lib/screen-text';
import { Board } from './components/Board';
import { Contestant } from './components/Contestant';
import { Countdown } from './components/Countdown';
import { RevealPanel } from './components/RevealPanel';
import { ScoringProgress } from './components/ScoringProgress';
import './index.scss';

/** The newer of two projections (by version; the feed's on a tie, it came later). */
function newer(a: LiveScreenView | null, b: LiveScreenView | null): LiveScreenView | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.version >= a.version ? b : a;
}

/** Pushes and polls; the latest projection and how it arrives. */
function useLiveScreen(liveId: string): { screen: LiveScreenView | null; status: FeedStatus } {
  const [screen, setScreen] = useState<LiveScreenView | null>(null);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  useEffect(() => {
    if (liveId === '') return;
    return followLive(liveId, (next) => setScreen((prev) => newer(prev, next)), setStatus);
  }, [liveId]);
  return { screen, status };
}

/** H5: double-click (or F) toggles the browser's full screen; the hint shows until it is on. */
function useFullscreen(): boolean | null {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    const root = document.documentElement;
    if (typeof root.requestFullscreen !== 'function') return;
    const sync = () => setOn(document.fullscreenElement != null);
    const toggle = () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      else void root.requestFullscreen().catch(() => undefined);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'f' || e.key === 'F') toggle();
    };
    sync();
    document.addEventListener('fullscreenchange', sync);
    document.addEventListener('dblclick', toggle);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', sync);
      document.removeEventListener('dblclick', toggle);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  return on;
}

/** A tablet on the projector stays awake (WeChat only; a browser has its own power settings). */
function useKeepScreenOn(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const api = Taro as unknown as { setKeepScreenOn?: (o: { keepScreenOn: boolean }) => Promise<unknown> };
    const set = (keepScreenOn: boolean) => {
      try {
        void api.setKeepScreenOn?.({ keepScreenOn })?.catch?.(() => undefined);
      } catch {
        // Not every client has it; the screen just follows the device's own setting.
      }
    };
    set(true);
    return () => set(false);
  }, []);
}

export default function LiveScreenPage() {
  const { liveId = '' } = usePageParams();
  // One read for the first frame and a definite answer (a wrong liveId is an error, not an endless wait).
  const first = useCloudQuery('live.screen', { liveId }, { enabled: liveId !== '' });
  // Anchors the server clock once per answer (the feed re-anchors it with every frame after).
  useServerNow(first.data?.now, false);
  const feed = useLiveScreen(liveId);
  const screen = newer(first.data?.screen ?? null, feed.screen);
  const fullscreen = useFullscreen();
  useKeepScreenOn();

  return (
    <View className="live-screen">
      <PageShell
        loading={liveId !== '' && screen === null && first.error === null}
        error={screen === null ? first.error : null}
        onRetry={first.reload}
        empty={liveId === ''}
        emptyText="缺少决赛场次（liveId）参数"
      >
        {screen ? <ScreenBody screen={screen} status={feed.status} fullscreen={fullscreen} /> : null}
      </PageShell>
    </View>
  );
}

const screenFeedLabels: Record<Exclude<FeedStatus, 'live'>, string> = {
  connecting: '正在连接…',
  polling: '网络不稳，每 3 秒刷新',
  offline: '网络已断开，恢复后自动连接',
};

function ScreenBody({
  screen,
  status,
  fullscreen,
}: {
  screen: LiveScreenView;
  status: FeedStatus;
  fullscreen: boolean | null;
}) {
  const scene = sceneOf(screen);
  const group = showLabel(screen.group, screen.session);
  return (
    <View className={`screen screen--${scene}`} data-version={screen.version}>
      <View className="screen-header">
        <View className="screen-header__brand">
          <Text className="screen-brand">创客中国</Text>
          <Text className="screen-contest">{screen.contestName}</Text>
        </View>
        <View className="screen-header__round">
          <Text className="screen-round">{screen.roundName}</Text>
          {/* Some round names already say the group (决赛 · 企业组): the pill only when they do not. */}
          {screen.roundName.includes(group) ? null : <Text className="screen-group">{group}</Text>}
        </View>
      </View>

      <View className="screen-main">
        <Scene screen={screen} scene={scene} />
      </View>

      <View className="screen-footer">
        <View className="screen-footer__next">
          {screen.upNext ? (
            <Text className="screen-next">
              <Text className="screen-next__label">下一位</Text>第 {screen.upNext.position} 位 ·{' '}
              {screen.upNext.projectName}
            </Text>
          ) : null}
        </View>
        <View className="screen-footer__side">
          {screen.frozen ? <Text className="screen-frozen">成绩已公证确认</Text> : null}
          {status !== 'live' ? (
            <Text className={`screen-connection screen-connection--${status}`}>{screenFeedLabels[status]}</Text>
          ) : null}
          {fullscreen === false ? <Text className="screen-fullscreen-hint">双击全屏</Text> : null}
        </View>
      </View>
    </View>
  );
}

function Scene({ screen, scene }: { screen: LiveScreenView; scene: ReturnType<typeof sceneOf> }) {
  const current = screen.current;
  switch (scene) {
    case 'board':
      return <Board rows={screen.board ?? []} finished={screen.phase === 'finished'} />;
    case 'stage':
    case 'held':
    case 'scoring':
      if (current === null) return null;
      return (
        <View className="screen-stage">
          <View className="screen-stage__who">
            <Contestant current={current} />
          </View>
          <View className="screen-stage__side">
            {scene === 'stage' ? <Countdown timer={current.timer} /> : null}
            {scene === 'scoring' ? <ScoringProgress progress={screen.progress} /> : null}
            {scene === 'held' ? (
              <View className="screen-held">
                <Text className="screen-held__text">答辩结束</Text>
                <Text className="screen-held__note">下一位选手答辩后统一评分</Text>
              </View>
            ) : null}
          </View>
        </View>
      );
    case 'reveal':
      if (current === null || screen.reveal === null) return null;
      return (
        <View className="screen-reveal-scene">
          <Contestant current={current} compact />
          <RevealPanel key={`${screen.reveal.entryId}:${screen.reveal.revision}`} reveal={screen.reveal} />
        </View>
      );
    case 'setup':
      return (
        <Notice
          title="决赛即将开始"
          line={screen.upNext ? `第 ${screen.upNext.position} 位 · ${screen.upNext.projectName} 请准备` : null}
        />
      );
    case 'finished':
      return <Notice title="本组比赛结束" line={screen.frozen ? '成绩已经公证员确认' : '感谢各位选手与评委'} />;
    case 'between':
      return (
        <Notice
          title={screen.upNext ? `请第 ${screen.upNext.position} 位选手准备` : '请稍候'}
          line={screen.upNext ? screen.upNext.projectName : null}
        />
      );
  }
}

function Notice({ title, line }: { title: string; line: string | null }) {
  return (
    <View className="screen-notice">
      <Text className="screen-notice__title">{title}</Text>
      {line ? <Text className="screen-notice__line">{line}</Text> : null}
    </View>
  );
}
