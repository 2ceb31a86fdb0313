/** 汇总方式: how an entry's final score comes from its judges' totals, each way explained in plain words. */
import { Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import { AGGREGATIONS, aggregationLabels, type Aggregation } from '@core/judging/types';
import { FieldError } from '../../../components/FormRow';
import type { UpdateDraft } from './useRoundDraft';

/** Each aggregation in plain words, under its label. */
const aggregationHelp: Record<Aggregation, string> = {
  mean: '把每位评委给出的总分直接平均，最简单直观。',
  trimmed:
    '先去掉一个最高分和一个最低分再平均，减少个别评委打分偏高或偏低的影响；一个项目的评分少于 5 个时按算术平均。',
  normalized:
    '先看每个分数在该评委自己打分习惯中的位置（有的评委手松、有的手紧），再按本轮整体的平均分和分差换算回分数后平均。适合每位评委只评一部分项目的线上评审。',
};

export function AggregationChoice(props: { value: Aggregation; errors: FieldErrors; update: UpdateDraft }) {
  const { value, errors, update } = props;
  return (
    <View className="card">
      <Text className="card__title">汇总方式</Text>
      <View className="muted round-help">
        一个项目的最终得分怎样由各位评委的总分得出；并列时依次比较去极值均分、中位数、最重要评分项和上一轮得分。
      </View>
      <View className="round-aggregations">
        {AGGREGATIONS.map((a) => (
          <View
            key={a}
            className={`round-aggregation round-aggregation-${a}${value === a ? ' round-aggregation--active' : ''}`}
            role="radio"
            aria-checked={value === a ? 'true' : 'false'}
            onClick={() => update({ aggregation: a }, 'aggregation')}
          >
            <Text className="round-aggregation__label">{aggregationLabels[a]}</Text>
            <Text className="round-aggregation__help muted">{aggregationHelp[a]}</Text>
          </View>
        ))}
      </View>
      <FieldError errors={errors} name="aggregation" />
    </View>
  );
}
