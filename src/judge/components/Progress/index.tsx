/** 已评 3/12 with a bar, for a round's card on 评审工作台 and the head of 我的评审任务. */
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
