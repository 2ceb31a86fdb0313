/** 赛事规则 and 奖项设置: the rules text entrants read, and the places per prize of each group. */
import { Input, Text, Textarea, View } from '@tarojs/components';
import { groupLabels, prizeLabels, type Group, type Prize } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import { CheckRow } from '../../../components/CheckRow';
import { FieldError } from '../../../components/FormRow';
import { PRIZES, type AwardDraft, type ContestDraft, type SetDraft } from '../contest-form';

interface CardProps {
  draft: ContestDraft;
  errors: FieldErrors;
  set: SetDraft;
}

export function RulesCard({ draft, errors, set }: CardProps) {
  return (
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
  );
}

export function AwardsCard({ draft, errors, set }: CardProps) {
  const setAward = (group: Group, prize: Prize, patch: Partial<AwardDraft>) =>
    set('awards', {
      ...draft.awards,
      [group]: { ...draft.awards[group], [prize]: { ...draft.awards[group][prize], ...patch } },
    });
  return (
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
  );
}
