/** The show at the top of the page: contest · round · group, how the page follows it, 冻结, and the links. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { type Group } from '@core/contest/types';
import { showLabel } from '@core/live/types';
import { formatShanghai } from '@core/time/shanghai';
import type { LiveConsoleView } from '@core/live/views';
import type { FeedStatus } from '../../../../services/live-feed';
import { go, judgingUrls } from '../../../../admin/lib/judging';
import { shortHash } from './live-rules';

const feedLabels: Record<FeedStatus, string> = {
  connecting: '正在连接…',
  live: '实时同步',
  polling: '每 3 秒刷新',
  offline: '网络已断开',
};

/** The big screen of the show: a new window on H5 (the projector's), the screen page on WeChat. */
export function openScreen(liveId: string): void {
  const url = `/screen/pages/live/index?liveId=${encodeURIComponent(liveId)}`;
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  void Taro.navigateTo({ url });
}

export function LiveHead(props: {
  liveId: string;
  contestName: string;
  roundName: string;
  group: Group;
  roundId: string;
  view: LiveConsoleView | null;
  feed: FeedStatus | null;
}) {
  const { liveId, view, feed } = props;
  return (
    <View className="live-head card">
      <View className="live-head__main">
        <Text className="live-title">
          {props.contestName} · {props.roundName} · {showLabel(props.group, view?.session)}
        </Text>
        {feed ? <Text className={`admin-chip live-feed live-feed--${feed}`}>{feedLabels[feed]}</Text> : null}
      </View>
      {view?.frozen ? (
        <View className="live-frozen admin-note">
          公证员 {view.frozen.byName} 已于 {formatShanghai(view.frozen.at, 'M月D日 HH:mm')} 确认本组成绩（日志{' '}
          {shortHash(view.frozen.head)}），现场操作已全部锁定。
        </View>
      ) : null}
      <View className="admin-nav live-head__nav">
        {view ? (
          <Text className="live-screen-link admin-link" onClick={() => openScreen(liveId)}>
            打开大屏
          </Text>
        ) : null}
        <Text className="live-round-link admin-link" onClick={() => go(judgingUrls.round(props.roundId))}>
          评审看板
        </Text>
      </View>
    </View>
  );
}
