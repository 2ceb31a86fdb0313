/** While the judges score: how many have (never what), a dot per awaited judge. */
import { Text, View } from '@tarojs/components';

export function ScoringProgress({ progress }: { progress: { scored: number; of: number } | null }) {
  if (progress === null) return null;
  const dots = Array.from({ length: Math.min(progress.of, 30) }, (_, i) => i < progress.scored);
  return (
    <View className="screen-progress">
      <Text className="screen-progress__label">评委评分中</Text>
      <Text className="screen-progress__count">
        已评 <Text className="screen-progress__scored">{progress.scored}</Text>
        <Text className="screen-progress__of"> / {progress.of}</Text>
      </Text>
      <View className="screen-progress__dots">
        {dots.map((done, i) => (
          <View key={i} className={`screen-dot${done ? ' screen-dot--done' : ''}`} />
        ))}
      </View>
    </View>
  );
}
