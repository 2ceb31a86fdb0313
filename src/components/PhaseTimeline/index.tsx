/**
 * Where a contest stands: 报名 → 预赛 → 复赛 → 决赛 → 公示 with each step's first Shanghai day, the current
 * step highlighted, and the next step's date underneath (下一阶段：复赛 8月1日). The phase is worked out
 * by the server (core/contest/phase.ts), so the phone's clock plays no part.
 */
import { Text, View } from '@tarojs/components';
import type { ContestPhase } from '@core/contest/phase';
import './index.scss';

export function PhaseTimeline({ phase }: { phase: ContestPhase }) {
  return (
    <View className="phase-timeline">
      <View className="phase-steps">
        {phase.steps.map((step) => (
          <View key={step.key} className={`phase-step phase-step-${step.key} phase-step--${step.state}`}>
            <View className="phase-step__dot" />
            <Text className="phase-step__label">{step.label}</Text>
            <Text className="phase-step__date">{monthDay(step.startsOn)}</Text>
          </View>
        ))}
      </View>
      {phase.next ? (
        <View className="phase-next">
          下一阶段：{phase.next.label} {monthDay(phase.next.startsOn)}
        </View>
      ) : phase.current === 'publicity' ? (
        <View className="phase-next">赛程已结束，进入公示阶段</View>
      ) : null}
    </View>
  );
}

/** `2024-08-01` (a Shanghai calendar day already) → 8月1日. */
export function monthDay(day: string): string {
  const [, month, date] = day.split('-').map(Number);
  if (month === undefined || date === undefined || Number.isNaN(month) || Number.isNaN(date)) return day;
  return `${month}月${date}日`;
}

export default PhaseTimeline;
