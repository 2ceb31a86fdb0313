/**
 * The judge's profile fields, shared by 评委绑定 and 我的资料: 姓名, 工作单位, 职称或职务, 擅长领域 (chips
 * from the contest's fields), 回避单位 (names, and optionally 统一社会信用代码, one per line).
 */
import { Button, Text, View } from '@tarojs/components';
import { FormField, TextInput } from '../../../components/FormField';
import type { ProfileErrors, ProfileValues } from '../../lib/profile-form';
import './index.scss';

const LINES_MAX = 20;

export interface ProfileFormProps {
  values: ProfileValues;
  /** The contest's industry fields. */
  fields: readonly string[];
  errors: ProfileErrors;
  disabled?: boolean;
  /** What declaring a conflict does, shown under 回避单位. */
  conflictsNote: string;
  onChange: (next: ProfileValues, fields: readonly string[]) => void;
  onBlur: (field: string) => void;
}

export function ProfileForm({ values, fields, errors, disabled, conflictsNote, onChange, onBlur }: ProfileFormProps) {
  const text = (name: 'name' | 'organization' | 'title', label: string, maxlength: number, placeholder: string) => (
    <FormField name={name} label={label} required error={errors[name]}>
      <TextInput
        value={values[name]}
        maxlength={maxlength}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(value) => onChange({ ...values, [name]: value }, [name])}
        onBlur={() => onBlur(name)}
      />
    </FormField>
  );
  // A chosen field the contest no longer lists stays visible, so it can be taken off.
  const options = [...fields, ...values.expertise.filter((f) => !fields.includes(f))];
  const toggle = (field: string) => {
    if (disabled) return;
    const expertise = values.expertise.includes(field)
      ? values.expertise.filter((f) => f !== field)
      : [...values.expertise, field];
    onChange({ ...values, expertise }, ['expertise']);
    onBlur('expertise');
  };
  return (
    <View className="profile-form">
      {text('name', '姓名', 20, '您的姓名')}
      {text('organization', '工作单位', 60, '如：上海交通大学')}
      {text('title', '职称或职务', 30, '如：教授、投资总监')}
      <FormField
        name="expertise"
        label="擅长领域"
        required
        error={errors.expertise}
        hint="可多选，用于优先分配相关领域的项目"
      >
        <View className="expertise-chips">
          {options.map((field) => {
            const on = values.expertise.includes(field);
            return (
              <Text
                key={field}
                className={`expertise-chip${on ? ' expertise-chip--on' : ''}`}
                data-value={field}
                onClick={() => toggle(field)}
              >
                {on ? `✓ ${field}` : field}
              </Text>
            );
          })}
        </View>
      </FormField>
      <FormField
        name="conflictNames"
        label="回避单位"
        error={errors.conflictNames}
        hint={<Text className="conflicts-note">{conflictsNote}</Text>}
      >
        <Lines
          kind="name"
          lines={values.conflictNames}
          errors={errors}
          errorKey="conflictNames"
          placeholder="单位名称，如：上海某某科技有限公司"
          maxlength={60}
          addText="添加回避单位"
          disabled={disabled}
          onChange={(conflictNames) => onChange({ ...values, conflictNames }, ['conflictNames'])}
          onBlur={() => onBlur('conflictNames')}
        />
      </FormField>
      <FormField
        name="conflictCodes"
        label="回避单位的统一社会信用代码（选填）"
        error={errors.conflictCodes}
        hint="填写代码可避免单位名称写法不同造成遗漏"
      >
        <Lines
          kind="code"
          lines={values.conflictCodes}
          errors={errors}
          errorKey="conflictCodes"
          placeholder="18 位统一社会信用代码"
          maxlength={24}
          addText="添加统一社会信用代码"
          disabled={disabled}
          onChange={(conflictCodes) => onChange({ ...values, conflictCodes }, ['conflictCodes'])}
          onBlur={() => onBlur('conflictCodes')}
        />
      </FormField>
    </View>
  );
}

function Lines(props: {
  kind: 'name' | 'code';
  lines: string[];
  errors: ProfileErrors;
  errorKey: string;
  placeholder: string;
  maxlength: number;
  addText: string;
  disabled?: boolean;
  onChange: (lines: string[]) => void;
  onBlur: () => void;
}) {
  const { kind, lines, errors, errorKey, disabled, onChange } = props;
  return (
    <View className={`conflict-lines conflict-lines--${kind}`}>
      {lines.map((line, index) => {
        const error = errors[`${errorKey}.${index}`];
        return (
          <View
            key={index}
            className={`conflict-${kind}-row conflict-row${error ? ' form-field--error' : ''}`}
            data-index={index}
          >
            <View className="conflict-row__input">
              <TextInput
                value={line}
                maxlength={props.maxlength}
                placeholder={props.placeholder}
                disabled={disabled}
                onChange={(value) => onChange(lines.map((l, i) => (i === index ? value : l)))}
                onBlur={props.onBlur}
              />
              {error ? <View className="field-error">{error}</View> : null}
            </View>
            <Text
              className={`conflict-${kind}-remove conflict-row__remove`}
              onClick={() => !disabled && onChange(lines.filter((_, i) => i !== index))}
            >
              删除
            </Text>
          </View>
        );
      })}
      {lines.length < LINES_MAX ? (
        <Button
          className={`conflict-${kind}-add conflict-add`}
          size="mini"
          disabled={disabled || undefined}
          onClick={() => onChange([...lines, ''])}
        >
          {props.addText}
        </Button>
      ) : (
        <View className="muted">最多 {LINES_MAX} 个</View>
      )}
    </View>
  );
}

export default ProfileForm;
