/**
 * 团队成员 of a maker entry: rows of name and role, each with its own message (`members.<i>.name`), added and
 * removed in place.
 */
import { Button, Text, View } from '@tarojs/components';
import { FormField, TextInput } from '../../../../components/FormField';
import { MEMBERS_MAX, type FormValues } from '../../../lib/registration-form';

export function MembersField(props: {
  members: FormValues['members'];
  errors: Record<string, string>;
  onChange: (members: FormValues['members'], fields: string[]) => void;
  onBlur: (field: string) => void;
}) {
  const { members, errors, onChange, onBlur } = props;
  const setMember = (index: number, key: 'name' | 'role', value: string) =>
    onChange(
      members.map((m, i) => (i === index ? { ...m, [key]: value } : m)),
      [`members.${index}.${key}`],
    );
  // Removing a row renumbers the ones after it, so their messages are recomputed too.
  const remove = (index: number) =>
    onChange(
      members.filter((_, i) => i !== index),
      ['members', ...members.flatMap((_, i) => [`members.${i}.name`, `members.${i}.role`])],
    );
  return (
    <FormField
      name="members"
      label={`团队成员（${members.length}/${MEMBERS_MAX}）`}
      error={errors.members}
      hint="负责人以外的成员，可不填"
    >
      {members.map((member, index) => (
        <View key={index} className={`member-row member-row-${index}`}>
          <View className="member-row__inputs">
            <View className={`member-name${errors[`members.${index}.name`] ? ' form-field--error' : ''}`}>
              <TextInput
                value={member.name}
                maxlength={20}
                placeholder="姓名"
                onChange={(value) => setMember(index, 'name', value)}
                onBlur={() => onBlur(`members.${index}.name`)}
              />
              {errors[`members.${index}.name`] ? (
                <View className="field-error">{errors[`members.${index}.name`]}</View>
              ) : null}
            </View>
            <View className={`member-role${errors[`members.${index}.role`] ? ' form-field--error' : ''}`}>
              <TextInput
                value={member.role}
                maxlength={20}
                placeholder="分工，如：技术负责人"
                onChange={(value) => setMember(index, 'role', value)}
                onBlur={() => onBlur(`members.${index}.role`)}
              />
              {errors[`members.${index}.role`] ? (
                <View className="field-error">{errors[`members.${index}.role`]}</View>
              ) : null}
            </View>
          </View>
          <Text className="member-remove link" onClick={() => remove(index)}>
            删除
          </Text>
        </View>
      ))}
      {members.length < MEMBERS_MAX ? (
        <Button className="member-add" size="mini" onClick={() => onChange([...members, { name: '', role: '' }], [])}>
          添加成员
        </Button>
      ) : (
        <View className="muted">团队成员最多 {MEMBERS_MAX} 人</View>
      )}
    </FormField>
  );
}
