/**
 * 评分 (`/judge/pages/score/index?roundId=&entryId=`): one assigned entry's materials (judge.entry.get, with
 * blind review applied by the server) and the score sheet of the round's rubric. Every change is kept on
 * the phone at once (score-draft.ts) and restored when the page opens again if it is newer than the
 * server's score. 提交评分 checks the sheet with checkPoints, then puts the score into the outbox and asks
 * it to send: without network it waits there (待同步) and goes out when the network is back, with the same
 * requestId; a refusal (e.g. ROUND_CLOSED) shows as 提交失败 with the server's message, the draft kept.
 * Scores may change until the window closes; after that the sheet is read-only. 回避 asks for a reason.
 *
 * Class hooks: score-project, score-meta, score-org / score-blind (匿名评审), score-window
 * (score-window--open/upcoming/closed), score-summary, score-highlights, score-facts (score-fact per
 * line: score-fact__label, score-fact__value), score-plan (查看商业计划书), score-plan-error;
 * score-sheet (score-sheet--readonly when it can't change), score-restored (local draft restored),
 * score-criterion per criterion (data-key; score-criterion-<key>; score-criterion__name, score-max,
 * score-minus, score-input (type into its <input> on H5), score-plus, field-error), score-comment
 * (type into its <textarea>), score-comment-error, score-total (合计 86.5 / 100), score-state with
 * score-state--draft/sending/pending/failed/submitted/recused (score-state__message; score-state-time),
 * score-dirty (changes not submitted yet), score-banner (problems of the sheet before sending),
 * score-submit, score-drop (放弃未同步的提交), score-recuse, score-back, and RecuseDialog's recuse-dialog,
 * recuse-reason, recuse-reason-error, recuse-confirm, recuse-cancel; PageShell's page-forbidden when
 * the entry is not assigned to the caller (FORBIDDEN).
 */
