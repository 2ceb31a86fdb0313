/** The contestant on stage: place in the order, project, organization and what is happening. */
import { Text, View } from '@tarojs/components';
import type { LiveScreenView } from '@core/live/views';
import { screenStateLabels } from '../../../lib/screen-text';

type Current = NonNullable<LiveScreenView['current']>;

export function Contestant({ current, compact }: { current: Current; compact?: boolean }) {
  return (
    <View className={`screen-contestant${compact ? ' screen-contestant--compact' : ''}`}>
      <View className="screen-contestant__meta">
        <Text className="screen-position">
          第 <Text className="screen-position__number">{current.position}</Text> 位
          <Text className="screen-position__total">
            {' '}
            / 共 {current.total} 位{current.absent > 0 ? `（${current.absent} 位缺席或退赛）` : ''}
          </Text>
        </Text>
        {compact ? null : (
          <Text className={`screen-state screen-state--${current.state}`}>{screenStateLabels[current.state]}</Text>
        )}
      </View>
      <Text className="screen-project">{current.projectName}</Text>
      {current.orgName ? <Text className="screen-org">{current.orgName}</Text> : null}
    </View>
  );
}
