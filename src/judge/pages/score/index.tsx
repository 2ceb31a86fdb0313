/**
 * 评分 (`/judge/pages/score/index?roundId=&entryId=`): one assigned entry's materials (judge.entry.get, with
 * blind review applied by the server) and the score sheet of the round's rubric. Every change is kept on
 * the phone at once (score-draft.ts) and restored when the page opens again if it is newer than the
 * server's score. 提交评分 checks the sheet with checkPoints, then puts the score into the outbox and asks
 * it to send: without network it waits there (待同步) and goes out when the network is back, with the same
 * requestId; a refusal (e.g. ROUND_CLOSED) shows as 提交失败 with the server's message, the draft kept.
 * Scores may change until the window closes; after that the sheet is read-only. 回避 asks for a reason.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import type { JudgeEntryView } from '@core/judging/views';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useServerNow } from '../../../hooks/useServerNow';
import { dropOutboxItem } from '../../../services/outbox';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { windowOf, windowText } from '../../lib/round-window';
import { judgeRoutes } from '../../lib/routes';
import { clearScoreDraft } from '../../lib/score-draft';
import { runningTotal } from '../../lib/score-sheet';
import { ScoreFooter } from '../../components/ScoreFooter';
import { EntryMaterials } from './components/EntryMaterials';
import { ScoreSheet } from './components/ScoreSheet';
import { SyncState } from './components/SyncState';
import { useScoreSheet } from './useScoreSheet';
import '../../styles/judge.scss';
import './index.scss';

export default function JudgeScorePage() {
  const { roundId = '', entryId = '' } = usePageParams();
  const access = useAreaAccess('judge');
  const openid = access.me?.user?.openid ?? '';
  const given = roundId !== '' && entryId !== '';
  const query = useCloudQuery(
    'judge.entry.get',
    { roundId, entryId },
    { enabled: access.allowed && given, key: openid },
  );
  return (
    <PageShell title="评分" {...shellFor(access, query)} empty={!given} emptyText="没有指定要评分的项目">
      {query.data && openid ? (
        <ScoreView
          key={`${openid}|${roundId}|${entryId}`}
          entry={query.data.entry}
          serverNowIso={query.data.now}
          openid={openid}
        />
      ) : null}
    </PageShell>
  );
}

function ScoreView({ entry, serverNowIso, openid }: { entry: JudgeEntryView; serverNowIso: string; openid: string }) {
  const { round } = entry;
  const rubric = round.rubric;
  const now = useServerNow(serverNowIso, true, 15_000);
  const window = windowOf(round, now);
  const [recused, setRecused] = useState(entry.state === 'recused');
  const [recuseOpen, setRecuseOpen] = useState(false);
  const recusal = useCloudAction('judge.recuse');
  const editable = window === 'open' && !recused;
  const sheet = useScoreSheet({ entry, openid, editable });

  const recuse = async (reason: string) => {
    const done = await recusal.run({ roundId: round.id, entryId: entry.entryId, reason }, { key: reason });
    if (done === undefined) return;
    dropOutboxItem(sheet.key);
    clearScoreDraft(openid, round.id, entry.entryId);
    setRecused(true);
    setRecuseOpen(false);
    void Taro.showToast({ title: '已回避', icon: 'success' });
    backToRound(round.id);
  };
  const recuseDetail = recusal.error?.details?.reason;
  const recuseError = typeof recuseDetail === 'string' ? recuseDetail : (recusal.error?.message ?? null);

  const total = runningTotal(rubric, sheet.values);
  const { confirmed, dirty } = sheet;

  return (
    <View className="score-page">
      <View className="card">
        <View className="score-project card__title">{entry.projectName}</View>
        <View className="score-meta muted">
          {[groupLabels[entry.group], entry.field, entry.district].filter(Boolean).join(' · ')}
        </View>
        {entry.orgName ? (
          <View className="score-org muted">{entry.orgName}</View>
        ) : (
          <View className="score-blind muted">匿名评审：不显示企业和团队名称，请勿在评语中提及</View>
        )}
        <View className={`score-window score-window--${window} window-label window-label--${window}`}>
          {round.name} · {windowText(round, window)}
        </View>
      </View>

      <View className="section-title">项目简介</View>
      <EntryMaterials entry={entry} />

      <View className="section-title">评分表（每项以 0.5 分为单位）</View>
      <ScoreSheet
        rubric={rubric}
        values={sheet.values}
        errors={sheet.errors}
        editable={editable}
        restored={sheet.restored}
        recused={recused}
        window={window}
        opensAt={round.opensAt}
        onPoint={sheet.setPoint}
        onComment={sheet.setComment}
      />

      <SyncState
        recused={recused}
        queued={sheet.queued}
        sending={sheet.sending}
        confirmed={confirmed}
        dirty={dirty}
        onDrop={sheet.drop}
      />
      {sheet.banner ? <View className="score-banner judge-banner">{sheet.banner}</View> : null}

      <ScoreFooter
        total={total}
        editable={editable}
        sending={sheet.sending}
        label={confirmed ? '更新评分' : '提交评分'}
        onSubmit={() => void sheet.submit()}
      />

      <View className="judge-actions">
        {!recused ? (
          <Button className="score-recuse" onClick={() => setRecuseOpen(true)}>
            回避该项目
          </Button>
        ) : null}
        <Button className="score-back" onClick={() => backToRound(round.id)}>
          返回任务列表
        </Button>
      </View>

      {recuseOpen ? (
        <ReasonDialog
          handle="recuse"
          title={`回避：${entry.projectName}`}
          description="与该项目存在利益关系（任职、投资、亲属等）时请回避。回避后不能再为该项目评分，组委会将另行安排评委。"
          placeholder="例如：曾在该企业担任顾问"
          label="回避理由"
          emptyMessage="请填写回避理由"
          minLength={2}
          confirmText="确认回避"
          busy={recusal.busy}
          error={recuseError}
          onConfirm={(reason) => void recuse(reason)}
          onCancel={() => setRecuseOpen(false)}
        />
      ) : null}
    </View>
  );
}

/** Back to the round page it was opened from, or to a new one when the score page was opened directly. */
function backToRound(roundId: string): void {
  let depth = 0;
  try {
    depth = Taro.getCurrentPages().length;
  } catch {
    // No page stack to read (an H5 page opened without the router): open the round instead.
  }
  if (depth > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: judgeRoutes.round(roundId) });
}
