/**
 * 评审设置 (organizers), `?contestId=&stage=`: creates or edits the round of one contest stage (its id is
 * `<contestId>:<stage>`): name, 评审方式 (线上评审 / 分组评审 with the entries per session), judges per entry,
 * blind review, the rubric (rows of 名称, 说明, 满分, 权重 that can be added, removed and reordered; keys c1, c2 …
 * made here and kept for stored criteria; 满分合计 live), the aggregation explained in plain words, the scoring
 * window in Beijing time and the optional discrepancy thresholds. Once a score exists the rubric is locked
 * (rubricLocked): its rows are read-only and the stored rubric is sent as it is; a RUBRIC_LOCKED answer (a
 * first score raced the edit) says so beside the rubric and shows the locked rubric.
 *
 * Class hooks (stable, for tests):
 *   round-edit-form; round-edit-state (新建 / 已保存的轮次), round-edit-closed (decided rounds: read only)
 *   round-name-input; round-mode-online / round-mode-panels (chips, aria-pressed), round-capacity (panels only),
 *   round-judges-per-entry, round-blind (CheckRow, aria-checked)
 *   rubric: rubric-row per criterion (data-key, data-index) with rubric-name, rubric-description, rubric-max,
 *       rubric-weight (type into their <input>), rubric-up, rubric-down, rubric-remove; rubric-add;
 *       rubric-total (满分合计 …), rubric-locked (已有评分，评分表已锁定; rows then rubric-row--locked, no boxes),
 *       rubric-locked-error (RUBRIC_LOCKED from the server)
 *   round-aggregation-<mean|trimmed|normalized> (choices, aria-checked)
 *   round-opens-date, round-opens-time, round-closes-date, round-closes-time (H5: <input type=date|time>)
 *   round-score-gap, round-judge-bias (thresholds, optional)
 *   field-error (data-for = the server's key: name, judgesPerEntry, panelCapacity, opensAt, closesAt,
 *       rubric.criteria, rubric.criteria.<i>.name|description|maxPoints|weight, scoreGapPoints, judgeBiasPoints)
 *   round-errors (summary), round-server-error, round-save, round-saved; round-edit-rounds-link, round-edit-board-link
 */
import '../../lib/actions';
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ContestDetail } from '@core/contest/views';
import { stageLabels, type StageKey } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import { AGGREGATIONS, aggregationLabels, type Aggregation } from '@core/judging/types';
import type { RoundView } from '@core/judging/views';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useRequestId } from '../../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../../services/cloud';
import { CheckRow } from '../../components/CheckRow';
import { DateTimeField } from '../../components/DateTimeField';
import { FieldError, FormRow } from '../../components/FormRow';
import { AdminEvent, emitAdminEvent } from '../../lib/events';
import { STAGES, go, judgingUrls, roundStatusLabels } from '../../lib/judging';
import {
  CRITERIA_MAX,
  blankCriterion,
  checkRoundDraft,
  defaultThresholds,
  emptyRoundDraft,
  moveCriterion,
  roundDraftFromView,
  rubricTotal,
  type CriterionDraft,
  type RoundDraft,
} from '../../lib/round-form';
import '../../styles/admin.scss';
import './index.scss';

/** Each aggregation in plain words, under its label. */
const aggregationHelp: Record<Aggregation, string> = {
  mean: '把每位评委给出的总分直接平均，最简单直观。',
  trimmed:
    '先去掉一个最高分和一个最低分再平均，减少个别评委打分偏高或偏低的影响；一个项目的评分少于 5 个时按算术平均。',
  normalized:
    '先看每个分数在该评委自己打分习惯中的位置（有的评委手松、有的手紧），再按本轮整体的平均分和分差换算回分数后平均。适合每位评委只评一部分项目的线上评审。',
};

function isStage(value: string | undefined): value is StageKey {
  return value !== undefined && (STAGES as readonly string[]).includes(value);
}