import '../../lib/actions';
import { useRef, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import type { ActionOutput } from '@core/actions';
import { groupLabels } from '@core/contest/types';
import { checkPoints } from '@core/judging/score-input';
import type { Criterion } from '@core/judging/types';
import type { JudgeEntryView, MyScoreView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useServerNow } from '../../../hooks/useServerNow';
import { callCloud, toCloudError } from '../../../services/cloud';
import { openInWeChat, openPendingTab, showInTab } from '../../../services/open-file';
import { dropOutboxItem, enqueueWrite, flushOutbox, outboxItems, type OutboxItem } from '../../../services/outbox';
import { useRequestId } from '../../../hooks/useRequestId';
import { scrollPageSoon } from '../../../services/scroll';
import { serverNow } from '../../../services/server-clock';
import { formatFileSize } from '../../../services/upload';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { windowOf, windowText } from '../../lib/round-window';
import { judgeRoutes } from '../../lib/routes';
import { clearScoreDraft, readScoreDraft, writeScoreDraft } from '../../lib/score-draft';
import {
  emptySheet,
  pointsOf,
  runningTotal,
  sameSheet,
  scoreKey,
  sheetFromScore,
  stepPoints,
  type SheetValues,
} from '../../lib/score-sheet';
import { useOutboxEvents, useOutboxItems } from '../../lib/use-outbox';
import '../../styles/judge.scss';
import './index.scss';

const COMMENT_MAX = 500;

export default function JudgeScorePage() {
  const { roundId = '', entryId = '' } = usePageParams();
  const { me, allowed, shell } = useAreaAccess('judge');
  const openid = me?.user?.openid ?? '';
  const given = roundId !== '' && entryId !== '';
  const query = useCloudQuery('judge.entry.get', { roundId, entryId }, { enabled: allowed && given, key: openid });
  const first = query.data === undefined;
  return (
    <PageShell
      title="评分"
      {...shell}
      loading={shell.loading || (allowed && given && first && query.error === null)}
      error={shell.error ?? (first ? query.error : null)}
      onRetry={shell.error ? shell.onRetry : query.reload}
      empty={!given}
      emptyText="没有指定要评分的项目"
    >
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

interface Initial {
  values: SheetValues;
  /** A local draft newer than the server's score was restored. */
  restored: boolean;
}

function initialSheet(entry: JudgeEntryView, openid: string): Initial {
  const rubric = entry.round.rubric;
  const base = entry.myScore ? sheetFromScore(rubric, entry.myScore) : emptySheet(rubric);
  const draft = readScoreDraft(openid, entry.round.id, entry.entryId);
  const serverAt = entry.myScore ? Date.parse(entry.myScore.updatedAt) : Number.NEGATIVE_INFINITY;
  if (draft === null || draft.editedAt <= serverAt) return { values: base, restored: false };
  // Only the rubric's criteria: a draft from before a rubric change keeps what still applies.
  const points = Object.fromEntries(rubric.criteria.map((c) => [c.key, draft.values.points[c.key] ?? '']));
  const values = { points, comment: draft.values.comment };
  return { values, restored: !sameSheet(rubric, values, base) };
}

/** The outbox's refusal as messages beside the controls (points.<key>, comment). */
function refusalErrors(item: OutboxItem | undefined): Record<string, string> {
  const details = item?.failed?.details;
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(details ?? {})) {
    if (typeof message === 'string' && (key.startsWith('points.') || key === 'comment')) out[key] = message;
  }
  return out;
}

function sheetOfData(data: unknown, fallback: SheetValues): SheetValues {
  const sent = data as { points?: Record<string, number>; comment?: string } | null;
  if (!sent?.points) return fallback;
  return {
    points: Object.fromEntries(Object.entries(sent.points).map(([key, value]) => [key, String(value)])),
    comment: sent.comment ?? '',
  };
}

function ScoreView({ entry, serverNowIso, openid }: { entry: JudgeEntryView; serverNowIso: string; openid: string }) {
  const { round } = entry;
  const rubric = round.rubric;
  const now = useServerNow(serverNowIso, true, 15_000);
  const window = windowOf(round, now);
  const key = scoreKey(openid, round.id, entry.entryId);

  const [initial] = useState(() => initialSheet(entry, openid));
  const [values, setValues] = useState<SheetValues>(initial.values);
  const valuesRef = useRef(values);
  const [errors, setErrors] = useState<Record<string, string>>(() =>
    refusalErrors(outboxItems().find((i) => i.key === key)),
  );
  const [banner, setBanner] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<MyScoreView | null>(entry.myScore);
  const [sending, setSending] = useState(false);
  const [recused, setRecused] = useState(entry.state === 'recused');
  const [recuseOpen, setRecuseOpen] = useState(false);
  const [recuseBusy, setRecuseBusy] = useState(false);
  const [recuseError, setRecuseError] = useState<string | null>(null);
  const recuseRequest = useRequestId();
  const [planError, setPlanError] = useState<string | null>(null);

  const queued = useOutboxItems().find((i) => i.key === key);
  const editable = window === 'open' && !recused;

  useOutboxEvents((event) => {
    if (event.kind === 'failed' && event.item.key === key) {
      setErrors((prev) => ({ ...prev, ...refusalErrors(event.item) }));
      return;
    }
    if (event.kind !== 'sent' || event.item.key !== key) return;
    const answer = event.answer as ActionOutput<'judge.score'>;
    setConfirmed(answer.score);
    const sent = sheetOfData(event.item.data, valuesRef.current);
    if (sameSheet(rubric, valuesRef.current, sent)) {
      clearScoreDraft(openid, round.id, entry.entryId);
    } else {
      // Typed after that submit: still newer than what the server now holds.
      const at = Math.max(serverNow(), Date.parse(answer.score.updatedAt) + 1);
      writeScoreDraft(openid, round.id, entry.entryId, valuesRef.current, at);
    }
  });

  const edit = (next: SheetValues, field: string) => {
    valuesRef.current = next;
    setValues(next);
    setBanner(null);
    writeScoreDraft(openid, round.id, entry.entryId, next, serverNow());
    if (field === 'comment') {
      setErrors(({ comment: _gone, ...rest }) => rest);
      return;
    }
    const path = `points.${field}`;
    const checked = checkPoints(rubric, pointsOf(rubric, next));
    const found = checked.ok ? undefined : checked.errors[path];
    const empty = (next.points[field] ?? '').trim() === '';
    setErrors((prev) => {
      const { [path]: shown, ...rest } = prev;
      // A missing score is only pointed out on submit (or while its message is already shown).
      if (found === undefined || (empty && shown === undefined)) return rest;
      return { ...rest, [path]: found };
    });
  };

  const setPoint = (criterion: Criterion, text: string) =>
    edit({ ...valuesRef.current, points: { ...valuesRef.current.points, [criterion.key]: text } }, criterion.key);

  const submit = async () => {
    if (!editable || sending) return;
    const current = valuesRef.current;
    const checked = checkPoints(rubric, pointsOf(rubric, current));
    const comment = current.comment.trim();
    const problems: Record<string, string> = checked.ok ? {} : { ...checked.errors };
    if (comment.length > COMMENT_MAX) problems.comment = `评语不能超过 ${COMMENT_MAX} 个字`;
    if (!checked.ok || Object.keys(problems).length > 0) {
      setErrors(problems);
      setBanner(`还有 ${Object.keys(problems).length} 项需要修改，请检查标红的项目`);
      scrollPageSoon({ selector: '.score-criterion--error' });
      return;
    }
    setErrors({});
    setBanner(null);
    const points = Object.fromEntries(Object.entries(checked.halves).map(([k, halves]) => [k, halves / 2]));
    enqueueWrite(key, 'judge.score', { roundId: round.id, entryId: entry.entryId, points, comment });
    setSending(true);
    try {
      await flushOutbox();
    } finally {
      setSending(false);
    }
  };

  const openPlan = () => {
    const plan = entry.businessPlan;
    if (!plan) return;
    setPlanError(null);
    const fresh = Date.parse(plan.expiresAt) - 30_000 > serverNow();
    // H5: the tab must open during the tap; a link that expired is fetched again first.
    if (process.env.TARO_ENV === 'h5' && fresh) {
      showInTab(plan.url, null);
      return;
    }
    const tab = openPendingTab();
    void (async () => {
      try {
        const url = fresh
          ? plan.url
          : ((await callCloud('judge.entry.get', { roundId: round.id, entryId: entry.entryId })).entry.businessPlan
              ?.url ?? plan.url);
        if (process.env.TARO_ENV === 'h5') showInTab(url, tab);
        else await openInWeChat(url, 'pdf');
      } catch (caught) {
        tab?.close();
        setPlanError(toCloudError(caught).message);
      }
    })();
  };

  const recuse = async (reason: string) => {
    if (recuseBusy) return;
    const requestId = recuseRequest.idFor(reason);
    setRecuseBusy(true);
    setRecuseError(null);
    try {
      await callCloud('judge.recuse', { roundId: round.id, entryId: entry.entryId, reason }, { requestId });
      dropOutboxItem(key);
      clearScoreDraft(openid, round.id, entry.entryId);
      setRecused(true);
      setRecuseOpen(false);
      void Taro.showToast({ title: '已回避', icon: 'success' });
      backToRound(round.id);
    } catch (caught) {
      const failure = toCloudError(caught);
      recuseRequest.settle(failure);
      const detail = (failure.details as Record<string, unknown> | undefined)?.reason;
      setRecuseError(typeof detail === 'string' ? detail : failure.message);
    } finally {
      setRecuseBusy(false);
    }
  };

  const total = runningTotal(rubric, values);
  const dirty = confirmed !== null && !sameSheet(rubric, values, sheetFromScore(rubric, confirmed));

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
      <View className="card">
        <View className="score-summary score-text">{entry.summary || '（未填写）'}</View>
        {entry.highlights ? (
          <View>
            <View className="score-subtitle">创新亮点</View>
            <View className="score-highlights score-text">{entry.highlights}</View>
          </View>
        ) : null}
        {entry.facts.length > 0 ? (
          <View className="score-facts">
            {entry.facts.map((fact) => (
              <View key={fact.label} className="score-fact">
                <Text className="score-fact__label">{fact.label}</Text>
                <Text className="score-fact__value">{fact.value}</Text>
              </View>
            ))}
          </View>
        ) : null}
        {entry.businessPlan ? (
          <Button className="score-plan" size="mini" onClick={openPlan}>
            查看商业计划书（PDF，{formatFileSize(entry.businessPlan.size)}）
          </Button>
        ) : (
          <View className="muted">未上传商业计划书</View>
        )}
        {planError ? <View className="score-plan-error field-error">{planError}</View> : null}
      </View>

      <View className="section-title">评分表（每项以 0.5 分为单位）</View>
      <View className={`score-sheet card${editable ? '' : ' score-sheet--readonly'}`}>
        {initial.restored ? <View className="score-restored note">已恢复本机上次未提交的评分</View> : null}
        {!recused && window === 'closed' ? <View className="note">本轮评分已截止，评分表只读</View> : null}
        {!recused && window === 'upcoming' ? (
          <View className="note">评分尚未开始，开始后才能打分（北京时间 {formatShanghai(round.opensAt)}）</View>
        ) : null}
        {rubric.criteria.map((criterion) => (
          <CriterionControl
            key={criterion.key}
            criterion={criterion}
            text={values.points[criterion.key] ?? ''}
            error={errors[`points.${criterion.key}`]}
            disabled={!editable}
            onChange={(text) => setPoint(criterion, text)}
          />
        ))}
        <View className={`score-comment-field${errors.comment ? ' form-field--error' : ''}`}>
          <View className="score-criterion__name">评语（选填）</View>
          <Textarea
            className="score-comment"
            value={values.comment}
            maxlength={COMMENT_MAX}
            placeholder="对项目的评价与建议（不超过 500 字）"
            disabled={!editable || undefined}
            autoHeight
            onInput={(e) => edit({ ...valuesRef.current, comment: e.detail.value }, 'comment')}
          />
          <View className="score-counter muted">
            {values.comment.length}/{COMMENT_MAX}
          </View>
          {errors.comment ? <View className="score-comment-error field-error">{errors.comment}</View> : null}
        </View>
      </View>

      <StateLine
        recused={recused}
        queued={queued}
        sending={sending}
        confirmed={confirmed}
        dirty={dirty}
        onDrop={() => dropOutboxItem(key)}
      />
      {banner ? <View className="score-banner judge-banner">{banner}</View> : null}

      <View className="score-footer">
        <View className="score-total">
          合计 <Text className="score-total__value">{total.total}</Text> / {total.max}
          <Text className="score-total__count">
            （已打 {total.scored}/{total.count} 项）
          </Text>
        </View>
        {editable ? (
          <Button
            className="score-submit primary-button"
            loading={sending || undefined}
            disabled={sending || undefined}
            onClick={() => void submit()}
          >
            {confirmed ? '更新评分' : '提交评分'}
          </Button>
        ) : null}
      </View>

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
          busy={recuseBusy}
          error={recuseError}
          onConfirm={(reason) => void recuse(reason)}
          onCancel={() => setRecuseOpen(false)}
        />
      ) : null}
    </View>
  );
}

