/**
 * The head and foot of a long list shown a window at a time (useListWindow): where the window is, 显示前面的 and
 * 显示更多. `name` prefixes the classes (`<name>-window`, `<name>-back`, `<name>-more`).
 */
import { View } from '@tarojs/components';
import type { ListWindow } from '../../../hooks/useListWindow';

interface Props {
  name: string;
  win: ListWindow;
  total: number;
  /** The counting word: 位 for people, 个 for things. */
  unit: string;
}

export function WindowHead({ name, win, total, unit }: Props) {
  if (!win.hasBefore && !win.hasAfter) return null;
  return (
    <View className={`${name}-head admin-window-head`}>
      <View className={`${name}-window muted`}>
        第 {win.start + 1}–{win.end} {unit}，共 {total} {unit}
      </View>
      {win.hasBefore ? (
        <View className={`${name}-back admin-link admin-window-link`} onClick={win.back}>
          显示前面的
        </View>
      ) : null}
    </View>
  );
}

export function WindowFoot({ name, win, total, unit }: Props) {
  if (!win.hasAfter) return null;
  return (
    <View className={`${name}-more admin-link admin-window-link`} onClick={win.more}>
      显示更多（还有 {total - win.end} {unit}）
    </View>
  );
}
