/** The notary's shows (one per round and group), the chosen one marked; each says whether it is confirmed. */
import { showLabel } from '@core/live/types';
import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '@core/actions';

type Show = ActionOutput<'notary.live.list'>['shows'][number];

export function ShowTabs(props: { shows: Show[]; chosen: string | null; onChoose: (liveId: string) => void }) {
  return (
    <View className="notary-shows">
      {props.shows.map((show) => (
        <View
          key={show.liveId}
          className={`notary-show${show.liveId === props.chosen ? ' notary-show--chosen' : ''}`}
          data-live-id={show.liveId}
          hoverClass="notary-show--active"
          onClick={() => props.onChoose(show.liveId)}
        >
          <Text className="notary-show__title">
            {show.roundName} · {showLabel(show.group, show.session)}
          </Text>
          <Text className="notary-show__contest">{show.contestName}</Text>
          <Text className={`notary-show__state${show.frozen ? ' notary-show__state--frozen' : ''}`}>
            {show.frozen ? '已公证确认' : '待公证'}
          </Text>
        </View>
      ))}
    </View>
  );
}
