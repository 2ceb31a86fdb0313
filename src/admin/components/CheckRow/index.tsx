/**
 * A labelled check box drawn the same on every platform (Taro's Checkbox keeps its own state on H5,
 * which fights a controlled form). Tapping anywhere on the row toggles it.
 * role=checkbox with aria-checked, for assistive tech.
 */
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface CheckRowProps {
  className: string;
  checked: boolean;
  label: string;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckRow({ className, checked, label, disabled, onChange }: CheckRowProps) {
  return (
    <View
      className={`check-row ${className}${checked ? ' check-row--on' : ''}${disabled ? ' check-row--disabled' : ''}`}
      role="checkbox"
      aria-checked={checked ? 'true' : 'false'}
      onClick={() => !disabled && onChange(!checked)}
    >
      <View className="check-row__box">{checked ? '✓' : ''}</View>
      <Text className="check-row__label">{label}</Text>
    </View>
  );
}

export default CheckRow;
