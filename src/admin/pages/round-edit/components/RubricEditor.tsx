/**
 * 评分表: rows of 名称, 说明, 满分, 权重 that can be added, removed and reordered, with 满分合计 live. Once a score
 * exists (locked) the rows are read-only: what is shown and sent is the stored rubric.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import { FieldError } from '../../../components/FormRow';
import { CRITERIA_MAX, blankCriterion, moveCriterion, type CriterionDraft } from '../../../lib/round-form';

export interface RubricEditorProps {
  criteria: CriterionDraft[];
  total: { text: string; complete: boolean };
  locked: boolean;
  /** RUBRIC_LOCKED from the server: a first score arrived while the rubric was being edited. */
  lockedError: string | null;
  errors: FieldErrors;
  setCriterion: (index: number, patch: Partial<CriterionDraft>) => void;
  setCriteria: (criteria: CriterionDraft[]) => void;
}

export function RubricEditor(props: RubricEditorProps) {
  const { criteria, total, locked, lockedError, errors, setCriterion, setCriteria } = props;
  return (
    <View className="card round-rubric">
      <View className="admin-card-head">
        <Text className="card__title">评分表</Text>
        <Text className={`rubric-total${total.complete ? '' : ' rubric-total--partial'}`}>
          满分合计 {total.text} 分{total.complete ? '' : '（有未填好的满分或权重）'}
        </Text>
      </View>
      {locked ? <View className="rubric-locked admin-note">已有评分，评分表已锁定，不能增删或修改评分项。</View> : null}
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
                onClick={() => i > 0 && setCriteria(moveCriterion(criteria, i, -1))}
              >
                上移
              </Text>
              <Text
                className={`rubric-down admin-link${i === criteria.length - 1 ? ' rubric-action--off' : ''}`}
                onClick={() => i < criteria.length - 1 && setCriteria(moveCriterion(criteria, i, 1))}
              >
                下移
              </Text>
              <Text
                className={`rubric-remove admin-link${criteria.length <= 1 ? ' rubric-action--off' : ''}`}
                onClick={() => criteria.length > 1 && setCriteria(criteria.filter((_, j) => j !== i))}
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
          className="rubric-add button"
          size="mini"
          disabled={criteria.length >= CRITERIA_MAX}
          onClick={() => setCriteria([...criteria, blankCriterion(criteria)])}
        >
          添加评分项
        </Button>
      ) : null}
    </View>
  );
}