function CriterionControl(props: {
  criterion: Criterion;
  text: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (text: string) => void;
}) {
  const { criterion, text, error, disabled, onChange } = props;
  return (
    <View
      className={`score-criterion score-criterion-${criterion.key}${error ? ' score-criterion--error form-field--error' : ''}`}
      data-key={criterion.key}
    >
      <View className="score-criterion__head">
        <Text className="score-criterion__name">{criterion.name}</Text>
        <Text className="score-max">
          满分 {criterion.maxPoints}
          {criterion.weight !== 1 ? `（权重 ×${criterion.weight}）` : ''}
        </Text>
      </View>
      {criterion.description ? (
        <View className="score-criterion__description muted">{criterion.description}</View>
      ) : null}
      <View className="score-stepper">
        <View
          className={`score-minus score-step${disabled ? ' score-step--disabled' : ''}`}
          hoverClass={disabled ? 'none' : 'score-step--active'}
          onClick={() => !disabled && onChange(stepPoints(text, criterion.maxPoints, -1))}
        >
          −
        </View>
        <Input
          className="score-input"
          type="digit"
          value={text}
          placeholder={`0 – ${criterion.maxPoints}`}
          disabled={disabled || undefined}
          onInput={(e) => onChange(e.detail.value)}
        />
        <View
          className={`score-plus score-step${disabled ? ' score-step--disabled' : ''}`}
          hoverClass={disabled ? 'none' : 'score-step--active'}
          onClick={() => !disabled && onChange(stepPoints(text, criterion.maxPoints, 1))}
        >
          +
        </View>
      </View>
      {error ? <View className="field-error">{error}</View> : null}
    </View>
  );
}

