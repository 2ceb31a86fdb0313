/** 路演 / 答辩 countdown, huge; over time it turns red on white and says 超时. */
import { Text, View } from '@tarojs/components';
import type { LiveTimer } from '@core/live/types';
import { useCountdown } from '../../../lib/useCountdown';

const phaseLabels = { pitch: '路演计时', qa: '答辩计时' } as const;

export function Countdown({ timer }: { timer: LiveTimer | null }) {
  const shown = useCountdown(timer);
  if (timer === null || shown === null) return null;
  const paused = timer.runningSince === null;
  return (
    <View className={`screen-timer${shown.over ? ' screen-timer--over' : ''}${paused ? ' screen-timer--paused' : ''}`}>
      <Text className="screen-timer__label">
        {shown.over ? '超时' : phaseLabels[timer.phase]}
        {paused ? ' · 已暂停' : ''}
      </Text>
      <Text className="screen-timer__digits">{shown.text}</Text>
      {timer.extraMs > 0 ? (
        <Text className="screen-timer__extra">含加时 {Math.round(timer.extraMs / 1000)} 秒</Text>
      ) : null}
    </View>
  );
}