export default function AdminRoundEditPage() {
  const access = useAreaAccess('admin');
  const { contestId = '', stage: stageParam } = usePageParams();
  const stage = isStage(stageParam) ? stageParam : null;
  const roundId = `${contestId}:${stage ?? ''}`;
  const ready = access.allowed && contestId !== '' && stage !== null;
  const contest = useCloudQuery('contest.get', { id: contestId }, { enabled: ready });
  const existing = useCloudQuery('admin.round.get', { roundId }, { enabled: ready });
  // A stage without a round answers NOT_FOUND: the form then makes a new one. Remembered, so the reload
  // after the first save keeps the form (and its 已保存) on screen instead of a loading state.
  const [wasMissing, setWasMissing] = useState(false);
  if (existing.error?.code === 'NOT_FOUND' && !wasMissing) setWasMissing(true);
  const missing = existing.error?.code === 'NOT_FOUND' || (wasMissing && existing.data === undefined);

  const loading =
    access.shell.loading ||
    (ready && contest.data === undefined && contest.error === null) ||
    (ready && existing.data === undefined && existing.error === null && !missing);
  const failed =
    access.shell.error ??
    (contest.data === undefined ? contest.error : null) ??
    (existing.data === undefined && !missing ? existing.error : null);
  const title = stage ? `${stageLabels[stage]}评审设置` : '评审设置';
  return (
    <View className="admin-wide">
      <PageShell
        title={title}
        {...access.shell}
        loading={loading}
        error={failed}
        onRetry={() => {
          if (access.shell.error) access.shell.onRetry?.();
          contest.reload();
          existing.reload();
        }}
        empty={access.allowed && (contestId === '' || stage === null)}
        emptyText="缺少赛事或阶段，请从「评审轮次」打开此页"
      >
        {stage && contest.data && (existing.data || missing) ? (
          <RoundForm
            contestId={contestId}
            stage={stage}
            contest={contest.data.contest}
            stored={existing.data?.round ?? null}
            onSaved={existing.reload}
          />
        ) : null}
      </PageShell>
    </View>
  );
}

interface RoundFormProps {
  contestId: string;
  stage: StageKey;
  contest: ContestDetail;
  stored: RoundView | null;
  onSaved: () => void;
}

