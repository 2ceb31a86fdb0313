/**
 * 评分表: a stepper per criterion of the rubric (0.5 steps, typed or tapped) and the comment, read-only when
 * not `editable`. Shared by 评分 (预赛 / 复赛) and 现场评分 (决赛); each page puts its own notes on top
 * (已恢复本机…, 本轮评分已截止, 评分已结束).
 */
import type { ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { Criterion, Rubric } from '@core/judging/types';
import { COMMENT_MAX, stepPoints, type SheetValues } from '../../lib/score-sheet';
import './index.scss';

export interface ScoreSheetProps {
  rubric: Rubric;
  values: SheetValues;
  errors: Record<string, string>;
  editable: boolean;
  /** Notes above the criteria. */
  notes?: ReactNode;
  className?: string;
  onPoint: (criterion: Criterion, text: string) => void;
  onComment: (comment: string) => void;
}

export function ScoreSheet(props: ScoreSheetProps) {
  const { rubric, values, errors, editable } = props;
  return (
    <View className={`score-sheet card${editable ? '' : ' score-sheet--readonly'} ${props.className ?? ''}`}>
      {props.notes}
      {rubric.criteria.map((criterion) => (
        <CriterionControl
          key={criterion.key}
          criterion={criterion}
          text={values.points[criterion.key] ?? ''}
          error={errors[`points.${criterion.key}`]}
          disabled={!editable}
          onChange={(text) => props.onPoint(criterion, text)}
        />
      ))}
      <View className={`score-comment-field${errors.comment ? ' form-field--error' : ''}`}>
        <View className="score-criterion__name">评语（选填）</View>
        <Textarea
          className="score-comment"
          value={values.comment}
          maxlength={COMMENT_MAX}
          placeholder={`对项目的评价与建议（不超过 ${COMMENT_MAX} 字）`}
          disabled={!editable || undefined}
          autoHeight
          onInput={(e) => props.onComment(e.detail.value)}
        />
        <View className="score-counter muted">
          {values.comment.length}/{COMMENT_MAX}
        </View>
        {errors.comment ? <View className="score-comment-error field-error">{errors.comment}</View> : null}
      </View>
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

export default ScoreSheet;
