/**
 * Form building blocks for the entrant's forms (报名, 服务机构入驻), the same on WeChat and in browsers
 * where it matters and native where that serves people better: choices and dates are WeChat's own
 * pickers in the mini-program and the browser's <select> / date input on H5 (a touch wheel is awkward
 * with a mouse, and native controls are what assistive tools and tests drive).
 */
import type { ReactNode } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import './index.scss';

// `disabled || undefined` throughout: Taro's H5 elements get disabled={false} as the attribute "false",
// which their styles read as disabled.

export interface FormFieldProps {
  name: string;
  label: string;
  required?: boolean;
  error?: string | null;
  hint?: ReactNode;
  /** Right of the label, e.g. a live character count. */
  aside?: ReactNode;
  children: ReactNode;
}

export function FormField({ name, label, required, error, hint, aside, children }: FormFieldProps) {
  return (
    <View className={`form-field form-field-${name}${error ? ' form-field--error' : ''}`}>
      <View className="form-field__head">
        <Text className="form-field__label">
          {label}
          {required ? <Text className="form-field__required">*</Text> : null}
        </Text>
        {aside}
      </View>
      {children}
      {hint ? <View className="form-field__hint">{hint}</View> : null}
      {error ? <View className="field-error">{error}</View> : null}
    </View>
  );
}

export interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  maxlength: number;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  disabled?: boolean;
}

export function TextInput({ value, onChange, onBlur, placeholder, maxlength, type, disabled }: TextInputProps) {
  return (
    <Input
      className="form-input"
      type={type ?? 'text'}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      disabled={disabled || undefined}
      onInput={(e) => onChange(e.detail.value)}
      onBlur={onBlur}
    />
  );
}

export interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  maxlength: number;
  disabled?: boolean;
}

export function TextArea({ value, onChange, onBlur, placeholder, maxlength, disabled }: TextAreaProps) {
  return (
    <Textarea
      className="form-input form-textarea"
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      disabled={disabled || undefined}
      autoHeight
      onInput={(e) => onChange(e.detail.value)}
      onBlur={onBlur}
    />
  );
}

/** `120/500`, turning red at the limit. */
export function Counter({ length, max }: { length: number; max: number }) {
  return <Text className={`form-counter${length >= max ? ' form-counter--full' : ''}`}>{`${length}/${max}`}</Text>;
}

export interface ChoiceInputProps {
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
}

export function ChoiceInput({ value, options, onChange, placeholder = '请选择', disabled }: ChoiceInputProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <select
        className={`form-input form-select${value === '' ? ' form-select--empty' : ''}`}
        value={value}
        disabled={disabled || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
        {/* A stored value the contest no longer offers stays visible until changed. */}
        {value !== '' && !options.includes(value) ? <option value={value}>{value}</option> : null}
      </select>
    );
  }
  const index = options.indexOf(value);
  return (
    <Picker
      mode="selector"
      range={[...options]}
      value={index < 0 ? 0 : index}
      disabled={disabled || undefined}
      onChange={(e) => {
        const chosen = options[Number(e.detail.value)];
        if (chosen !== undefined) onChange(chosen);
      }}
    >
      <View className={`form-input form-picker${value === '' ? ' form-picker--empty' : ''}`}>
        {value === '' ? placeholder : value}
      </View>
    </Picker>
  );
}

export interface DateInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Latest day allowed, YYYY-MM-DD. */
  end?: string;
  start?: string;
  placeholder?: string;
  disabled?: boolean;
}

export function DateInput({
  value,
  onChange,
  end,
  start = '1900-01-01',
  placeholder = '请选择日期',
  disabled,
}: DateInputProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input
        className={`form-input form-date${value === '' ? ' form-date--empty' : ''}`}
        type="date"
        value={value}
        min={start}
        max={end}
        disabled={disabled || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Picker
      mode="date"
      value={value || end || start}
      start={start}
      end={end}
      disabled={disabled || undefined}
      onChange={(e) => onChange(e.detail.value)}
    >
      <View className={`form-input form-picker${value === '' ? ' form-picker--empty' : ''}`}>
        {value === '' ? placeholder : value}
      </View>
    </Picker>
  );
}
