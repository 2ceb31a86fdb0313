/**
 * 现场评分 (`/judge/pages/live/index?liveId=<roundId>:<group>`): the live final on the judge's phone. The page
 * follows the show (services/live-feed.ts) and fetches `judge.live` again whenever the show moves; it shows who
 * is on stage and what is happening (路演 / 答辩 / 评分 …) and, when the host opens scoring, the sheet of that
 * contestant opens by itself with the round's rubric. Every change is kept on the phone; 提交评分 goes through
 * the outbox (`judge.live.score`, one requestId per content), so poor venue Wi-Fi delays a score but never loses
 * or doubles it (待同步 → 已提交). The judge may change the score while scoring is open; when the host closes it
 * the sheet locks (评分已结束), and a score refused then shows the server's message. A judge who recuses the
 * contestant sees 您需回避该选手. Without liveId: the judge's shows, one to tap (the only one opens at once).
 */
import '../../lib/actions';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { showLabel, slotStateLabels } from '@core/live/types';
import type { JudgeLiveView } from '@core/live/views';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useServerNow } from '../../../hooks/useServerNow';
import { liveScoreKey, liveScorePrefix } from '../../lib/live-sheet';
import { useOutboxItems } from '../../lib/useOutbox';
import { LiveOutbox } from './components/LiveOutbox';
import { LiveSheet } from './components/LiveSheet';
import { StageCard } from './components/StageCard';
import { Recused, Waiting } from './components/Waiting';
import { useLiveShow } from './useLiveShow';
import '../../styles/judge.scss';
import './index.scss';

export default function JudgeLivePage() {
  const { liveId = '' } = usePageParams();
  const access = useAreaAccess('judge');
  const openid = access.me?.user?.openid ?? '';
  const [chosen, setChosen] = useState<string | null>(null);
  const shows = useCloudQuery('judge.live', {}, { enabled: access.allowed && liveId === '', key: openid });
  const list = shows.data?.shows ?? [];
  const only = liveId === '' && list.length === 1 ? (list[0]?.liveId ?? null) : null;
  const target = liveId || chosen || only;

  if (target && openid) return <LiveShowPage key={`${openid}|${target}`} liveId={target} openid={openid} />;
  return (
    <PageShell
      title="现场评分"
      {...shellFor(access, liveId === '' ? shows : null)}
      empty={list.length === 0}
      emptyText="暂无您参与的决赛现场评分"
    >
      <View className="section-title">选择场次</View>
      {list.map((show) => (
        <View
          key={show.liveId}
          className="live-show-link card"
          data-live-id={show.liveId}
          hoverClass="live-show-link--active"
          onClick={() => setChosen(show.liveId)}
        >
          <View className="live-show-link__main">
            <View className="live-show-link-name card__title">
              {show.roundName} · {showLabel(show.group, show.session)}
            </View>
            <View className="muted">{show.contestName}</View>
            <View className="live-show-link-current muted">{currentLine(show)}</View>
          </View>
          <Text className="judge-link__arrow">›</Text>
        </View>
      ))}
    </PageShell>
  );
}

function currentLine(show: JudgeLiveView): string {
  if (show.sheet?.open) return `正在评分：第 ${show.sheet.position} 位 ${show.sheet.projectName}`;
  if (show.current)
    return `当前：第 ${show.current.position} 位 ${show.current.projectName}（${slotStateLabels[show.current.state]}）`;
  return '尚未开始';
}

function LiveShowPage({ liveId, openid }: { liveId: string; openid: string }) {
  const access = useAreaAccess('judge');
  const { query, view, screen, status } = useLiveShow(liveId, openid, access.allowed);
  useServerNow(query.data?.now, false);
  const answered = query.data !== undefined;
  return (
    <PageShell
      title="现场评分"
      {...shellFor(access, query)}
      empty={answered && view === null}
      emptyText="未找到该场次，或您不是本组决赛评委"
    >
      {view ? (
        <LiveBody view={view} screen={screen} status={status} openid={openid} stale={query.error?.message ?? null} />
      ) : null}
    </PageShell>
  );
}

function LiveBody({
  view,
  screen,
  status,
  openid,
  stale,
}: {
  view: JudgeLiveView;
  screen: ReturnType<typeof useLiveShow>['screen'];
  status: ReturnType<typeof useLiveShow>['status'];
  openid: string;
  stale: string | null;
}) {
  const { sheet, current } = view;
  const sheetKey = sheet ? liveScoreKey(openid, view.liveId, sheet.entryId) : null;
  const inOutbox = useOutboxItems().some((i) => i.key === sheetKey);
  // Sheets seen open here stay on screen, locked, after the host closes scoring (until the next one opens).
  const [seenOpen] = useState(() => new Set<string>());
  if (sheet?.open) seenOpen.add(sheet.entryId);
  const sameAsCurrent = sheet !== null && current?.entryId === sheet.entryId;
  const over = sameAsCurrent && (current.state === 'revealed' || current.state === 'done');
  const showSheet =
    sheet !== null && (sheet.open || sheet.myScore !== null || inOutbox || seenOpen.has(sheet.entryId) || over);
  const recusedHere = view.recused && (sheet === null || sameAsCurrent);
  const finished = screen?.phase === 'finished';

  return (
    <View className="live-page">
      {stale ? <View className="live-stale judge-banner">{stale}（显示的是最近一次的状态）</View> : null}
      <StageCard view={view} screen={screen} status={status} compact={showSheet && sameAsCurrent && !recusedHere} />
      <LiveOutbox prefix={liveScorePrefix(openid, view.liveId)} except={showSheet ? sheetKey : null} />
      {recusedHere ? (
        <Recused projectName={current?.projectName ?? null} />
      ) : showSheet && sheet ? (
        <LiveSheet key={`${view.liveId}|${sheet.entryId}`} view={view} sheet={sheet} openid={openid} />
      ) : (
        <Waiting view={view} finished={finished} />
      )}
    </View>
  );
}
