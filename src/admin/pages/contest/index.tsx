/**
 * 赛事设置 (organizers), `?id=<contestId>` to edit, no id to create: name, kind, edition (with a small
 * 新建届次 form), host region, hosts and organizers, groups, fields and districts, the registration window
 * in Beijing time, stages, rules and awards per group. Checked with the action's own schema before
 * sending; the server's CONTEST_IN_USE (removing what entries use) is shown as it words it.
 *
 * Class hooks (stable, for tests):
 *   contest-form; contest-name-input, contest-kind, contest-edition (ChoiceSelects: .choice-option[data-value]),
 *   edition-new (opens the 新建届次 form: edition-form, edition-name, edition-year, edition-create, edition-error),
 *   contest-host-region; TagEditors contest-hosts, contest-organizers, contest-fields, contest-districts
 *       (tag-editor-input, tag-editor-add, tag-editor-tag[data-value], tag-editor-remove);
 *   contest-group-enterprise / contest-group-maker (check boxes, aria-checked);
 *   contest-opens-date, contest-opens-time, contest-closes-date, contest-closes-time (H5: <input type=date|time>);
 *   contest-stage-<preliminary|semifinal|final> with -enabled (check box), -format, -starts, -ends, -note;
 *   contest-rules; contest-award-<group>-<prize> (count box) and contest-award-<group>-<prize>-several (若干);
 *   field-error under a box (data-for = its key, e.g. registration.closesAt), contest-errors (summary),
 *   contest-server-error, contest-save, contest-saved
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  contestKindLabels,
  groupLabels,
  prizeLabels,
  stageLabels,
  type ContestKind,
  type Group,
  type Prize,
  type StageKey,
} from '@core/contest/types';
import { editionInput } from '@core/contest/schemas';
import type { FieldErrors } from '@core/errors';
import { validate } from '@core/validation';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useRequestId } from '../../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../../services/cloud';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { DateTimeField } from '../../components/DateTimeField';
import { FieldError, FormRow } from '../../components/FormRow';
import { AdminEvent, emitAdminEvent } from '../../lib/events';
import { usePageParams } from '../../../hooks/usePageParams';
import {
  checkDraft,
  draftFromContest,
  emptyDraft,
  formKey,
  inFormOrder,
  GROUPS,
  PRIZES,
  STAGE_KEYS,
  type AwardDraft,
  type ContestDraft,
  type StageDraft,
} from './contest-form';
import { TagEditor } from './TagEditor';
import '../../styles/admin.scss';
import './index.scss';

const kindChoices: Array<Choice<ContestKind>> = (['regional', 'thematic', 'overseas', 'final'] as const).map((k) => ({
  value: k,
  label: contestKindLabels[k],
}));

export default function AdminContestPage() {
  const access = useAreaAccess('admin');
  const { id = '' } = usePageParams();
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const existing = useCloudQuery('contest.get', { id }, { enabled: access.allowed && id !== '' });
  const editions = contests.data?.editions ?? [];

  // Untouched, the form shows what is stored (or an empty contest of the newest edition); the first
  // edit takes a copy of that, so a reload of the lists never overwrites typing.
  const [edited, setEdited] = useState<ContestDraft | null>(null);
  const stored =
    id === '' ? emptyDraft(editions[0]?.id ?? '') : existing.data ? draftFromContest(existing.data.contest) : null;
  const draft = edited ?? stored;

  const loading =
    access.shell.loading ||
    (access.allowed && contests.data === undefined && contests.error === null) ||
    (access.allowed && id !== '' && existing.data === undefined && existing.error === null);
  const failed = access.shell.error ?? (contests.data === undefined ? contests.error : null) ?? existing.error;
  return (
    <View className="admin-wide">
      <PageShell
        title={id === '' ? '新建赛事' : '赛事设置'}
        {...access.shell}
        loading={loading}
        error={failed}
        onRetry={() => {
          if (access.shell.error) access.shell.onRetry?.();
          contests.reload();
          if (id !== '') existing.reload();
        }}
      >
        {draft ? (
          <ContestForm
            id={id}
            draft={draft}
            editions={editions}
            onChange={setEdited}
            onEditionsChanged={contests.reload}
            onSaved={existing.reload}
          />
        ) : null}
      </PageShell>
    </View>
  );
}

interface ContestFormProps {
  id: string;
  draft: ContestDraft;
  editions: Array<{ id: string; name: string; year: number }>;
  onChange: (draft: ContestDraft) => void;
  onEditionsChanged: () => void;
  onSaved: () => void;
}

function ContestForm({ id, draft, editions, onChange, onEditionsChanged, onSaved }: ContestFormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const request = useRequestId();

  const set = <K extends keyof ContestDraft>(key: K, value: ContestDraft[K]) => {
    setSaved(null);
    onChange({ ...draft, [key]: value });
  };
  const setStage = (key: StageKey, patch: Partial<StageDraft>) =>
    set('stages', { ...draft.stages, [key]: { ...draft.stages[key], ...patch } });
  const setAward = (group: Group, prize: Prize, patch: Partial<AwardDraft>) =>
    set('awards', {
      ...draft.awards,
      [group]: { ...draft.awards[group], [prize]: { ...draft.awards[group][prize], ...patch } },
    });
  const toggleGroup = (group: Group, on: boolean) =>
    set(
      'groups',
      GROUPS.filter((g) => (g === group ? on : draft.groups.includes(g))),
    );

  const save = async () => {
    if (saving) return;
    setSaved(null);
    setServerError(null);
    const checked = checkDraft(draft, id || undefined);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    // A create whose answer was lost must not make a second contest when 保存 is pressed again.
    const requestId = request.idFor(JSON.stringify(checked.input));
    setSaving(true);
    try {
      const result = await callCloud('admin.contest.upsert', checked.input, { requestId });
      request.settle();
      emitAdminEvent(AdminEvent.contestsChanged);
      if (id === '') {
        void Taro.showToast({ title: '赛事已创建', icon: 'success' });
        void Taro.redirectTo({ url: `/admin/pages/contest/index?id=${encodeURIComponent(result.id)}` });
        return;
      }
      setSaved('已保存');
      onSaved();
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      if (failure.code === 'INVALID_INPUT' && failure.details) {
        const mapped: FieldErrors = {};
        for (const [path, message] of Object.entries(failure.details)) {
          if (typeof message === 'string') mapped[formKey(path, checked.input)] ??= message;
        }
        setErrors(inFormOrder(mapped));
      }
      setServerError(failure.message);
    } finally {
      setSaving(false);
    }
  };

  const editionChoices = editions.map((e) => ({ value: e.id, label: `${e.name}（${e.year}）` }));
  const errorCount = Object.keys(errors).length;
  return (
    <View className="contest-form">
      <View className="card">
        <Text className="card__title">基本信息</Text>
        <FormRow label="赛事名称" name="name" errors={errors}>
          <Input
            className="contest-name-input admin-input"
            value={draft.name}
            maxlength={60}
            placeholder="例如：2025年“创客中国”上海市中小企业创新创业大赛"
            onInput={(e) => set('name', e.detail.value)}
          />
        </FormRow>
        <FormRow label="赛事类型" name="kind" errors={errors}>
          <ChoiceSelect
            className="contest-kind"
            label=""
            value={draft.kind}
            options={kindChoices}
            onChange={(v) => v && set('kind', v)}
          />
        </FormRow>
        <FormRow label="届次" name="editionId" errors={errors}>
          <ChoiceSelect
            className="contest-edition"
            label=""
            placeholder="请选择届次"
            value={draft.editionId || undefined}
            options={editionChoices}
            onChange={(v) => set('editionId', v ?? '')}
          />
          <NewEdition
            onCreated={(editionId) => {
              onEditionsChanged();
              set('editionId', editionId);
            }}
          />
        </FormRow>
        <FormRow label="举办地区" name="hostRegion" errors={errors}>
          <Input
            className="contest-host-region admin-input"
            value={draft.hostRegion}
            maxlength={20}
            placeholder="例如：上海市"
            onInput={(e) => set('hostRegion', e.detail.value)}
          />
        </FormRow>
        <FormRow label="主办单位" name="hosts" errors={errors}>
          <TagEditor
            className="contest-hosts"
            values={draft.hosts}
            maxLength={60}
            placeholder="输入单位名称后添加"
            onChange={(v) => set('hosts', v)}
          />
        </FormRow>
        <FormRow label="承办单位" name="organizers" errors={errors}>
          <TagEditor
            className="contest-organizers"
            values={draft.organizers}
            maxLength={60}
            placeholder="输入单位名称后添加"
            onChange={(v) => set('organizers', v)}
          />
        </FormRow>
      </View>

      <View className="card">
        <Text className="card__title">组别与分组</Text>
        <FormRow label="参赛组别" name="groups" errors={errors}>
          <View className="contest-form__checks">
            {GROUPS.map((g) => (
              <CheckRow
                key={g}
                className={`contest-group-${g}`}
                checked={draft.groups.includes(g)}
                label={groupLabels[g]}
                onChange={(on) => toggleGroup(g, on)}
              />
            ))}
          </View>
        </FormRow>
        <FormRow label="行业领域" name="fields" errors={errors}>
          <TagEditor
            className="contest-fields"
            values={draft.fields}
            maxLength={20}
            placeholder="如：新一代信息技术（可用顿号分隔多个）"
            onChange={(v) => set('fields', v)}
          />
        </FormRow>
        <FormRow label="区" name="districts" errors={errors} hint="复赛按区和行业领域分组；专题赛可以不设">
          <TagEditor
            className="contest-districts"
            values={draft.districts}
            maxLength={20}
            placeholder="如：浦东新区、徐汇区"
            onChange={(v) => set('districts', v)}
          />
        </FormRow>
      </View>

      <View className="card">
        <Text className="card__title">报名时间（北京时间）</Text>
        <FormRow label="开始" name="registration.opensAt" errors={errors}>
          <View className="contest-form__when">
            <DateTimeField
              className="contest-opens-date"
              mode="date"
              value={draft.opensOn}
              placeholder="选择日期"
              onChange={(v) => set('opensOn', v)}
            />
            <DateTimeField
              className="contest-opens-time"
              mode="time"
              value={draft.opensTime}
              placeholder="选择时间"
              onChange={(v) => set('opensTime', v)}
            />
          </View>
        </FormRow>
        <FormRow
          label="截止"
          name="registration.closesAt"
          errors={errors}
          hint="截止到所选这一分钟结束，如 23:59 即 23:59:59 截止"
        >
          <View className="contest-form__when">
            <DateTimeField
              className="contest-closes-date"
              mode="date"
              value={draft.closesOn}
              placeholder="选择日期"
              onChange={(v) => set('closesOn', v)}
            />
            <DateTimeField
              className="contest-closes-time"
              mode="time"
              value={draft.closesTime}
              placeholder="选择时间"
              onChange={(v) => set('closesTime', v)}
            />
          </View>
        </FormRow>
      </View>

      <View className="card">
        <Text className="card__title">赛程</Text>
        <FieldError errors={errors} name="stages" />
        {STAGE_KEYS.map((key) => {
          const stage = draft.stages[key];
          const base = `contest-stage-${key}`;
          return (
            <View key={key} className={`contest-stage-edit ${base}`}>
              <CheckRow
                className={`${base}-enabled`}
                checked={stage.enabled}
                label={stageLabels[key]}
                onChange={(on) => setStage(key, { enabled: on })}
              />
              {stage.enabled ? (
                <View className="contest-stage-edit__body">
                  <FormRow label="比赛形式" name={`stages.${key}.format`} errors={errors}>
                    <Input
                      className={`${base}-format admin-input`}
                      value={stage.format}
                      maxlength={40}
                      onInput={(e) => setStage(key, { format: e.detail.value })}
                    />
                  </FormRow>
                  <FormRow label="日期" name={`stages.${key}.startsOn`} errors={errors}>
                    <View className="contest-form__when">
                      <DateTimeField
                        className={`${base}-starts`}
                        mode="date"
                        value={stage.startsOn}
                        placeholder="开始日期"
                        onChange={(v) => setStage(key, { startsOn: v })}
                      />
                      <Text className="muted">至</Text>
                      <DateTimeField
                        className={`${base}-ends`}
                        mode="date"
                        value={stage.endsOn}
                        placeholder="结束日期"
                        onChange={(v) => setStage(key, { endsOn: v })}
                      />
                    </View>
                    <FieldError errors={errors} name={`stages.${key}.endsOn`} />
                  </FormRow>
                  <FormRow label="说明" name={`stages.${key}.note`} errors={errors}>
                    <Input
                      className={`${base}-note admin-input`}
                      value={stage.note}
                      maxlength={200}
                      placeholder="选填"
                      onInput={(e) => setStage(key, { note: e.detail.value })}
                    />
                  </FormRow>
                </View>
              ) : null}
            </View>
          );
        })}
      </View>

      <View className="card">
        <Text className="card__title">赛事规则</Text>
        <Textarea
          className="contest-rules admin-textarea"
          value={draft.rules}
          maxlength={5000}
          placeholder="赛程、奖项、推荐、参赛要求等，显示给参赛者"
          onInput={(e) => set('rules', e.detail.value)}
        />
        <FieldError errors={errors} name="rules" />
      </View>

      <View className="card">
        <Text className="card__title">奖项设置</Text>
        <View className="muted">名额留空表示不设该奖项；勾选「若干」表示名额由组委会另定。</View>
        {draft.groups.length === 0 ? <View className="muted">请先选择参赛组别</View> : null}
        {draft.groups.map((group) => (
          <View key={group} className={`contest-awards contest-awards-${group}`}>
            <Text className="contest-awards__group">{groupLabels[group]}</Text>
            {PRIZES.map((prize) => {
              const award = draft.awards[group][prize];
              const base = `contest-award-${group}-${prize}`;
              return (
                <View key={prize} className="contest-award">
                  <Text className="contest-award__label">{prizeLabels[prize]}</Text>
                  <Input
                    className={`${base} admin-input contest-award__count`}
                    type="number"
                    value={award.several ? '' : award.count}
                    disabled={award.several}
                    placeholder={award.several ? '若干' : '不设'}
                    onInput={(e) => setAward(group, prize, { count: e.detail.value })}
                  />
                  <Text className="muted">名</Text>
                  <CheckRow
                    className={`${base}-several`}
                    checked={award.several}
                    label="若干"
                    onChange={(on) => setAward(group, prize, { several: on })}
                  />
                  <FieldError errors={errors} name={`awards.${group}.${prize}`} />
                </View>
              );
            })}
            <FieldError errors={errors} name={`awards.${group}`} />
          </View>
        ))}
      </View>

      <View className="contest-form__footer">
        {errorCount > 0 ? (
          <View className="contest-errors admin-error">
            有 {errorCount} 处需要修改：
            {Object.values(errors)
              .slice(0, 5)
              .map((message, i) => (
                <View key={i}>· {message}</View>
              ))}
          </View>
        ) : null}
        {serverError ? <View className="contest-server-error admin-error">{serverError}</View> : null}
        {saved ? <View className="contest-saved muted">{saved}</View> : null}
        <Button className="contest-save admin-btn admin-btn--primary" disabled={saving} onClick={() => void save()}>
          {saving ? '正在保存…' : id === '' ? '创建赛事' : '保存设置'}
        </Button>
      </View>
    </View>
  );
}

/** 新建届次: a name and a year; the new edition is chosen for this contest. */
function NewEdition({ onCreated }: { onCreated: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <Text className="edition-new admin-link" onClick={() => setOpen(true)}>
        新建届次
      </Text>
    );
  }
  const create = async () => {
    if (busy) return;
    const checked = validate(editionInput, { name, year: year.trim() === '' ? undefined : Number(year) });
    if (!checked.ok) {
      setError(checked.errors.name ?? checked.errors.year ?? Object.values(checked.errors)[0] ?? '请检查届次信息');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await callCloud('admin.edition.upsert', checked.value);
      setOpen(false);
      setName('');
      onCreated(result.id);
    } catch (caught) {
      setError(toCloudError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="edition-form">
      <Input
        className="edition-name admin-input"
        value={name}
        maxlength={40}
        placeholder="届次名称，如：第十届"
        onInput={(e) => setName(e.detail.value)}
      />
      <Input
        className="edition-year admin-input"
        type="number"
        value={year}
        maxlength={4}
        placeholder="年份"
        onInput={(e) => setYear(e.detail.value)}
      />
      <Button
        className="edition-create admin-btn admin-btn--primary"
        size="mini"
        disabled={busy}
        onClick={() => void create()}
      >
        {busy ? '正在创建…' : '创建'}
      </Button>
      <Button className="edition-cancel admin-btn" size="mini" disabled={busy} onClick={() => setOpen(false)}>
        取消
      </Button>
      {error ? <View className="edition-error field-error">{error}</View> : null}
    </View>
  );
}
