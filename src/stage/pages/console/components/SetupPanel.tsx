/**
 * 出场设置 of one group or one 场次 of it (its name and finalists first): the panel (chosen from the judges bound to the contest, numbered 评委 1…n in the order
 * chosen), the timer plan, 首位选手延后评分 and how the reveal names the judges; saved with `admin.live.upsert`
 * (the first save makes the show). Locked once a contestant has taken the stage.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { Group } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import type { JudgeLabels } from '@core/live/types';
import type { LiveConsoleView } from '@core/live/views';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../../hooks/useCloudQuery';
import { CheckRow } from '../../../../admin/components/CheckRow';
import { FormFooter } from '../../../../admin/components/FormFooter';
import { FormRow } from '../../../../admin/components/FormRow';
import { failureText } from '../../../../admin/lib/judging';
import { checkSetup, moveItem, setupDraftOf, setupErrorsOf, type SetupDraft } from './live-rules';

export interface Candidate {
  key: string;
  name: string;
  organization: string;
}

const labelChoices: Array<{ value: JudgeLabels; label: string; help: string }> = [
  { value: 'numbered', label: '评委 1…n', help: '亮分时大屏按编号显示评委，不显示姓名' },
  { value: 'named', label: '显示姓名', help: '亮分时大屏显示每位评委的姓名' },
];

function JudgePicker(props: {
  chosen: string[];
  candidates: Candidate[];
  stored: LiveConsoleView['judges'];
  disabled: boolean;
  onChange: (judges: string[]) => void;
}) {
  const { chosen, candidates, stored, disabled, onChange } = props;
  const nameOf = (key: string) =>
    candidates.find((c) => c.key === key) ?? {
      key,
      name: stored.find((j) => j.key === key)?.name ?? '（已解绑的评委）',
      organization: '',
    };
  const free = candidates.filter((c) => !chosen.includes(c.key));
  return (
    <View className="live-judges">
      {chosen.length === 0 ? <View className="muted live-judges__empty">尚未选择评委</View> : null}
      {chosen.map((key, i) => {
        const judge = nameOf(key);
        return (
          <View key={key} className="live-judge live-judge--chosen" data-key={key}>
            <Text className="live-judge__number">评委 {i + 1}</Text>
            <View className="live-judge__names">
              <Text className="live-judge__name">{judge.name}</Text>
              {judge.organization ? <Text className="live-judge__org muted">{judge.organization}</Text> : null}
            </View>
            {!disabled ? (
              <View className="live-judge__actions">
                <Text
                  className={`live-judge-up live-icon-button${i === 0 ? ' live-icon-button--off' : ''}`}
                  onClick={() => onChange(moveItem(chosen, i, -1))}
                >
                  ↑
                </Text>
                <Text
                  className={`live-judge-down live-icon-button${i === chosen.length - 1 ? ' live-icon-button--off' : ''}`}
                  onClick={() => onChange(moveItem(chosen, i, 1))}
                >
                  ↓
                </Text>
                <Text
                  className="live-judge-remove admin-link"
                  onClick={() => onChange(chosen.filter((k) => k !== key))}
                >
                  移除
                </Text>
              </View>
            ) : null}
          </View>
        );
      })}
      {!disabled && free.length > 0 ? (
        <View className="live-judges__free">
          <Text className="live-subtitle">可选评委（本赛事已绑定）</Text>
          {free.map((judge) => (
            <View
              key={judge.key}
              className="live-judge live-judge--free"
              data-key={judge.key}
              onClick={() => onChange([...chosen, judge.key])}
            >
              <View className="live-judge__names">
                <Text className="live-judge__name">{judge.name}</Text>
                {judge.organization ? <Text className="live-judge__org muted">{judge.organization}</Text> : null}
              </View>
              <Text className="live-judge-add admin-link">+ 加入</Text>
            </View>
          ))}
        </View>
      ) : null}
      {!disabled && candidates.length === 0 ? (
        <View className="admin-note">本赛事还没有绑定的评委，请先在「评委管理」生成邀请码。</View>
      ) : null}
    </View>
  );
}

/**
 * A 场次's finalists, from the group's (`admin.live.finalists`): the ones another show of the group holds are
 * shown, named by their session, and cannot be chosen.
 */
