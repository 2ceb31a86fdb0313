/**
 * The foot of an organizer's form: how many fields need fixing (and the first five messages), the server's
 * refusal, what was saved, and the form's buttons. `handle` names the parts for tests (`<handle>-errors` …).
 */
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';

export interface FormFooterProps {
  handle: string;
  errors: FieldErrors;
  serverError?: string | null;
  /** What was saved, e.g. 已发布，读者现在可以看到. */
  saved?: string | null;
  /** Extra notes above the buttons (e.g. 有未保存的修改). */
  notes?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function FormFooter(props: FormFooterProps) {
  const messages = Object.values(props.errors).filter((m): m is string => typeof m === 'string' && m !== '');
  return (
    <View className={`form-footer ${props.className ?? ''}`}>
      {messages.length > 0 ? (
        <View className={`${props.handle}-errors admin-error`}>
          有 {messages.length} 处需要修改：
          {messages.slice(0, 5).map((message, i) => (
            <View key={i}>· {message}</View>
          ))}
        </View>
      ) : null}
      {props.serverError ? (
        <View className={`${props.handle}-server-error admin-error`}>{props.serverError}</View>
      ) : null}
      {props.notes}
      {props.saved ? <View className={`${props.handle}-saved admin-done`}>{props.saved}</View> : null}
      {props.children}
    </View>
  );
}

export default FormFooter;
