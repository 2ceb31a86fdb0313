/**
 * 评审看板 (organizers), `?roundId=`: the round's summary; 分配评委 (optionally with a seed) and what it did
 * (项目加入, 新增 / 撤销分配, entries still short of judges, load spread), with 后台分配中 done/total while a large
 * run continues in the background (admin.round.get is polled every few seconds until it is done); progress
 * per judge (已评 / 已分配 with a bar, 回避, 偏差 flagged past the threshold), entries complete and how many have
 * 0, 1, 2 … scores, 评分不足的项目, 回避记录 and 评分差异提醒; 提醒未完成的评委 (subscription messages: sent,
 * refused because not subscribed, failed); for 分组评审 the sessions with their place and time editable.
 *
 * Class hooks (stable, for tests):
 *   round-summary: round-title, round-state (+ round-state--<…>), round-window, round-facts;
 *       round-nav with round-edit-link, round-ranking-link, round-awards-link (final), round-audit-link, round-rounds-link
 *   round-assign-seed (its <input>), round-assign, round-assign-running (后台分配中 …), round-assign-result
 *       (round-assign-joined, round-assign-added, round-assign-removed, round-assign-loads, round-assign-sessions),
 *       round-assign-short with round-assign-short-row per entry (data-entry-id), round-assign-error
 *   round-progress-error (+ round-progress-retry)
 *   round-judges: round-judge per judge (data-judge, data-behind): round-judge-name, round-judge-done (已评/已分配),
 *       round-judge-bar (its fill round-judge-bar__fill), round-judge-recused, round-judge-bias
 *       (+ round-judge-bias--flagged); round-judges-empty
 *   round-entries: round-entries-complete, round-histogram with round-histogram-bar per count (data-scores, data-count)
 *   round-toofew: round-toofew-row (data-entry-id), round-toofew-more
 *   round-recusals: round-recusal (data-entry-id); round-flags: round-flag (data-entry-id)
 *   round-remind, round-remind-result, round-remind-error (a confirm first: Taro.showModal); round-remind-closed
 *       (the button is off once the window closed or the round's result is decided)
 *   round-sessions: round-session per session (data-key): round-session-place, round-session-date,
 *       round-session-time, round-session-save, round-session-saved, round-session-error
 */
import '../../lib/actions';
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ActionOutput } from '@core/actions';
import { stageLabels } from '@core/contest/types';
import { aggregationLabels } from '@core/judging/types';
import type { JudgeProgressRow, RoundProgress, RoundView, SessionView } from '@core/judging/views';
import { formatShanghai, inShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useRequestId } from '../../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../../services/cloud';
import { DateTimeField } from '../../components/DateTimeField';
import { AdminEvent, emitAdminEvent, useAdminEvent } from '../../lib/events';
import {
  go,
  judgingUrls,
  roundModeLabels,
  roundStateKey,
  roundStateText,
  roundTitle,
  windowText,
} from '../../lib/judging';
import { windowInstant } from '../../lib/round-form';
import { useWideScreen } from '../../lib/use-wide-screen';
import '../../styles/admin.scss';
import './index.scss';

/** How often a background assignment is looked at. */
const ASSIGN_POLL_MS = 3000;

