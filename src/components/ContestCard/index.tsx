/**
 * One contest as the public sees it: name, registration status, window and stage timeline; with a
 * server time (`now`), the status is live and a countdown to the window's next edge is shown.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ContestSummary } from '@core/contest/views';
import { contestKindLabels, groupLabels, registrationStatusLabels } from '@core/contest/types';
import { formatShanghai } from '@core/time/shanghai';
import { StageTimeline } from '../StageTimeline';
import { countdownText, liveStatus } from './countdown';
import './index.scss';

export interface ContestCardProps {
  contest: ContestSummary;
  /** Hide the stage timeline where only the status matters (admin overview). */
  compact?: boolean;
  /** Server time in ms (see useServerNow): makes the status live and shows the countdown. */
  now?: number | null;
  /** Makes the whole card a link (首页 → 赛事详情). */
  onClick?: () => void;
  /** Extra class names on the root, e.g. home-contest. */
  className?: string;
  children?: ReactNode;
}

export function ContestCard({ contest, compact, now = null, onClick, className, children }: ContestCardProps) {
  const { registration } = contest;
  const status = liveStatus(registration, now);
  const countdown = countdownText(registration, now);
  return (
    <View
      className={`contest-card card${onClick ? ' contest-card--link' : ''}${className ? ` ${className}` : ''}`}
      onClick={onClick}
      hoverClass={onClick ? 'contest-card--active' : 'none'}
    >
      <View className="contest-card__head">
        <Text className="contest-name card__title">{contest.name}</Text>
        <Text className={`contest-status contest-status--${status}`}>{registrationStatusLabels[status]}</Text>
      </View>
      <View className="muted">
        {contestKindLabels[contest.kind]} · {contest.groups.map((g) => groupLabels[g]).join(' / ')}
      </View>
      {countdown ? <View className={`contest-countdown contest-countdown--${status}`}>{countdown}</View> : null}
      <View className="contest-registration muted">
        报名时间：{formatShanghai(registration.opensAt)} 至 {formatShanghai(registration.closesAt)}（北京时间）
      </View>
      {compact || contest.stages.length === 0 ? null : (
        <View className="contest-card__stages">
          <StageTimeline stages={contest.stages} />
        </View>
      )}
      {children}
    </View>
  );
}

export default ContestCard;
