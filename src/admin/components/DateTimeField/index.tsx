/**
 * A date or a time of day, Shanghai wall clock, as YYYY-MM-DD / HH:mm. On H5 the browser's own date and
 * time inputs (a calendar with the mouse, the system picker on phones); on WeChat the native Picker.
 */
import type { ReactNode } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import './index.scss';

export interface DateTimeFieldProps {
  className: string;
  mode: 'date' | 'time';
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}

export function DateTimeField({ className, mode, value, placeholder, onChange }: DateTimeFieldProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input
        className={`date-field ${className}`}
        type={mode}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const shown = <Text className={value ? '' : 'muted'}>{value || placeholder}</Text>;
  return mode === 'date' ? (
    <Picker mode="date" value={value} onChange={(e) => onChange(e.detail.value)}>
      <View className={`date-field ${className}`}>{shown}</View>
    </Picker>
  ) : (
    <Picker mode="time" value={value} onChange={(e) => onChange(e.detail.value)}>
      <View className={`date-field ${className}`}>{shown}</View>
    </Picker>
  );
}

/** A Beijing-time day and minute side by side (`<hook>-date`, `<hook>-time`), then whatever `children` add. */
export function DateTimeInputs(props: {
  hook: string;
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  children?: ReactNode;
}) {
  return (
    <View className="date-time-inputs">
      <DateTimeField
        className={`${props.hook}-date`}
        mode="date"
        value={props.date}
        placeholder="选择日期"
        onChange={props.onDate}
      />
      <DateTimeField
        className={`${props.hook}-time`}
        mode="time"
        value={props.time}
        placeholder="选择时间"
        onChange={props.onTime}
      />
      {props.children}
    </View>
  );
}

export default DateTimeField;
