/** 评分时间: when judges may score, typed as Beijing wall-clock days and minutes. */
import { Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import { DateTimeInputs } from '../../../components/DateTimeField';
import { FormRow } from '../../../components/FormRow';
import type { RoundDraft } from '../../../lib/round-form';
import type { UpdateDraft } from './useRoundDraft';

export function WindowSettings(props: { draft: RoundDraft; errors: FieldErrors; update: UpdateDraft }) {
  const { draft, errors, update } = props;
  return (
    <View className="card">
      <Text className="card__title">评分时间（北京时间）</Text>
      <FormRow label="开始" name="opensAt" errors={errors}>
        <DateTimeInputs
          hook="round-opens"
          date={draft.opensOn}
          time={draft.opensTime}
          onDate={(v) => update({ opensOn: v }, 'opensAt')}
          onTime={(v) => update({ opensTime: v }, 'opensAt')}
        />
      </FormRow>
      <FormRow label="截止" name="closesAt" errors={errors} hint="截止到所选这一分钟结束，如 23:59 即 23:59:59 截止">
        <DateTimeInputs
          hook="round-closes"
          date={draft.closesOn}
          time={draft.closesTime}
          onDate={(v) => update({ closesOn: v }, 'closesAt')}
          onTime={(v) => update({ closesTime: v }, 'closesAt')}
        />
      </FormRow>
    </View>
  );
}
