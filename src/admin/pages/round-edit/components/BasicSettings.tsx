/**
 * 基本设置: the round's name, 评审方式 (with the entries per session for 分组评审; 现场评分 only for the final), judges
 * per entry, blind review.
 */
import { Input, Text, View } from '@tarojs/components';
import { stageLabels, type StageKey } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import { CheckRow } from '../../../components/CheckRow';
import { FormRow } from '../../../components/FormRow';
import { roundModeLabels, roundModesFor } from '../../../lib/judging';
import type { RoundDraft } from '../../../lib/round-form';
import type { UpdateDraft } from './useRoundDraft';

const modeHelp: Record<RoundDraft['mode'], string> = {
  online: '每个项目分配给若干位评委，评委在小程序中各自评分。',
  panels: '按区和行业领域把项目分成若干组，每组由同一批评委现场听取演示和答辩后评分。',
  live: '决赛现场路演和答辩：组委会在「现场决赛」控制台掌控出场顺序和计时，评委在手机上当场评分，大屏亮分。汇总方式请选算术平均或去掉最高最低分后平均。',
};

export function BasicSettings(props: {
  stage: StageKey;
  draft: RoundDraft;
  errors: FieldErrors;
  /** Judges are already assigned: a new number needs 重新分配. */
  assigned: boolean;
  update: UpdateDraft;
}) {
  const { stage, draft, errors, assigned, update } = props;
  return (
    <View className="card">
      <Text className="card__title">基本设置</Text>
      <FormRow label="轮次名称" name="name" errors={errors} hint={`留空则为「${stageLabels[stage]}评审」`}>
        <Input
          className="round-name-input admin-input"
          value={draft.name}
          maxlength={30}
          placeholder={`例如：${stageLabels[stage]}线上评审`}
          onInput={(e) => update({ name: e.detail.value }, 'name')}
        />
      </FormRow>
      <FormRow label="评审方式" name="mode" errors={errors}>
        <View className="round-choices">
          {roundModesFor(stage).map((mode) => (
            <Text
              key={mode}
              className={`round-choice round-mode-${mode}${draft.mode === mode ? ' round-choice--active' : ''}`}
              aria-pressed={draft.mode === mode ? 'true' : 'false'}
              onClick={() => update({ mode }, 'mode', 'panelCapacity', 'aggregation')}
            >
              {roundModeLabels[mode]}
            </Text>
          ))}
        </View>
        <View className="muted round-help">{modeHelp[draft.mode]}</View>
      </FormRow>
      {draft.mode === 'panels' ? (
        <FormRow label="每组项目数" name="panelCapacity" errors={errors} hint="每组最多这么多个项目，超出的分为多组">
          <Input
            className="round-capacity admin-input round-number"
            type="number"
            value={draft.panelCapacity}
            maxlength={3}
            onInput={(e) => update({ panelCapacity: e.detail.value }, 'panelCapacity')}
          />
        </FormRow>
      ) : null}
      <FormRow
        label="评委人数"
        name="judgesPerEntry"
        errors={errors}
        hint={
          draft.mode === 'live'
            ? '现场评分时，各组的评委在「现场决赛」页选择'
            : `${draft.mode === 'panels' ? '每组' : '每个项目'}的评委人数${
                assigned ? '；修改后请在看板重新分配评委：只会补齐，已有评分不会移动' : ''
              }`
        }
      >
        <View className="round-inline">
          <Input
            className="round-judges-per-entry admin-input round-number"
            type="number"
            value={draft.judgesPerEntry}
            maxlength={2}
            onInput={(e) => update({ judgesPerEntry: e.detail.value }, 'judgesPerEntry')}
          />
          <Text className="muted">位</Text>
        </View>
      </FormRow>
      <FormRow label="匿名评审" name="blind" errors={errors}>
        <CheckRow
          className="round-blind"
          checked={draft.blind}
          label="评委看不到企业名称和负责人，商业计划书文件名也会隐去"
          onChange={(blind) => update({ blind }, 'blind')}
        />
      </FormRow>
    </View>
  );
}
