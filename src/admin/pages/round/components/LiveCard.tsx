/**
 * 现场决赛 of a live round: one link per group to its run of show and host console, with how far each show is
 * (`admin.live.list`); a group without a show yet opens the page to set one up.
 */
import { Text, View } from '@tarojs/components';
import { groupLabels, type Group } from '@core/contest/types';
import type { LiveSummary } from '@core/live/views';
import { useCloudQuery } from '../../../../hooks/useCloudQuery';
import { AdminEvent, useAdminEvent } from '../../../lib/events';
import { go, judgingUrls } from '../../../lib/judging';

const GROUPS: readonly Group[] = ['enterprise', 'maker'];

const phaseLabels: Record<LiveSummary['phase'], string> = {
  setup: '准备中',
  running: '进行中',
  finished: '已结束',
};

function showText(show: LiveSummary | undefined): string {
  if (!show) return '尚未设置';
  const state = show.frozen ? '公证员已确认' : phaseLabels[show.phase];
  return `${state} · ${show.contestants} 位选手 · ${show.judges} 位评委`;
}

export function LiveCard({ roundId }: { roundId: string }) {
  const list = useCloudQuery('admin.live.list', { roundId });
  // The live page tells when a show was set up or moved on.
  useAdminEvent(AdminEvent.roundsChanged, list.reload);
  const shows = list.data?.shows ?? [];
  return (
    <View className="round-live card">
      <View className="admin-card-head">
        <Text className="card__title">现场决赛</Text>
      </View>
      <View className="muted round-help">
        按组别设置评审团、计时和出场顺序，决赛当天在控制台掌控路演、答辩、评分和亮分，大屏同步显示。
      </View>
      {list.error ? (
        <View className="round-live-error admin-error">
          {list.error.message}
          <Text className="admin-link" onClick={list.reload}>
            {' '}
            重试
          </Text>
        </View>
      ) : null}
      {GROUPS.map((group) => {
        const show = shows.find((s) => s.group === group);
        return (
          <View
            key={group}
            className={`round-live-group round-live-${group}`}
            onClick={() => go(show ? judgingUrls.live({ liveId: show.liveId }) : judgingUrls.live({ roundId, group }))}
          >
            <View className="round-live-group__names">
              <Text className="round-live-group__name">{groupLabels[group]}</Text>
              <Text className="round-live-group__state muted">
                {list.data === undefined && list.loading ? '正在读取…' : showText(show)}
              </Text>
            </View>
            <Text className="round-live-link admin-link">{show ? '打开控制台' : '去设置'} ›</Text>
          </View>
        );
      })}
    </View>
  );
}