function SessionEntries(props: {
  roundId: string;
  group: Group;
  liveId: string;
  chosen: string[];
  locked: boolean;
  errors: FieldErrors;
  onChange: (entryIds: string[]) => void;
}) {
  const { chosen, locked, onChange } = props;
  const list = useCloudQuery('admin.live.finalists', { roundId: props.roundId, group: props.group });
  const finalists = list.data?.finalists ?? [];
  const free = finalists.filter((f) => f.liveId === null || f.liveId === props.liveId).length;
  return (
    <FormRow
      label="本场次项目"
      name="session.entryIds"
      errors={props.errors}
      hint={`本组共 ${finalists.length} 个决赛项目，每个项目只能在一个场次；可选 ${free} 个`}
    >
      {list.error ? (
        <View className="live-finalists-error admin-error">
          {list.error.message}
          <Text className="admin-link" onClick={list.reload}>
            {' '}
            重试
          </Text>
        </View>
      ) : null}
      {list.data === undefined && list.loading ? <View className="muted">正在读取决赛项目…</View> : null}
      <View className="live-finalists">
        {finalists.map((f) => {
          const elsewhere = f.liveId !== null && f.liveId !== props.liveId;
          return (
            <View key={f.entryId} className="live-finalist" data-entry-id={f.entryId}>
              <CheckRow
                className="live-finalist-check"
                checked={chosen.includes(f.entryId)}
                disabled={locked || elsewhere}
                label={`${f.projectName}（${f.orgName}）`}
                onChange={(on) => onChange(on ? [...chosen, f.entryId] : chosen.filter((id) => id !== f.entryId))}
              />
              {elsewhere ? (
                <Text className="live-finalist__where muted">
                  已在{f.sessionName ? `「${f.sessionName}」` : '整组决赛'}
                </Text>
              ) : null}
            </View>
          );
        })}
      </View>
    </FormRow>
  );
}

/** 路演 / 答辩 minutes: one input, named for the phase so forms and tests find it. */
function MinutesRow(props: {
  kind: 'pitch' | 'qa';
  label: string;
  value: string;
  locked: boolean;
  errors: FieldErrors;
  onInput: (value: string) => void;
}) {
  const { kind, label, value, locked, errors, onInput } = props;
  return (
    <FormRow label={label} name={`settings.${kind}Minutes`} errors={errors}>
      <View className="live-inline">
        <Input
          className={`live-${kind}-minutes admin-input live-number`}
          type="number"
          value={value}
          maxlength={2}
          disabled={locked || undefined}
          onInput={(e) => onInput(e.detail.value)}
        />
        <Text className="muted">分钟</Text>
      </View>
    </FormRow>
  );
}

