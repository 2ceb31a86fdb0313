/**
 * 身份证号码: once stored, only its mask comes back, so the field shows the mask with 重新填写 instead of an
 * empty box that would look unfilled.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { FormField } from '../../../../components/FormField';

export function IdNumberField(props: {
  masked: string | null;
  error: string | undefined;
  input: ReactNode;
  onReenter: () => void;
}) {
  return (
    <FormField
      name="idNumber"
      label="身份证号码"
      required
      error={props.error}
      hint="仅用于核验同一届是否重复报名：系统只保存加密摘要和掩码，不保存号码本身"
    >
      {props.masked ? (
        <View className="id-masked">
          <Text>已填写 </Text>
          <Text className="id-masked__value">{props.masked}</Text>
          <Text className="id-reenter link" onClick={props.onReenter}>
            重新填写
          </Text>
        </View>
      ) : (
        props.input
      )}
    </FormField>
  );
}
