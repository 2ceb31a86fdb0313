/**
 * A drop-down choice that behaves the same on WeChat, phone browsers and desktops (Taro's Picker is a
 * touch wheel, awkward with a mouse). Tap the trigger, tap an option; `allLabel` adds an option that
 * clears the choice (全部…).
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceSelectProps<T extends string> {
  className: string;
  label: string;
  value: T | undefined;
  options: ReadonlyArray<Choice<T>>;
  /** Adds a first option meaning "no choice", e.g. 全部状态. */
  allLabel?: string;
  placeholder?: string;
  disabled?: boolean;
  onChange: (value: T | undefined) => void;
}

export function ChoiceSelect<T extends string>(props: ChoiceSelectProps<T>) {
  const { className, label, value, options, allLabel, placeholder, disabled, onChange } = props;
  const [open, setOpen] = useState(false);
  const current = options.find((o) => o.value === value);
  const shown = current?.label ?? (value === undefined ? (allLabel ?? placeholder ?? '请选择') : value);
  const pick = (next: T | undefined) => {
    setOpen(false);
    if (next !== value) onChange(next);
  };
  return (
    <View
      className={`choice-select ${className}${open ? ' choice-select--open' : ''}${disabled ? ' choice-select--disabled' : ''}`}
    >
      <View className="choice-select__trigger" onClick={() => !disabled && setOpen(!open)}>
        {label ? <Text className="choice-select__label">{label}</Text> : null}
        <Text className={`choice-select__value${current ? '' : ' choice-select__value--empty'}`}>{shown}</Text>
        <Text className="choice-select__arrow">{open ? '▴' : '▾'}</Text>
      </View>
      {open ? (
        <>
          <View className="choice-select__backdrop" onClick={() => setOpen(false)} />
          <View className="choice-select__panel">
            {allLabel !== undefined ? (
              <View
                className={`choice-option${value === undefined ? ' choice-option--active' : ''}`}
                data-value=""
                onClick={() => pick(undefined)}
              >
                {allLabel}
              </View>
            ) : null}
            {options.map((option) => (
              <View
                key={option.value}
                className={`choice-option${option.value === value ? ' choice-option--active' : ''}`}
                data-value={option.value}
                onClick={() => pick(option.value)}
              >
                {option.label}
              </View>
            ))}
            {options.length === 0 ? <View className="choice-select__none muted">没有可选项</View> : null}
          </View>
        </>
      ) : null}
    </View>
  );
}

export default ChoiceSelect;
