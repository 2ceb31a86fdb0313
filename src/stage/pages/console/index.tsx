/**
 * 现场决赛 (organizers), `?liveId=` or `?roundId=&group=[&session=s2]` (before the show exists): the run of show
 * and the host console of one group of a live 决赛 round, or of one 场次 of it (its name and finalists set first).
 *
 * - 设置, while no contestant has taken the stage: the panel from the contest's judges (评委 1…n in the order
 *   chosen), the timer plan, 首位选手延后评分, how the reveal names the judges (`admin.live.upsert`, which makes
 *   the show on its first save); then 抽签 with an optional seed (`admin.live.draw`) or 手动排序 with a reason.
 * - 控制台: the contestants in order with their state, a card for each one between 路演 and 完成 with the buttons
 *   its state allows (`admin.live.control`), the big clock in server time, who has scored and who is missing, the
 *   reveal; 公布排行榜, the log's head and checkpoints, the exports, 打开大屏. All controls off once frozen.
 *
 * The page follows the show's released projection (`followLive`) and reads the console again whenever its
 * version moves past the one shown, so a second console, the judges' scores and the notary show up by themselves.
 */
import '../../lib/actions';
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { LiveConsoleView } from '@core/live/views';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageShowAgain } from '../../../hooks/usePageLifecycle';
import { usePageParams } from '../../../hooks/usePageParams';
import { useServerNow } from '../../../hooks/useServerNow';
import { followLive, type FeedStatus } from '../../../services/live-feed';
// The shared components' styles first, in the one order of the admin pages.
import '../../../admin/components/CheckRow';
import '../../../admin/components/FormRow';
import { AdminEvent, emitAdminEvent } from '../../../admin/lib/events';
import { go, judgingUrls, stageOfRoundId } from '../../../admin/lib/judging';
import { useWideScreen } from '../../../admin/lib/useWideScreen';
import { ConsolePanel } from './components/ConsolePanel';
import { LiveHead } from './components/LiveHead';
import { contestOfRound, hasStarted, liveTarget } from './components/live-rules';
import { OrderPanel } from './components/OrderPanel';
import { SetupPanel } from './components/SetupPanel';
import { useLiveControl } from './components/useLiveControl';
import '../../../admin/styles/admin.scss';
import './index.scss';

type Mode = 'setup' | 'console';

/** The later of two answers about the same show: the higher version; on a tie the read (it came after). */
function newest(answered: LiveConsoleView | null, read: LiveConsoleView | undefined): LiveConsoleView | null {
  if (!read) return answered;
  if (!answered || answered.liveId !== read.liveId) return read;
  return answered.version > read.version ? answered : read;
}

function runningTimer(view: LiveConsoleView | null): boolean {
  return view?.slots.some((s) => (s.state === 'pitch' || s.state === 'qa') && s.timer?.runningSince != null) ?? false;
}

