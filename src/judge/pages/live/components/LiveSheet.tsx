/**
 * The live sheet of one contestant: the round's rubric, filled while the host has scoring open and locked
 * (评分已结束) once it is closed. Every change is kept on the phone (draft scope `live:<liveId>`); 提交评分
 * puts `judge.live.score` into the outbox, so a judge on poor venue Wi-Fi still gets the score in, once. While
 * scoring is open the judge may change the score and submit again. A refusal (e.g. 该选手的评分已结束 when the
 * host closed scoring before the score got through) shows with the server's message and is not sent again.
 */
import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { JudgeLiveView } from '@core/live/views';
import { enqueueWrite } from '../../../../services/outbox';
import { ScoreFooter } from '../../../components/ScoreFooter';
import { ScoreSheet } from '../../../components/ScoreSheet';
import { SyncState } from '../../../components/SyncState';
import { liveDraftScope, liveScoreKey } from '../../../lib/live-sheet';
import { runningTotal, sheetFromScore } from '../../../lib/score-sheet';
import { useSheetState, type SheetState } from '../../../lib/useSheetState';

type Sheet = NonNullable<JudgeLiveView['sheet']>;

/** Where the score stands, in one line beside the button (the full SyncState is under the sheet). */
function FooterState({ state, editable }: { state: SheetState; editable: boolean }) {
  const { queued, confirmed } = state;
  let kind: string;
  let text: string;
  if (queued?.failed) [kind, text] = ['failed', `提交失败：${queued.failed.message}`];
  else if (queued && state.sending) [kind, text] = ['sending', '正在提交…'];
  else if (queued) [kind, text] = ['pending', '待同步：网络恢复后自动提交'];
  else if (confirmed && state.dirty && editable) [kind, text] = ['dirty', `已提交 ${confirmed.total} 分，有修改未提交`];
  else if (confirmed) [kind, text] = ['submitted', `已提交 ${confirmed.total} 分`];
  else [kind, text] = ['draft', editable ? '未提交（已自动保存在本机）' : '未提交'];
  return <Text className={`live-footer-state live-footer-state--${kind}`}>{text}</Text>;
}

export function LiveSheet({ view, sheet, openid }: { view: JudgeLiveView; sheet: Sheet; openid: string }) {
  const { liveId, rubric } = view;
  const { entryId } = sheet;
  const editable = sheet.open;
  const key = liveScoreKey(openid, liveId, entryId);
  const state = useSheetState({
    rubric,
    openid,
    scope: liveDraftScope(liveId),
    entryId,
    key,
    myScore: sheet.myScore,
    editable,
    enqueue: (points, comment) => enqueueWrite(key, 'judge.live.score', { liveId, entryId, points, comment }),
  });
  const { confirmed } = state;
  // Once locked, what counts is what the server holds: local changes that were refused are not shown as if they
  // counted (one still on its way may yet get in: shown until the server answers).
  const pending = state.queued !== undefined && state.queued.failed === null;
  const shown = !editable && confirmed && !pending ? sheetFromScore(rubric, confirmed) : state.values;
  const total = runningTotal(rubric, shown);

  // Scoring opened while the page was up: a buzz, so a judge watching the stage notices.
  const wasOpen = useRef(editable);
  useEffect(() => {
    if (editable && !wasOpen.current) {
      try {
        void Promise.resolve(Taro.vibrateShort({ type: 'medium' })).catch(() => undefined);
      } catch {
        // No vibration here (H5, an old base library).
      }
    }
    wasOpen.current = editable;
  }, [editable]);

  return (
    <View className={`live-sheet-area live-sheet-area--${editable ? 'open' : 'closed'}`} data-entry-id={entryId}>
      <View className="live-sheet-head card">
        <View className="live-sheet-head__row">
          <View className="live-sheet-position">第 {sheet.position} 位</View>
          <View className={`live-sheet-status ${editable ? 'live-sheet-status--open' : 'live-sheet-status--closed'}`}>
            {editable ? '评分进行中' : '评分已结束'}
          </View>
        </View>
        <View className="live-sheet-project">{sheet.projectName}</View>
        {sheet.orgName ? <View className="live-sheet-org muted">{sheet.orgName}</View> : null}
      </View>

      <ScoreSheet
        className="live-sheet"
        rubric={rubric}
        values={shown}
        errors={state.errors}
        editable={editable}
        onPoint={state.setPoint}
        onComment={state.setComment}
        notes={
          <>
            {!editable ? <View className="live-sheet-locked note">评分已结束，评分表只读</View> : null}
            {state.restored && editable ? (
              <View className="score-restored note">已恢复本机上次未提交的评分</View>
            ) : null}
            {editable && confirmed ? (
              <View className="live-sheet-again muted">已提交；评分结束前可修改后点“更新评分”再次提交</View>
            ) : null}
          </>
        }
      />

      <SyncState
        recused={false}
        queued={state.queued}
        sending={state.sending}
        confirmed={confirmed}
        dirty={state.dirty}
        onDrop={state.drop}
        failedHint={
          editable ? undefined : confirmed ? `以已提交的 ${confirmed.total} 分为准。` : '本机填写的评分未被采用。'
        }
        dirtyHint={editable ? undefined : null}
      />
      {state.banner ? <View className="score-banner judge-banner">{state.banner}</View> : null}

      <ScoreFooter
        className="live-footer"
        total={total}
        editable={editable}
        sending={state.sending}
        label={confirmed ? '更新评分' : '提交评分'}
        status={<FooterState state={state} editable={editable} />}
        onSubmit={() => void state.submit()}
      />
    </View>
  );
}
