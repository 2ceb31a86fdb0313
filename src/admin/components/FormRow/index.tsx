/**
 * One labelled box of an admin form with its hint and the message of what is wrong with it (ours or
 * the server's INVALID_INPUT detail for the same key). Labels sit above on phones, left on desktops.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import './index.scss';

export function FormRow(props: {
  label: string;
  name: string;
  errors: FieldErrors;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <View className="form-row" data-for={props.name}>
      {props.label ? <Text className="form-row__label">{props.label}</Text> : null}
      <View className="form-row__control">
        {props.children}
        {props.hint ? <View className="form-row__hint muted">{props.hint}</View> : null}
        <FieldError errors={props.errors} name={props.name} />
      </View>
    </View>
  );
}

export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  const message = errors[name];
  return message ? (
    <View className="field-error" data-for={name}>
      {message}
    </View>
  ) : null;
}

export default FormRow;
