/**
 * 评分差异提醒 (optional): how far a score or a judge may stray before the board flags it; an empty box follows
 * the rubric's full marks (20% / 10%), which the placeholders show.
 */
import { Input, Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import { FormRow } from '../../../components/FormRow';
import type { RoundDraft } from '../../../lib/round-form';
import type { UpdateDraft } from './useRoundDraft';

export function ThresholdSettings(props: {
  draft: RoundDraft;
  errors: FieldErrors;
  /** The server's defaults for the rubric as it stands. */
  byDefault: { scoreGap: number; judgeBias: number };
  update: UpdateDraft;
}) {
  const { draft, errors, byDefault, update } = props;
  return (
    <View className="card">
      <Text className="card__title">评分差异提醒（选填）</Text>
      <View className="muted round-help">
        看板会标出偏离较大的评分和评委，供组委会核实；不会自动修改分数。留空按默认值。
      </View>
      <FormRow label="单个评分" name="scoreGapPoints" errors={errors} hint="与该项目各评分的中位数相差超过此分数时提醒">
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
  );
}
