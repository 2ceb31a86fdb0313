/**
 * 评分表: a stepper per criterion of the round's rubric (0.5 steps, typed or tapped) and the comment; read-only
 * when the window is not open or the judge has recused.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { Criterion, Rubric } from '@core/judging/types';
import { formatShanghai } from '@core/time/shanghai';
import type { RoundWindow } from '@core/judging/round-window';
import { stepPoints, type SheetValues } from '../../../lib/score-sheet';
import { COMMENT_MAX } from '../useScoreSheet';

export function ScoreSheet(props: {
  rubric: Rubric;
  values: SheetValues;
  errors: Record<string, string>;
  editable: boolean;
  restored: boolean;
  recused: boolean;
  window: RoundWindow;
  opensAt: string;
  onPoint: (criterion: Criterion, text: string) => void;
  onComment: (comment: string) => void;
}) {
  const { rubric, values, errors, editable, recused, window } = props;
  return (
    <View className={`score-sheet card${editable ? '' : ' score-sheet--readonly'}`}>
      {props.restored ? <View className="score-restored note">已恢复本机上次未提交的评分</View> : null}
      {!recused && window === 'closed' ? <View className="note">本轮评分已截止，评分表只读</View> : null}
      {!recused && window === 'upcoming' ? (
        <View className="note">评分尚未开始，开始后才能打分（北京时间 {formatShanghai(props.opensAt)}）</View>
      ) : null}
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
          placeholder="对项目的评价与建议（不超过 500 字）"
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