export function SetupPanel(props: {
  roundId: string;
  group: Group;
  liveId: string;
  /** The 场次's key, when this show is one session of the group. */
  session: string | null;
  view: LiveConsoleView | null;
  candidates: Candidate[];
  /** A contestant has taken the stage, or the notary signed off. */
  locked: boolean;
  onSaved: (view: LiveConsoleView) => void;
}) {
  const { roundId, group, session, view, candidates, locked, onSaved } = props;
  const [edited, setEdited] = useState<SetupDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const upsert = useCloudAction('admin.live.upsert');
  const draft = edited ?? setupDraftOf(view, session);

  const update = (patch: Partial<SetupDraft>, ...keys: string[]) => {
    setSaved(null);
    setEdited({ ...draft, ...patch });
    if (keys.some((k) => errors[k])) {
      const next = { ...errors };
      for (const k of keys) delete next[k];
      setErrors(next);
    }
  };

  const save = async () => {
    if (upsert.busy || locked) return;
    setSaved(null);
    upsert.reset();
    const checked = checkSetup(draft, roundId, group, session);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const answer = await upsert.run(checked.input);
    if (!answer) return;
    setEdited(null);
    setSaved(view ? '出场设置已保存' : `已创建本${session ? '场次' : '组'}现场决赛，请抽签或手动排序`);
    onSaved(answer.console);
  };
  // A refusal with field details goes beside the boxes (taken in by the render that shows it).
  const [seen, setSeen] = useState(upsert.error);
  if (upsert.error !== seen) {
    setSeen(upsert.error);
    if (upsert.error?.code === 'INVALID_INPUT') setErrors(setupErrorsOf(upsert.error));
  }

  return (
    <View className="live-setup card">
      <View className="admin-card-head">
        <Text className="card__title">出场设置</Text>
        {edited ? <Text className="admin-chip admin-chip--warn">有未保存的修改</Text> : null}
      </View>
      {locked ? (
        <View className="admin-note live-setup-locked">
          {view?.frozen ? '公证员已确认本组成绩，' : '已有选手上台，'}出场设置不能再修改。
        </View>
      ) : null}
      {session ? (
        <>
          <FormRow label="场次名称" name="session.name" errors={errors} hint="如 上午场、第一场，大屏和公证记录上显示">
            <Input
              className="live-session-name admin-input"
              value={draft.sessionName}
              maxlength={20}
              disabled={locked || undefined}
              onInput={(e) => update({ sessionName: e.detail.value }, 'session.name')}
            />
          </FormRow>
          <SessionEntries
            roundId={roundId}
            group={group}
            liveId={props.liveId}
            chosen={draft.entryIds}
            locked={locked}
            errors={errors}
            onChange={(entryIds) => update({ entryIds }, 'session.entryIds')}
          />
        </>
      ) : null}
      <FormRow
        label="评审团"
        name="judges"
        errors={errors}
        hint="按选择的先后编号为评委 1…n；有回避关系的评委不为该选手评分"
      >
        <JudgePicker
          chosen={draft.judges}
          candidates={candidates}
          stored={view?.judges ?? []}
          disabled={locked}
          onChange={(judges) => update({ judges }, 'judges')}
        />
      </FormRow>
      <MinutesRow
        kind="pitch"
        label="路演时长"
        value={draft.pitchMinutes}
        locked={locked}
        errors={errors}
        onInput={(value) => update({ pitchMinutes: value }, 'settings.pitchMinutes')}
      />
      <MinutesRow
        kind="qa"
        label="答辩时长"
        value={draft.qaMinutes}
        locked={locked}
        errors={errors}
        onInput={(value) => update({ qaMinutes: value }, 'settings.qaMinutes')}
      />
      <FormRow
        label="首位选手"
        name="settings.deferFirst"
        errors={errors}
        hint="开启后，第一位选手答辩结束先“暂缓评分”，待第二位选手答辩后再为其评分，避免首位选手因评委尚无参照而吃亏"
      >
        <CheckRow
          className="live-defer-first"
          checked={draft.deferFirst}
          disabled={locked}
          label="首位选手延后评分"
          onChange={(deferFirst) => update({ deferFirst }, 'settings.deferFirst')}
        />
      </FormRow>
      <FormRow label="评委显示" name="settings.judgeLabels" errors={errors}>
        <View className="live-choices">
          {labelChoices.map((choice) => (
            <Text
              key={choice.value}
              className={`live-choice live-labels-${choice.value}${draft.judgeLabels === choice.value ? ' live-choice--active' : ''}`}
              aria-pressed={draft.judgeLabels === choice.value ? 'true' : 'false'}
              onClick={() => !locked && update({ judgeLabels: choice.value }, 'settings.judgeLabels')}
            >
              {choice.label}
            </Text>
          ))}
        </View>
        <View className="muted live-help">{labelChoices.find((c) => c.value === draft.judgeLabels)?.help}</View>
      </FormRow>
      <FormFooter
        handle="live-setup"
        errors={errors}
        serverError={
          upsert.error && upsert.error.code !== 'INVALID_INPUT'
            ? failureText(upsert.error, '再次点击「保存」不会重复保存')
            : null
        }
        saved={saved}
      >
        <Button
          className="live-setup-save button button--primary"
          disabled={upsert.busy || locked || undefined}
          onClick={() => void save()}
        >
          {upsert.busy ? '正在保存…' : view ? '保存出场设置' : '创建并保存'}
        </Button>
      </FormFooter>
    </View>
  );
}