export default function AdminLivePage() {
  const access = useAreaAccess('admin');
  const params = usePageParams();
  const [target] = useState(() => liveTarget(params));
  const wide = useWideScreen();
  const ready = access.allowed && target !== null;
  const liveId = target?.liveId ?? '';

  const got = useCloudQuery('admin.live.get', { liveId }, { enabled: ready });
  // What a write answered stands for the show until a read with a later version arrives.
  const [answered, setAnswered] = useState<LiveConsoleView | null>(null);
  const view = newest(answered, got.data?.console);
  const missing = view === null && got.error?.code === 'NOT_FOUND' && target?.roundId != null;
  const roundId = view?.roundId ?? target?.roundId ?? '';
  const group = view?.group ?? target?.group ?? 'enterprise';
  // A show not made yet: the round (its names, that it is live) and the judges to choose from.
  const round = useCloudQuery('admin.round.get', { roundId }, { enabled: ready && missing });
  const judges = useCloudQuery(
    'admin.judge.list',
    { contestId: contestOfRound(roundId) },
    { enabled: ready && missing },
  );

  const accept = (next: LiveConsoleView) => {
    setAnswered(next);
    emitAdminEvent(AdminEvent.roundsChanged);
  };
  const control = useLiveControl(liveId, Boolean(view?.frozen), accept, got.reload);

  // Follow the released projection; read the console again when its version moves.
  const [feed, setFeed] = useState<FeedStatus | null>(null);
  const shownVersion = useRef(-1);
  shownVersion.current = view?.version ?? -1;
  const exists = view !== null;
  const reload = got.reload;
  useEffect(() => {
    if (!exists || liveId === '') return;
    return followLive(
      liveId,
      (screen) => {
        if (screen.version !== shownVersion.current) reload();
      },
      setFeed,
    );
  }, [exists, liveId, reload]);
  usePageShowAgain(reload);

  const now = useServerNow(view?.now, runningTimer(view)) ?? Date.now();

  const started = view ? hasStarted(view) : false;
  const locked = started || Boolean(view?.frozen);
  // Opened on 控制台 once the order is set, on 设置 before; after that the organizer's choice holds (a draw
  // made here stays on 设置, showing the order drawn).
  const [tab, setTab] = useState<Mode | null>(null);
  if (view && tab === null) setTab(view.order ? 'console' : 'setup');
  const mode: Mode = locked ? 'console' : (tab ?? 'setup');

  const contestName = view?.contestName ?? round.data?.round.contestName ?? '';
  const roundName = view?.roundName ?? round.data?.round.name ?? '决赛';
  const notLive = missing && round.data !== undefined && round.data.round.mode !== 'live';
  const candidates = view?.candidates ?? judges.data?.judges ?? [];

  const shell = shellFor(access, view ? null : missing ? round : got, missing ? judges : null);
  return (
    <View className="admin-wide live-page">
      <PageShell
        title="现场决赛"
        {...shell}
        empty={access.allowed && target === null}
        emptyText="缺少决赛场次，请从决赛轮次的评审看板打开此页"
      >
        {target && (view || (missing && round.data && judges.data)) ? (
          <>
            <LiveHead
              liveId={liveId}
              contestName={contestName}
              roundName={roundName}
              group={group}
              roundId={roundId}
              view={view}
              feed={view ? feed : null}
            />
            {view && got.error && !got.loading ? (
              <View className="live-refresh-error admin-error">
                刷新失败：{got.error.message}
                <Text className="admin-link" onClick={reload}>
                  {' '}
                  重试
                </Text>
              </View>
            ) : null}
            {notLive ? (
              <View className="live-not-live admin-note">
                该轮次的评审方式不是“现场评分（决赛）”，请先在评审设置中修改。
                <Text
                  className="admin-link"
                  onClick={() => go(judgingUrls.roundEdit(contestOfRound(roundId), stageOfRoundId(roundId) ?? 'final'))}
                >
                  {' '}
                  去评审设置
                </Text>
              </View>
            ) : null}
            {view && !locked ? (
              <View className="live-tabs">
                {(['setup', 'console'] as const).map((m) => (
                  <Text
                    key={m}
                    className={`live-tab live-tab-${m}${mode === m ? ' live-tab--active' : ''}`}
                    aria-pressed={mode === m ? 'true' : 'false'}
                    onClick={() => setTab(m)}
                  >
                    {m === 'setup' ? '设置' : '控制台'}
                  </Text>
                ))}
              </View>
            ) : null}
            {mode === 'setup' && !notLive ? (
              <View className={`live-setup-columns${wide ? ' live-setup-columns--wide' : ''}`}>
                <SetupPanel
                  roundId={roundId}
                  group={group}
                  liveId={liveId}
                  session={view?.session?.key ?? target.session}
                  view={view}
                  candidates={candidates}
                  locked={locked}
                  onSaved={(next) => {
                    accept(next);
                    if (!view) got.reload();
                  }}
                />
                {view ? <OrderPanel view={view} locked={locked} onChanged={accept} /> : null}
              </View>
            ) : null}
            {mode === 'console' && view ? <ConsolePanel view={view} now={now} control={control} wide={wide} /> : null}
          </>
        ) : null}
      </PageShell>
    </View>
  );
}