type AssignResult = ActionOutput<'admin.round.assign'>;

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
  useEffect(() => {
    if (!running) {
      if (wasRunning.current) progress.reload();
      wasRunning.current = false;
      return;
    }
    wasRunning.current = true;
    const timer = setInterval(got.reload, ASSIGN_POLL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload functions are stable.
  }, [running]);

  const loading = access.shell.loading || (ready && got.data === undefined && got.error === null);
  const failed = access.shell.error ?? (got.data === undefined ? got.error : null);
  return (
    <View className="admin-wide">
      <PageShell
        title="评审看板"
        {...access.shell}
        loading={loading}
        error={failed}
        onRetry={() => {
          if (access.shell.error) access.shell.onRetry?.();
          got.reload();
          progress.reload();
        }}
        empty={access.allowed && roundId === ''}
        emptyText="缺少评审轮次，请从「评审轮次」打开此页"
      >
        {round ? (
          <>
            <Summary round={round} />
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

function Summary({ round }: { round: RoundView }) {
  return (
    <View className="round-summary card">
      <View className="round-summary__head">
        <Text className="round-title">
          {round.contestName} · {stageLabels[round.stage]} · {roundTitle(round)}
        </Text>
        <Text
          className={`round-state round-state--${roundStateKey(round)} admin-chip round-chip--${roundStateKey(round)}`}
        >
          {roundStateText(round)}
        </Text>
      </View>
      <View className="round-window muted">评分时间：{windowText(round)}（北京时间）</View>
      <View className="round-facts muted">
        {roundModeLabels[round.mode]}
        {round.mode === 'panels' && round.panelCapacity ? `（每组至多 ${round.panelCapacity} 个项目）` : ''} · 每个项目{' '}
        {round.judgesPerEntry} 位评委{round.blind ? ' · 匿名评审' : ''} · 满分 {round.maxPoints} 分 ·{' '}
        {aggregationLabels[round.aggregation]}
      </View>
      <View className="round-facts muted">
        项目 {round.counts.entries} 个 · 评委 {round.counts.judges} 位 · 分配 {round.counts.assignments} 份
        {round.assignedAt ? ` · 上次分配 ${formatShanghai(round.assignedAt, 'M月D日 HH:mm')}` : ''}
      </View>
      <View className="round-nav admin-nav">
        <Text
          className="round-edit-link admin-link"
          onClick={() => go(judgingUrls.roundEdit(round.contestId, round.stage))}
        >
          评审设置
        </Text>
        <Text className="round-ranking-link admin-link" onClick={() => go(judgingUrls.ranking(round.id))}>
          {round.stage === 'final' ? '排名' : '排名与晋级'}
        </Text>
        {round.stage === 'final' ? (
          <Text className="round-awards-link admin-link" onClick={() => go(judgingUrls.awards(round.id))}>
            评定奖项
          </Text>
        ) : null}
        <Text className="round-audit-link admin-link" onClick={() => go(judgingUrls.audit(round.contestId, round.id))}>
          决策记录
        </Text>
        <Text className="round-rounds-link admin-link" onClick={() => go(judgingUrls.rounds(round.contestId))}>
          全部轮次
        </Text>
      </View>
    </View>
  );
}

function AssignCard({ round, onAssigned }: { round: RoundView; onAssigned: (result: AssignResult) => void }) {
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AssignResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRequestId();
  const running = round.assignProgress?.state === 'running' ? round.assignProgress : null;
  const decided = round.status !== 'setup';

  const assign = async () => {
    if (busy || running || decided) return;
    setError(null);
    const input = seed.trim() ? { roundId: round.id, seed: seed.trim() } : { roundId: round.id };
    setBusy(true);
    try {
      const answer = await callCloud('admin.round.assign', input, { requestId: request.idFor(JSON.stringify(input)) });
      request.settle();
      setResult(answer);
      onAssigned(answer);
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      setError(failure.code === 'NETWORK' ? `${failure.message}（再次点击不会重复分配）` : failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="round-assign-card card">
      <View className="admin-card-head">
        <Text className="card__title">分配评委</Text>
        <View className="round-assign-controls">
          <Input
            className="round-assign-seed admin-input"
            value={seed}
            maxlength={40}
            placeholder="随机种子（选填）"
            onInput={(e) => setSeed(e.detail.value)}
          />
          <Button
            className="round-assign admin-btn admin-btn--primary"
            size="mini"
            disabled={busy || running !== null || decided}
            onClick={() => void assign()}
          >
            {busy ? '正在分配…' : round.assignedAt ? '重新分配（补齐）' : '分配评委'}
          </Button>
        </View>
      </View>
      <View className="muted round-help">
        {round.mode === 'panels'
          ? '按区和行业领域把项目分组，为每组安排评委，避开评委申报的回避单位。'
          : `为每个项目安排 ${round.judgesPerEntry} 位评委，优先擅长该领域的评委，避开申报的回避单位，各评委的项目数最多相差 1。`}
        再次分配只补齐新加入的项目和评委，已有评分不会移动。同一种子得到同样的分配。
      </View>
      {decided ? <View className="admin-note">本轮已确认结果，不能再分配。</View> : null}
      {running ? (
        <View className="round-assign-running admin-note">
          后台分配中 {running.done}/{running.total}，页面会自动刷新
          <View className="admin-bar round-assign-running__bar">
            <View
              className="admin-bar__fill"
              style={{ width: `${running.total > 0 ? Math.round((running.done / running.total) * 100) : 0}%` }}
            />
          </View>
        </View>
      ) : null}
      {error ? <View className="round-assign-error admin-error">{error}</View> : null}
      {result ? (
        <View className="round-assign-result admin-done">
          <View>
            <Text className="round-assign-joined">新加入 {result.joined} 个项目</Text>，
            <Text className="round-assign-added">新增分配 {result.added} 份</Text>，
            <Text className="round-assign-removed">撤销 {result.removed} 份</Text>
            {result.sessions > 0 ? <Text className="round-assign-sessions">，共 {result.sessions} 个分组</Text> : null}
            。
          </View>
          <View className="round-assign-loads">
            每位评委 {result.loads.min}
            {result.loads.max !== result.loads.min ? ` 至 ${result.loads.max}` : ''} 个项目
          </View>
          {result.round.assignProgress?.state === 'running' ? <View>其余部分在后台继续分配。</View> : null}
        </View>
      ) : null}
      {result && result.short.length > 0 ? (
        <View className="round-assign-short admin-note">
          <View>以下 {result.short.length} 个项目评委不足（可回避的评委太多或评委太少），请增加评委后重新分配：</View>
          {result.short.map((s) => (
            <View key={s.entryId} className="round-assign-short-row" data-entry-id={s.entryId}>
              · {s.projectName}：还差 {s.missing} 位
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function percent(done: number, of: number): number {
  return of > 0 ? Math.round((done / of) * 100) : 0;
}

function JudgesCard({ progress, roundId }: { progress: RoundProgress; roundId: string }) {
  const wide = useWideScreen();
  const behind = progress.judges.filter((j) => j.behind).length;
  const threshold = progress.round.judgeBiasPoints;
  return (
    <View className="round-judges card">
      <View className="admin-card-head">
        <Text className="card__title">
          评委进度（{progress.judges.length} 位，{behind} 位未完成）
        </Text>
        <RemindButton
          roundId={roundId}
          behind={behind}
          closed={progress.round.status !== 'setup' || progress.round.window === 'closed'}
        />
      </View>
      {progress.judges.length === 0 ? (
        <View className="round-judges-empty muted">本赛事还没有评委，请先在「评委管理」发放邀请码。</View>
      ) : process.env.TARO_ENV === 'h5' && wide ? (
        <table className="round-judges-table admin-table">
          <thead>
            <tr>
              <th>评委</th>
              <th>工作单位</th>
              <th>已评 / 已分配</th>
              <th>进度</th>
              <th>回避</th>
              <th>偏差（分）</th>
              <th>最近评分</th>
            </tr>
          </thead>
          <tbody>
            {progress.judges.map((j) => (
              <tr key={j.key} className="round-judge" data-judge={j.key} data-behind={String(j.behind)}>
                <td className="round-judge-name">{j.name}</td>
                <td className="muted">{j.organization}</td>
                <td className="round-judge-done admin-table__num">
                  {j.done}/{j.assigned}
                </td>
                <td className="round-judge-progress">
                  <JudgeBar judge={j} />
                </td>
                <td className="round-judge-recused admin-table__num">{j.recused}</td>
                <td>
                  <BiasText judge={j} threshold={threshold} />
                </td>
                <td className="muted">{j.lastScoredAt ? formatShanghai(j.lastScoredAt, 'M月D日 HH:mm') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <View className="round-judge-cards">
          {progress.judges.map((j) => (
            <View
              key={j.key}
              className="round-judge round-judge-card"
              data-judge={j.key}
              data-behind={String(j.behind)}
            >
              <View className="round-judge-card__head">
                <Text className="round-judge-name">{j.name}</Text>
                <Text className="round-judge-done">
                  已评 {j.done}/{j.assigned}
                </Text>
              </View>
              <JudgeBar judge={j} />
              <View className="round-judge-card__meta muted">
                <Text className="round-judge-recused">回避 {j.recused}</Text>
                <Text> · 偏差 </Text>
                <BiasText judge={j} threshold={threshold} />
              </View>
            </View>
          ))}
        </View>
      )}
      <View className="muted round-help">
        偏差：该评委的总分平均比同一项目的其他评委高（+）或低（−）多少分；超过 {threshold} 分标红，供核实。
      </View>
    </View>
  );
}

function JudgeBar({ judge }: { judge: JudgeProgressRow }) {
  return (
    <View className="round-judge-bar admin-bar">
      <View
        className={`round-judge-bar__fill admin-bar__fill${judge.behind ? ' round-judge-bar__fill--behind' : ''}`}
        style={{ width: `${percent(judge.done, judge.assigned)}%` }}
      />
    </View>
  );
}

function BiasText({ judge, threshold }: { judge: JudgeProgressRow; threshold: number }) {
  if (judge.bias === null) return <Text className="round-judge-bias muted">—</Text>;
  return (
    <Text className={`round-judge-bias${judge.biasFlagged ? ' round-judge-bias--flagged' : ''}`}>
      {judge.bias}
      {judge.biasFlagged ? `（超过 ${threshold} 分）` : ''}
    </Text>
  );
}

/** Off once scoring is over (window closed or the result decided): a judge could no longer act on it. */
function RemindButton({ roundId, behind, closed }: { roundId: string; behind: number; closed: boolean }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRequestId();
  const remind = async () => {
    if (busy) return;
    setResult(null);
    setError(null);
    const answer = await Taro.showModal({
      title: '提醒未完成的评委',
      content: `将向 ${behind} 位还有项目未评分的评委发送小程序订阅消息，提醒他们在截止前完成评分。未订阅提醒的评委收不到消息。`,
      confirmText: '发送提醒',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setBusy(true);
    try {
      const sent = await callCloud('admin.round.remind', { roundId }, { requestId: request.idFor(roundId) });
      request.settle();
      setResult(
        sent.judges === 0
          ? '所有评委都已完成评分，无需提醒'
          : `已提醒 ${sent.judges} 位评委：发送成功 ${sent.sent}，未订阅 ${sent.refused}，失败 ${sent.failed}`,
      );
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      setError(failure.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="round-remind-box">
      <Button
        className="round-remind admin-btn"
        size="mini"
        disabled={busy || behind === 0 || closed}
        onClick={() => void remind()}
      >
        {busy ? '正在发送…' : '提醒未完成的评委'}
      </Button>
      {closed && behind > 0 ? <View className="round-remind-closed muted">评分已结束，不再提醒</View> : null}
      {result ? <View className="round-remind-result muted">{result}</View> : null}
      {error ? <View className="round-remind-error admin-error">{error}</View> : null}
    </View>
  );
}

function EntriesCard({ progress, round }: { progress: RoundProgress; round: RoundView }) {
  const { total, complete, byScores } = progress.entries;
  const highest = Math.max(1, ...byScores);
  return (
    <View className="round-entries card">
      <Text className="card__title">项目评分</Text>
      <View className="round-entries-complete">
        <Text className="round-entries-complete__number">
          {complete}/{total}
        </Text>
        <Text className="muted"> 个项目已有 {round.judgesPerEntry} 个评分</Text>
      </View>
      <View className="admin-bar round-entries-bar">
        <View className="admin-bar__fill" style={{ width: `${percent(complete, total)}%` }} />
      </View>
      {byScores.length > 0 ? (
        <View className="round-histogram">
          <Text className="round-histogram__title muted">按已有评分数统计的项目数</Text>
          {byScores.map((count, scores) => (
            <View
              key={scores}
              className={`round-histogram-bar${scores >= round.judgesPerEntry ? ' round-histogram-bar--complete' : ''}`}
              data-scores={String(scores)}
              data-count={String(count)}
            >
              <Text className="round-histogram-bar__label">{scores} 个评分</Text>
              <View className="round-histogram-bar__track">
                <View
                  className="round-histogram-bar__fill"
                  style={{ width: `${Math.round((count / highest) * 100)}%` }}
                />
              </View>
              <Text className="round-histogram-bar__count">{count}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="round-toofew">
        <Text className="round-subtitle">评分不足的项目（{progress.tooFewCount}）</Text>
        {progress.tooFew.length === 0 ? <View className="muted">没有评分不足的项目</View> : null}
        {progress.tooFew.map((e) => (
          <View key={e.entryId} className="round-toofew-row" data-entry-id={e.entryId}>
            <Text className="round-toofew-row__name">{e.projectName}</Text>
            <Text className={`muted${e.judges < round.judgesPerEntry ? ' round-toofew-row--short' : ''}`}>
              评委 {e.judges} 位 · 已评 {e.scores} 个{e.judges < round.judgesPerEntry ? '（评委不足）' : ''}
            </Text>
          </View>
        ))}
        {progress.tooFewCount > progress.tooFew.length ? (
          <View className="round-toofew-more muted">另有 {progress.tooFewCount - progress.tooFew.length} 个未列出</View>
        ) : null}
      </View>
    </View>
  );
}

function RecusalsCard({ progress }: { progress: RoundProgress }) {
  return (
    <View className="round-recusals card">
      <Text className="card__title">回避记录（{progress.recusals.length}）</Text>
      {progress.recusals.length === 0 ? <View className="muted">暂无评委回避</View> : null}
      {progress.recusals.map((r) => (
        <View key={`${r.entryId}|${r.judgeName}|${r.at}`} className="round-recusal" data-entry-id={r.entryId}>
          <View className="round-recusal__head">
            <Text className="round-recusal__project">{r.projectName}</Text>
            <Text className="muted">{r.at ? formatShanghai(r.at, 'M月D日 HH:mm') : ''}</Text>
          </View>
          <View className="muted">
            {r.judgeName} 回避：{r.reason}
          </View>
        </View>
      ))}
    </View>
  );
}

function FlagsCard({ progress, round }: { progress: RoundProgress; round: RoundView }) {
  return (
    <View className="round-flags card">
      <Text className="card__title">评分差异提醒（{progress.flags.length}）</Text>
      <View className="muted round-help">
        与该项目评分中位数相差超过 {round.scoreGapPoints} 分的评分，请核实是否有误。
      </View>
      {progress.flags.length === 0 ? <View className="muted">暂无差异较大的评分</View> : null}
      {progress.flags.map((f) => (
        <View key={`${f.entryId}|${f.judgeName}`} className="round-flag" data-entry-id={f.entryId}>
          <Text className="round-flag__project">{f.projectName}</Text>
          <Text className="muted">
            {f.judgeName} 打 {f.total} 分，中位数 {f.median} 分，
          </Text>
          <Text className="round-flag__gap">相差 {f.gap} 分</Text>
        </View>
      ))}
    </View>
  );
}

function SessionsCard(props: {
  roundId: string;
  sessions: SessionView[];
  judges: JudgeProgressRow[];
  onSaved: () => void;
}) {
  const { roundId, sessions, judges, onSaved } = props;
  const names = new Map(judges.map((j) => [j.key, j.name]));
  return (
    <View className="round-sessions card">
      <Text className="card__title">复赛分组（{sessions.length}）</Text>
      {sessions.length === 0 ? (
        <View className="muted">分配评委后，这里列出各分组；可以为每组填写地点和时间，评委会看到。</View>
      ) : null}
      {sessions.map((s) => (
        <SessionRow key={s.key} roundId={roundId} session={s} names={names} onSaved={onSaved} />
      ))}
    </View>
  );
}

function SessionRow(props: { roundId: string; session: SessionView; names: Map<string, string>; onSaved: () => void }) {
  const { roundId, session, names, onSaved } = props;
  const at = session.startsAt ? inShanghai(session.startsAt) : null;
  const [place, setPlace] = useState(session.place);
  const [day, setDay] = useState(at ? at.format('YYYY-MM-DD') : '');
  const [time, setTime] = useState(at ? at.format('HH:mm') : '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (busy) return;
    setSaved(false);
    setError(null);
    if ((day === '') !== (time === '')) {
      setError('请同时选择日期和时间，或都留空');
      return;
    }
    const startsAt = day === '' ? null : windowInstant(day, time, 'start');
    setBusy(true);
    try {
      await callCloud('admin.session.update', { roundId, key: session.key, place: place.trim(), startsAt });
      setSaved(true);
      onSaved();
    } catch (caught) {
      const failure = toCloudError(caught);
      setError(typeof failure.details?.place === 'string' ? failure.details.place : failure.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="round-session" data-key={session.key}>
      <View className="round-session__head">
        <Text className="round-session__name">
          {session.district || '—'} · {session.field}
        </Text>
        <Text className="muted">
          {session.entryIds.length} 个项目 · 评委：
          {session.judgeKeys.map((id) => names.get(id) ?? '评委').join('、') || '未安排'}
        </Text>
      </View>
      <View className="round-session__form">
        <Input
          className="round-session-place admin-input"
          value={place}
          maxlength={60}
          placeholder="地点，如：张江科学会堂 3 楼"
          onInput={(e) => {
            setSaved(false);
            setPlace(e.detail.value);
          }}
        />
        <DateTimeField
          className="round-session-date"
          mode="date"
          value={day}
          placeholder="日期"
          onChange={(v) => {
            setSaved(false);
            setDay(v);
          }}
        />
        <DateTimeField
          className="round-session-time"
          mode="time"
          value={time}
          placeholder="时间"
          onChange={(v) => {
            setSaved(false);
            setTime(v);
          }}
        />
        <Button className="round-session-save admin-btn" size="mini" disabled={busy} onClick={() => void save()}>
          {busy ? '正在保存…' : '保存'}
        </Button>
      </View>
      {saved ? <View className="round-session-saved muted">已保存，评委会在评分页看到地点和时间</View> : null}
      {error ? <View className="round-session-error field-error">{error}</View> : null}
    </View>
  );
}
