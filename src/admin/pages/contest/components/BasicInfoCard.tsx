/** 基本信息 and 组别与分组: what the contest is, who runs it, and how entries are grouped. */
import { Input, Text, View } from '@tarojs/components';
import { contestKindLabels, groupLabels, type ContestKind, type Group } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import { CheckRow } from '../../../components/CheckRow';
import { ChoiceSelect, type Choice } from '../../../components/ChoiceSelect';
import { FormRow } from '../../../components/FormRow';
import { GROUPS, type ContestDraft, type SetDraft } from '../contest-form';
import { NewEdition } from './NewEdition';
import { TagEditor } from './TagEditor';

const kindChoices: Array<Choice<ContestKind>> = (['regional', 'thematic', 'overseas', 'final'] as const).map((k) => ({
  value: k,
  label: contestKindLabels[k],
}));

export interface BasicInfoProps {
  draft: ContestDraft;
  errors: FieldErrors;
  set: SetDraft;
  editions: Array<{ id: string; name: string; year: number }>;
  onEditionsChanged: () => void;
}

export function BasicInfoCard({ draft, errors, set, editions, onEditionsChanged }: BasicInfoProps) {
  const editionChoices = editions.map((e) => ({ value: e.id, label: `${e.name}（${e.year}）` }));
  return (
    <View className="card">
      <Text className="card__title">基本信息</Text>
      <FormRow label="赛事名称" name="name" errors={errors}>
        <Input
          className="contest-name-input admin-input"
          value={draft.name}
          maxlength={60}
          placeholder="例如：2025年“创客中国”上海市中小企业创新创业大赛"
          onInput={(e) => set('name', e.detail.value)}
        />
      </FormRow>
      <FormRow label="赛事类型" name="kind" errors={errors}>
        <ChoiceSelect
          className="contest-kind"
          label=""
          value={draft.kind}
          options={kindChoices}
          onChange={(v) => v && set('kind', v)}
        />
      </FormRow>
      <FormRow label="届次" name="editionId" errors={errors}>
        <ChoiceSelect
          className="contest-edition"
          label=""
          placeholder="请选择届次"
          value={draft.editionId || undefined}
          options={editionChoices}
          onChange={(v) => set('editionId', v ?? '')}
        />
        <NewEdition
          onCreated={(editionId) => {
            onEditionsChanged();
            set('editionId', editionId);
          }}
        />
      </FormRow>
      <FormRow label="举办地区" name="hostRegion" errors={errors}>
        <Input
          className="contest-host-region admin-input"
          value={draft.hostRegion}
          maxlength={20}
          placeholder="例如：上海市"
          onInput={(e) => set('hostRegion', e.detail.value)}
        />
      </FormRow>
      <FormRow label="主办单位" name="hosts" errors={errors}>
        <TagEditor
          className="contest-hosts"
          values={draft.hosts}
          maxLength={60}
          placeholder="输入单位名称后添加"
          onChange={(v) => set('hosts', v)}
        />
      </FormRow>
      <FormRow label="承办单位" name="organizers" errors={errors}>
        <TagEditor
          className="contest-organizers"
          values={draft.organizers}
          maxLength={60}
          placeholder="输入单位名称后添加"
          onChange={(v) => set('organizers', v)}
        />
      </FormRow>
    </View>
  );
}

export function GroupsCard({ draft, errors, set }: { draft: ContestDraft; errors: FieldErrors; set: SetDraft }) {
  const toggleGroup = (group: Group, on: boolean) =>
    set(
      'groups',
      GROUPS.filter((g) => (g === group ? on : draft.groups.includes(g))),
    );
  return (
    <View className="card">
      <Text className="card__title">组别与分组</Text>
      <FormRow label="参赛组别" name="groups" errors={errors}>
        <View className="contest-form__checks">
          {GROUPS.map((g) => (
            <CheckRow
              key={g}
              className={`contest-group-${g}`}
              checked={draft.groups.includes(g)}
              label={groupLabels[g]}
              onChange={(on) => toggleGroup(g, on)}
            />
          ))}
        </View>
      </FormRow>
      <FormRow label="行业领域" name="fields" errors={errors}>
        <TagEditor
          className="contest-fields"
          values={draft.fields}
          maxLength={20}
          placeholder="如：新一代信息技术（可用顿号分隔多个）"
          onChange={(v) => set('fields', v)}
        />
      </FormRow>
      <FormRow label="区" name="districts" errors={errors} hint="复赛按区和行业领域分组；专题赛可以不设">
        <TagEditor
          className="contest-districts"
          values={draft.districts}
          maxLength={20}
          placeholder="如：浦东新区、徐汇区"
          onChange={(v) => set('districts', v)}
        />
      </FormRow>
    </View>
  );
}
