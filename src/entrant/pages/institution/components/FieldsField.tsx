/**
 * 关注领域: chips from the fields of contests open now, plus free tags typed in; a chosen free tag shows as a
 * chip that removes it when tapped.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { FormField, TextInput } from '../../../../components/FormField';
import { FIELDS_MAX } from '../useInstitutionForm';

export function FieldsField(props: {
  chosen: string[];
  options: string[];
  error: string | undefined;
  onToggle: (field: string) => void;
}) {
  const { chosen, options, onToggle } = props;
  const [tagDraft, setTagDraft] = useState('');
  const custom = chosen.filter((f) => !options.includes(f));
  const addTag = () => {
    const tag = tagDraft.trim();
    if (tag === '') return;
    setTagDraft('');
    if (!chosen.includes(tag)) onToggle(tag);
  };
  return (
    <FormField
      name="fields"
      label={`关注领域（${chosen.length}/${FIELDS_MAX}）`}
      required
      error={props.error}
      hint="可从开放报名赛事的行业领域中选择，也可以自己添加"
    >
      <View className="choice-chips">
        {options.map((field) => (
          <Text
            key={field}
            className={`field-option${chosen.includes(field) ? ' field-option--active' : ''}`}
            data-value={field}
            onClick={() => onToggle(field)}
          >
            {field}
          </Text>
        ))}
        {custom.map((tag) => (
          <Text key={tag} className="field-tag field-option--active" onClick={() => onToggle(tag)}>
            {tag} ×
          </Text>
        ))}
      </View>
      <View className="field-tag-row">
        <View className="field-tag-input">
          <TextInput value={tagDraft} maxlength={20} placeholder="其他领域，如：人工智能" onChange={setTagDraft} />
        </View>
        <Button className="field-tag-add" size="mini" onClick={addTag}>
          添加
        </Button>
      </View>
    </FormField>
  );
}
