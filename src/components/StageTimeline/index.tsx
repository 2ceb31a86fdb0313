/**
 * 赛程: 预赛 / 复赛 / 决赛 with their Shanghai calendar days and format (and the organizers' note when
 * `withNotes`).
 */
import { Text, View } from '@tarojs/components';
import { stageLabels, type StagePlan } from '@core/contest/types';
import './index.scss';

export function StageTimeline({ stages, withNotes }: { stages: readonly StagePlan[]; withNotes?: boolean }) {
  return (
    <View className="stage-timeline">
      {stages.map((stage) => (
        <View key={stage.key} className={`contest-stage contest-stage-${stage.key}`}>
          <View className="contest-stage__dot" />
          <View className="contest-stage__body">
            <Text className="contest-stage__name">{stageLabels[stage.key]}</Text>
            <Text className="contest-stage__dates">{formatDays(stage.startsOn, stage.endsOn)}</Text>
            <View className="muted">{stage.format}</View>
            {withNotes && stage.note ? <View className="contest-stage__note muted">{stage.note}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

/** `2024-06-01`…`2024-06-30` → 2024年6月1日 – 6月30日; stage days are Shanghai calendar days already. */
export function formatDays(startsOn: string, endsOn: string): string {
  const start = formatDay(startsOn, true);
  if (startsOn === endsOn) return start;
  return `${start} – ${formatDay(endsOn, startsOn.slice(0, 4) !== endsOn.slice(0, 4))}`;
}

function formatDay(day: string, withYear: boolean): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  return withYear ? `${year}年${month}月${date}日` : `${month}月${date}日`;
}

export default StageTimeline;
