/**
 * 报名统计 as plain CSS bars (see docs/ui-library.md: a chart library would cost more than the whole
 * admin subpackage).
 */
import { ScrollView, Text, View } from '@tarojs/components';

export interface Bar {
  key: string;
  label: string;
  count: number;
}

/** Width or height of a bar in %, with a sliver for small non-zero counts so they stay visible. */
export function share(count: number, max: number): number {
  if (max <= 0 || count <= 0) return 0;
  return Math.max(2, Math.round((count / max) * 100));
}

export function BarList({ name, title, bars }: { name: string; title: string; bars: Bar[] }) {
  const max = Math.max(0, ...bars.map((b) => b.count));
  return (
    <View className={`stats-chart stats-chart--${name}`}>
      <Text className="stats-chart__title">{title}</Text>
      {bars.length === 0 ? <View className="stats-chart__empty muted">暂无数据</View> : null}
      {bars.map((bar) => (
        <View key={bar.key} className="stats-bar" data-key={bar.key}>
          <Text className="stats-bar__label">{bar.label}</Text>
          <View className="stats-bar__track">
            <View className="stats-bar__fill" style={{ width: `${share(bar.count, max)}%` }} />
          </View>
          <Text className="stats-bar__count">{bar.count}</Text>
        </View>
      ))}
    </View>
  );
}

const DAY_MS = 86_400_000;
/** A year of columns at most: older days drop off the left. */
const MAX_DAYS = 366;

/** Days from the first to the last with submissions, quiet days included as 0, so gaps show as gaps. */
export function fillDays(byDay: ReadonlyArray<{ day: string; count: number }>): Array<{ day: string; count: number }> {
  const first = byDay[0];
  const last = byDay[byDay.length - 1];
  if (!first || !last) return [];
  const counts = new Map(byDay.map((d) => [d.day, d.count]));
  const start = Date.parse(`${first.day}T00:00:00Z`);
  const end = Date.parse(`${last.day}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return [...byDay];
  const out: Array<{ day: string; count: number }> = [];
  for (let t = Math.max(start, end - (MAX_DAYS - 1) * DAY_MS); t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}

export function DayColumns({ byDay }: { byDay: ReadonlyArray<{ day: string; count: number }> }) {
  const days = fillDays(byDay);
  const max = Math.max(0, ...days.map((d) => d.count));
  return (
    <View className="stats-chart stats-chart--day">
      <Text className="stats-chart__title">每日提交（北京时间）</Text>
      {days.length === 0 ? <View className="stats-chart__empty muted">暂无数据</View> : null}
      {days.length > 0 ? (
        <ScrollView className="stats-days" scrollX scrollLeft={days.length * 100}>
          <View className="stats-days__inner">
            {days.map((d) => {
              const [, month, date] = d.day.split('-');
              return (
                <View key={d.day} className="stats-bar stats-bar--day" data-key={d.day}>
                  <Text className="stats-bar__count">{d.count > 0 ? d.count : ''}</Text>
                  <View className="stats-day__track">
                    <View className="stats-bar__fill" style={{ height: `${share(d.count, max)}%` }} />
                  </View>
                  <Text className="stats-bar__label">{`${Number(month)}/${Number(date)}`}</Text>
                </View>
              );
            })}
          </View>
        </ScrollView>
      ) : null}
    </View>
  );
}