function RoundForm({ contestId, stage, contest, stored: loaded, onSaved }: RoundFormProps) {
  // The answer of the last save stands for the stored round until the reload arrives.
  const [saved, setSaved] = useState<RoundView | null>(null);
  const stored = saved && (!loaded || saved.updatedAt >= loaded.updatedAt) ? saved : loaded;
  const [edited, setEdited] = useState<RoundDraft | null>(null);
  const [fresh] = useState(() => emptyRoundDraft(stage, contest));
  const draft = edited ?? (stored ? roundDraftFromView(stored) : fresh);

  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [lockedError, setLockedError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedText, setSavedText] = useState<string | null>(null);
  const request = useRequestId();

  const locked = stored?.rubricLocked ?? false;
  const closed = stored !== null && stored.status !== 'setup';
  const base = stored ? roundDraftFromView(stored) : fresh;

  const clear = (...keys: string[]) =>
    setErrors((current) => {
      if (!keys.some((k) => current[k])) return current;
      const next = { ...current };
      for (const k of keys) delete next[k];
      return next;
    });
  const update = (patch: Partial<RoundDraft>, ...errorKeys: string[]) => {
    setSavedText(null);
    setEdited((current) => ({ ...(current ?? base), ...patch }));
    clear(...errorKeys);
  };
  /** Rows moved or removed: every row's message may now sit beside another row, so they all go. */
  const setCriteria = (criteria: CriterionDraft[]) => {
    setSavedText(null);
    setEdited((current) => ({ ...(current ?? base), criteria }));
    setErrors((current) => {
      const next: FieldErrors = {};
      for (const [k, v] of Object.entries(current)) if (!k.startsWith('rubric')) next[k] = v;
      return next;
    });
  };
  const setCriterion = (index: number, patch: Partial<CriterionDraft>) => {
    const field = Object.keys(patch)[0] ?? '';
    setSavedText(null);
    setEdited((current) => {
      const from = current ?? base;
      return { ...from, criteria: from.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) };
    });
    clear(`rubric.criteria.${index}.${field}`, 'rubric.criteria', 'rubric');
  };

  // Locked: the stored rubric is what counts (and what is sent), whatever the draft holds.
  const criteria = locked && stored ? roundDraftFromView(stored).criteria : draft.criteria;
  const total = rubricTotal(criteria);
  const maxForDefaults = total.complete ? Number(total.text) : (stored?.maxPoints ?? 100);
  const byDefault = defaultThresholds(maxForDefaults);

  const save = async () => {
    if (saving || closed) return;
    setSavedText(null);
    setServerError(null);
    setLockedError(null);
    const checked = checkRoundDraft(draft, contestId, stage, locked && stored ? stored.rubric : null);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const result = await callCloud('admin.round.upsert', checked.input, {
        requestId: request.idFor(JSON.stringify(checked.input)),
      });
      request.settle();
      setSaved(result.round);
      setEdited(null);
      setSavedText(stored ? '已保存' : '轮次已创建，可以在看板分配评委');
      emitAdminEvent(AdminEvent.roundsChanged);
      onSaved();
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      if (failure.code === 'RUBRIC_LOCKED') {
        // A first score arrived since the page opened: show the rubric as it now stands, locked.
        setLockedError(`${failure.message}。评分表已恢复为已保存的版本，其他设置仍可修改后保存。`);
        setEdited((current) =>
          current && stored ? { ...current, criteria: roundDraftFromView(stored).criteria } : current,
        );
        onSaved();
        return;
      }
      if (failure.code === 'INVALID_INPUT' && failure.details) {
        const mapped: FieldErrors = {};
        for (const [path, message] of Object.entries(failure.details)) {
          if (typeof message === 'string') mapped[path] ??= message;
        }
        setErrors(mapped);
      }
      setServerError(
        failure.code === 'NETWORK' ? `${failure.message}（再次点击「保存」不会重复保存）` : failure.message,
      );
    } finally {
      setSaving(false);
    }
  };

  const errorCount = Object.values(errors).filter(Boolean).length;
  return (
    <View className="round-edit-form">
      <View className="round-edit-head card">
        <View className="round-edit-head__main">
          <Text className="round-edit-contest">{contest.name}</Text>
          <Text className="round-edit-state admin-chip">
            {stored ? `已保存的轮次 · ${roundStatusLabels[stored.status]}` : '新建轮次'}
          </Text>
        </View>
        <View className="admin-nav">
          <Text className="round-edit-rounds-link admin-link" onClick={() => go(judgingUrls.rounds(contestId))}>
            返回评审轮次
          </Text>
          {stored ? (
            <Text className="round-edit-board-link admin-link" onClick={() => go(judgingUrls.round(stored.id))}>
              评审看板
            </Text>
          ) : null}
        </View>
        {closed ? (
          <View className="round-edit-closed admin-note">
            本轮已{stored?.status === 'awarded' ? '评定奖项' : '确认晋级'}，设置不能再修改。
          </View>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">基本设置</Text>
        <FormRow label="轮次名称" name="name" errors={errors} hint={`留空则为「${stageLabels[stage]}评审」`}>
          <Input
            className="round-name-input admin-input"
            value={draft.name}
            maxlength={30}
            placeholder={`例如：${stageLabels[stage]}线上评审`}
            onInput={(e) => update({ name: e.detail.value }, 'name')}
          />
        </FormRow>
        <FormRow label="评审方式" name="mode" errors={errors}>
          <View className="round-choices">
            {(['online', 'panels'] as const).map((mode) => (
              <Text
                key={mode}
                className={`round-choice round-mode-${mode}${draft.mode === mode ? ' round-choice--active' : ''}`}
                aria-pressed={draft.mode === mode ? 'true' : 'false'}
                onClick={() => update({ mode }, 'mode', 'panelCapacity')}
              >
                {mode === 'online' ? '线上评审' : '分组评审（复赛）'}
              </Text>
            ))}
          </View>
          <View className="muted round-help">
            {draft.mode === 'online'
              ? '每个项目分配给若干位评委，评委在小程序中各自评分。'
              : '按区和行业领域把项目分成若干组，每组由同一批评委现场听取演示和答辩后评分。'}
          </View>
        </FormRow>
        {draft.mode === 'panels' ? (
          <FormRow label="每组项目数" name="panelCapacity" errors={errors} hint="每组最多这么多个项目，超出的分为多组">
            <Input
              className="round-capacity admin-input round-number"
              type="number"
              value={draft.panelCapacity}
              maxlength={3}
              onInput={(e) => update({ panelCapacity: e.detail.value }, 'panelCapacity')}
            />
          </FormRow>
        ) : null}
        <FormRow
          label="评委人数"
          name="judgesPerEntry"
          errors={errors}
          hint={`${draft.mode === 'panels' ? '每组' : '每个项目'}的评委人数${
            stored?.assignedAt ? '；修改后请在看板重新分配评委：只会补齐，已有评分不会移动' : ''
          }`}
        >
          <View className="round-inline">
            <Input
              className="round-judges-per-entry admin-input round-number"
              type="number"
              value={draft.judgesPerEntry}
              maxlength={2}
              onInput={(e) => update({ judgesPerEntry: e.detail.value }, 'judgesPerEntry')}
            />
            <Text className="muted">位</Text>
          </View>
        </FormRow>
        <FormRow label="匿名评审" name="blind" errors={errors}>
          <CheckRow
            className="round-blind"
            checked={draft.blind}
            label="评委看不到企业名称和负责人，商业计划书文件名也会隐去"
            onChange={(blind) => update({ blind }, 'blind')}
          />
        </FormRow>
      </View>

      <View className="card round-rubric">
        <View className="admin-card-head">
          <Text className="card__title">评分表</Text>
          <Text className={`rubric-total${total.complete ? '' : ' rubric-total--partial'}`}>
            满分合计 {total.text} 分{total.complete ? '' : '（有未填好的满分或权重）'}
          </Text>
        </View>
        {locked ? (
          <View className="rubric-locked admin-note">已有评分，评分表已锁定，不能增删或修改评分项。</View>
        ) : null}
        {lockedError ? <View className="rubric-locked-error admin-error">{lockedError}</View> : null}
        <View className="muted round-help">每项得分 = 评委打分（0 到满分，0.5 分一档）× 权重；总分为各项之和。</View>
        <View className="rubric-head">
          <Text className="rubric-head__no">#</Text>
          <Text className="rubric-head__name">评分项名称</Text>
          <Text className="rubric-head__description">评分说明（评委可见）</Text>
          <Text className="rubric-head__max">满分</Text>
          <Text className="rubric-head__weight">权重</Text>
          <Text className="rubric-head__actions" />
        </View>
        {criteria.map((c, i) =>
          locked ? (
            <View key={c.key} className="rubric-row rubric-row--locked" data-key={c.key} data-index={String(i)}>
              <Text className="rubric-row__no muted">{i + 1}</Text>
              <Text className="rubric-row__name">{c.name}</Text>
              <Text className="rubric-row__description muted">{c.description || '—'}</Text>
              <Text className="rubric-row__max">{c.maxPoints} 分</Text>
              <Text className="rubric-row__weight">× {c.weight}</Text>
              <Text className="rubric-row__actions" />
            </View>
          ) : (
            <View key={c.key} className="rubric-row" data-key={c.key} data-index={String(i)}>
              <Text className="rubric-row__no muted">{i + 1}</Text>
              <View className="rubric-row__name">
                <Input
                  className="rubric-name admin-input"
                  value={c.name}
                  maxlength={20}
                  placeholder="如：技术创新性"
                  onInput={(e) => setCriterion(i, { name: e.detail.value })}
                />
                <FieldError errors={errors} name={`rubric.criteria.${i}.name`} />
                <FieldError errors={errors} name={`rubric.criteria.${i}.key`} />
              </View>
              <View className="rubric-row__description">
                <Input
                  className="rubric-description admin-input"
                  value={c.description}
                  maxlength={200}
                  placeholder="选填"
                  onInput={(e) => setCriterion(i, { description: e.detail.value })}
                />
                <FieldError errors={errors} name={`rubric.criteria.${i}.description`} />
              </View>
              <View className="rubric-row__max">
                <Input
                  className="rubric-max admin-input"
                  type="digit"
                  value={c.maxPoints}
                  maxlength={6}
                  onInput={(e) => setCriterion(i, { maxPoints: e.detail.value })}
                />
                <FieldError errors={errors} name={`rubric.criteria.${i}.maxPoints`} />
              </View>
              <View className="rubric-row__weight">
                <Input
                  className="rubric-weight admin-input"
                  type="digit"
                  value={c.weight}
                  maxlength={6}
                  onInput={(e) => setCriterion(i, { weight: e.detail.value })}
                />
                <FieldError errors={errors} name={`rubric.criteria.${i}.weight`} />
              </View>
              <View className="rubric-row__actions">
                <Text
                  className={`rubric-up admin-link${i === 0 ? ' rubric-action--off' : ''}`}
                  onClick={() => i > 0 && setCriteria(moveCriterion(draft.criteria, i, -1))}
                >
                  上移
                </Text>
                <Text
                  className={`rubric-down admin-link${i === criteria.length - 1 ? ' rubric-action--off' : ''}`}
                  onClick={() => i < criteria.length - 1 && setCriteria(moveCriterion(draft.criteria, i, 1))}
                >
                  下移
                </Text>
                <Text
                  className={`rubric-remove admin-link${criteria.length <= 1 ? ' rubric-action--off' : ''}`}
                  onClick={() => criteria.length > 1 && setCriteria(draft.criteria.filter((_, j) => j !== i))}
                >
                  删除
                </Text>
              </View>
            </View>
          ),
        )}
        <FieldError errors={errors} name="rubric.criteria" />
        <FieldError errors={errors} name="rubric" />
        {!locked ? (
          <Button
            className="rubric-add admin-btn"
            size="mini"
            disabled={draft.criteria.length >= CRITERIA_MAX}
            onClick={() => setCriteria([...draft.criteria, blankCriterion(draft.criteria)])}
          >
            添加评分项
          </Button>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">汇总方式</Text>
        <View className="muted round-help">
          一个项目的最终得分怎样由各位评委的总分得出；并列时依次比较去极值均分、中位数、最重要评分项和上一轮得分。
        </View>
        <View className="round-aggregations">
          {AGGREGATIONS.map((a) => (
            <View
              key={a}
              className={`round-aggregation round-aggregation-${a}${draft.aggregation === a ? ' round-aggregation--active' : ''}`}
              role="radio"
              aria-checked={draft.aggregation === a ? 'true' : 'false'}
              onClick={() => update({ aggregation: a }, 'aggregation')}
            >
              <Text className="round-aggregation__label">{aggregationLabels[a]}</Text>
              <Text className="round-aggregation__help muted">{aggregationHelp[a]}</Text>
            </View>
          ))}
        </View>
        <FieldError errors={errors} name="aggregation" />
      </View>

      <View className="card">
        <Text className="card__title">评分时间（北京时间）</Text>
        <FormRow label="开始" name="opensAt" errors={errors}>
          <DateAndTime
            hook="round-opens"
            date={draft.opensOn}
            time={draft.opensTime}
            onDate={(v) => update({ opensOn: v }, 'opensAt')}
            onTime={(v) => update({ opensTime: v }, 'opensAt')}
          />
        </FormRow>
        <FormRow label="截止" name="closesAt" errors={errors} hint="截止到所选这一分钟结束，如 23:59 即 23:59:59 截止">
          <DateAndTime
            hook="round-closes"
            date={draft.closesOn}
            time={draft.closesTime}
            onDate={(v) => update({ closesOn: v }, 'closesAt')}
            onTime={(v) => update({ closesTime: v }, 'closesAt')}
          />
        </FormRow>
      </View>

      <View className="card">
        <Text className="card__title">评分差异提醒（选填）</Text>
        <View className="muted round-help">
          看板会标出偏离较大的评分和评委，供组委会核实；不会自动修改分数。留空按默认值。
        </View>
        <FormRow
          label="单个评分"
          name="scoreGapPoints"
          errors={errors}
          hint="与该项目各评分的中位数相差超过此分数时提醒"
        >
          <View className="round-inline">
            <Input
              className="round-score-gap admin-input round-number"
              type="digit"
              value={draft.scoreGapPoints}
              maxlength={6}
              placeholder={`默认 ${byDefault.scoreGap}`}
              onInput={(e) => update({ scoreGapPoints: e.detail.value }, 'scoreGapPoints')}
            />
            <Text className="muted">分（默认为满分的 20%）</Text>
          </View>
        </FormRow>
        <FormRow
          label="评委偏差"
          name="judgeBiasPoints"
          errors={errors}
          hint="评委平均比同项目其他评委高或低超过此分数时提醒"
        >
          <View className="round-inline">
            <Input
              className="round-judge-bias admin-input round-number"
              type="digit"
              value={draft.judgeBiasPoints}
              maxlength={6}
              placeholder={`默认 ${byDefault.judgeBias}`}
              onInput={(e) => update({ judgeBiasPoints: e.detail.value }, 'judgeBiasPoints')}
            />
            <Text className="muted">分（默认为满分的 10%）</Text>
          </View>
        </FormRow>
      </View>

      <View className="round-edit-footer">
        {errorCount > 0 ? (
          <View className="round-errors admin-error">
            有 {errorCount} 处需要修改：
            {Object.values(errors)
              .filter(Boolean)
              .slice(0, 5)
              .map((message, i) => (
                <View key={i}>· {message}</View>
              ))}
          </View>
        ) : null}
        {serverError ? <View className="round-server-error admin-error">{serverError}</View> : null}
        {savedText ? <View className="round-saved admin-done">{savedText}</View> : null}
        <Button
          className="round-save admin-btn admin-btn--primary"
          disabled={saving || closed}
          onClick={() => void save()}
        >
          {saving ? '正在保存…' : stored ? '保存设置' : '创建轮次'}
        </Button>
      </View>
    </View>
  );
}

/** A Beijing-time day and minute side by side: `<hook>-date` and `<hook>-time`. */
function DateAndTime(props: {
  hook: string;
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
}) {
  return (
    <View className="round-inline">
      <DateTimeField
        className={`${props.hook}-date`}
        mode="date"
        value={props.date}
        placeholder="选择日期"
        onChange={props.onDate}
      />
      <DateTimeField
        className={`${props.hook}-time`}
        mode="time"
        value={props.time}
        placeholder="选择时间"
        onChange={props.onTime}
      />
    </View>
  );
}
