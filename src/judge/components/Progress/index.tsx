/** 已评 3/12 with a bar. Class hooks: progress (root, plus the caller's className), progress__text, progress-bar. */
import { Text, View } from '@tarojs/components';

export function Progress({ done, total, className }: { done: number; total: number; className?: string }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <View className={`progress ${className ?? ''}`}>
      <Text className="progress__text">
        已评 {done}/{total}
      </Text>
      <View className="progress-bar">
        <View className="progress-bar__fill" style={{ width: `${percent}%` }} />
      </View>
    </View>
  );
}

export default Progress;