function StateLine(props: {
  recused: boolean;
  queued: OutboxItem | undefined;
  sending: boolean;
  confirmed: MyScoreView | null;
  dirty: boolean;
  onDrop: () => void;
}) {
  const { recused, queued, sending, confirmed, dirty } = props;
  if (recused) {
    return <State kind="recused" title="已回避" message="您已回避该项目，不能再评分。" />;
  }
  if (queued?.failed) {
    return (
      <State
        kind="failed"
        title="提交失败"
        message={`${queued.failed.message.replace(/[。.]$/, '')}。评分已保存在本机，可修改后重新提交。`}
        action={
          <Text className="score-drop link" onClick={props.onDrop}>
            放弃这次提交
          </Text>
        }
      />
    );
  }
  if (queued) {
    return sending ? (
      <State kind="sending" title="正在提交…" message="请稍候" />
    ) : (
      <State kind="pending" title="待同步" message="网络恢复后将自动提交，离开本页或关闭小程序也不会丢失。" />
    );
  }
  if (confirmed) {
    return (
      <View>
        <State
          kind="submitted"
          title="已提交"
          message={`合计 ${confirmed.total} 分`}
          time={`北京时间 ${formatShanghai(confirmed.updatedAt, 'M月D日 HH:mm:ss')}`}
        />
        {dirty ? <View className="score-dirty note">有修改尚未提交：点击“更新评分”提交修改</View> : null}
      </View>
    );
  }
  return <State kind="draft" title="未提交" message="填写内容已自动保存在本机" />;
}

function State(props: { kind: string; title: string; message: string; time?: string; action?: ReactNode }) {
  return (
    <View className={`score-state score-state--${props.kind}`}>
      <Text className="score-state__title">{props.title}</Text>
      {props.time ? <Text className="score-state-time">{props.time}</Text> : null}
      <View className="score-state__message">{props.message}</View>
      {props.action}
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
