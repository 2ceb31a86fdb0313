/**
 * One contest as the public sees it: name, registration status, window and stage timeline.
 *
 * Stable class names for tests: contest-card (root), contest-name, contest-status (with
 * contest-status--open / --upcoming / --closed), contest-registration, contest-stage.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ContestSummary } from '@core/actions';
import {
  contestKindLabels,
  groupLabels,
  registrationStatusLabels,
  stageLabels,
  type StagePlan,
} from '@core/contest/types';
import { formatShanghai } from '@core/time/shanghai';
import './index.scss';

export interface ContestCardProps {
  contest: ContestSummary;
  /** Hide the stage timeline where only the status matters (admin overview). */
  compact?: boolean;
  children?: ReactNode;
}

export function ContestCard({ contest, compact, children }: ContestCardProps) {
  const { registration } = contest;
  return (
    <View className="contest-card card">
      <View className="contest-card__head">
        <Text className="contest-name card__title">{contest.name}</Text>
        <Text className={`contest-status contest-status--${registration.status}`}>
          {registrationStatusLabels[registration.status]}
        </Text>
      </View>
      <View className="muted">
        {contestKindLabels[contest.kind]} · {contest.groups.map((g) => groupLabels[g]).join(' / ')}
      </View>
      <View className="contest-registration muted">
        报名时间：{formatShanghai(registration.opensAt)} 至 {formatShanghai(registration.closesAt)}（北京时间）
      </View>
      {compact || contest.stages.length === 0 ? null : (
        <View className="contest-card__stages">
          {contest.stages.map((stage) => (
            <StageRow key={stage.key} stage={stage} />
          ))}
        </View>
      )}
      {children}
    </View>
  );
}

function StageRow({ stage }: { stage: StagePlan }) {
  return (
    <View className="contest-stage">
      <View className="contest-stage__dot" />
      <View className="contest-stage__body">
        <Text className="contest-stage__name">{stageLabels[stage.key]}</Text>
        <Text className="contest-stage__dates">{formatDays(stage.startsOn, stage.endsOn)}</Text>
        <View className="muted">{stage.format}</View>
      </View>
    </View>
  );
}

/** `2024-06-01`…`2024-06-30` → 2024年6月1日 – 6月30日; stage days are Shanghai calendar days already. */
function formatDays(startsOn: string, endsOn: string): string {
  const start = formatDay(startsOn, true);
  if (startsOn === endsOn) return start;
  return `${start} – ${formatDay(endsOn, startsOn.slice(0, 4) !== endsOn.slice(0, 4))}`;
}

function formatDay(day: string, withYear: boolean): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  return withYear ? `${year}年${month}月${date}日` : `${month}月${date}日`;
}

export default ContestCard;
