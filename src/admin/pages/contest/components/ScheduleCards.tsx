/** 报名时间 (Beijing wall clock, to the minute) and 赛程: which stages the contest has, with their dates. */
import { Input, Text, View } from '@tarojs/components';
import { stageLabels, type StageKey } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import { CheckRow } from '../../../components/CheckRow';
import { DateTimeField, DateTimeInputs } from '../../../components/DateTimeField';
import { FieldError, FormRow } from '../../../components/FormRow';
import { STAGE_KEYS, type ContestDraft, type SetDraft, type StageDraft } from '../contest-form';

interface CardProps {
  draft: ContestDraft;
  errors: FieldErrors;
  set: SetDraft;
}

export function RegistrationCard({ draft, errors, set }: CardProps) {
  return (
    <View className="card">
      <Text className="card__title">报名时间（北京时间）</Text>
      <FormRow label="开始" name="registration.opensAt" errors={errors}>
        <DateTimeInputs
          hook="contest-opens"
          date={draft.opensOn}
          time={draft.opensTime}
          onDate={(v) => set('opensOn', v)}
          onTime={(v) => set('opensTime', v)}
        ></DateTimeInputs>
      </FormRow>
      <FormRow
        label="截止"
        name="registration.closesAt"
        errors={errors}
        hint="截止到所选这一分钟结束，如 23:59 即 23:59:59 截止"
      >
        <DateTimeInputs
          hook="contest-closes"
          date={draft.closesOn}
          time={draft.closesTime}
          onDate={(v) => set('closesOn', v)}
          onTime={(v) => set('closesTime', v)}
        ></DateTimeInputs>
      </FormRow>
    </View>
  );
}

export function StagesCard({ draft, errors, set }: CardProps) {
  const setStage = (key: StageKey, patch: Partial<StageDraft>) =>
    set('stages', { ...draft.stages, [key]: { ...draft.stages[key], ...patch } });
  return (
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
  );
}
