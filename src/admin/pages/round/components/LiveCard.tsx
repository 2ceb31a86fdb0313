/**
 * 现场决赛 of a live round: per group a link to its run of show and host console, or one per 场次 when the group
 * runs in sessions, with how far each show is (`admin.live.list`); a group without a show yet is set up whole or
 * split into sessions (分场次, then + 添加场次).
 */
import { Text, View } from '@tarojs/components';
import { groupLabels, type Group } from '@core/contest/types';
import { nextSessionKey } from '@core/live/types';
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
        按组别（或分场次）设置评审团、计时和出场顺序，决赛当天在控制台掌控路演、答辩、评分和亮分，大屏同步显示。
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
        const mine = shows.filter((s) => s.group === group);
        const whole = mine.find((s) => s.session === null);
        const sessions = mine.filter((s) => s.session !== null);
        const reading = list.data === undefined && list.error === null;
        if (sessions.length > 0)
          return (
            <View key={group} className={`round-live-sessions round-live-${group}`}>
              <Text className="round-live-group__name">{groupLabels[group]}（分场次）</Text>
              {sessions.map((show) => (
                <View
                  key={show.liveId}
                  className="round-live-group round-live-session"
                  data-live-id={show.liveId}
                  onClick={() => go(judgingUrls.live({ liveId: show.liveId }))}
                >
                  <View className="round-live-group__names">
                    <Text className="round-live-group__name">{show.session?.name}</Text>
                    <Text className="round-live-group__state muted">{showText(show)}</Text>
                  </View>
                  <Text className="round-live-link admin-link">打开控制台 ›</Text>
                </View>
              ))}
              <Text
                className="round-live-add-session admin-link"
                onClick={() =>
                  go(judgingUrls.live({ roundId, group, session: nextSessionKey(sessions.map((s) => s.session)) }))
                }
              >
                + 添加场次
              </Text>
            </View>
          );
        return (
          <View key={group} className={`round-live-group round-live-${group}`}>
            <View
              className="round-live-group__names"
              onClick={() =>
                go(whole ? judgingUrls.live({ liveId: whole.liveId }) : judgingUrls.live({ roundId, group }))
              }
            >
              <Text className="round-live-group__name">{groupLabels[group]}</Text>
              <Text className="round-live-group__state muted">{reading ? '正在读取…' : showText(whole)}</Text>
            </View>
            <Text
              className="round-live-link admin-link"
              onClick={() =>
                go(whole ? judgingUrls.live({ liveId: whole.liveId }) : judgingUrls.live({ roundId, group }))
              }
            >
              {whole ? '打开控制台' : '整组设置'} ›
            </Text>
            {!whole && !reading ? (
              <Text
                className="round-live-split admin-link"
                onClick={() => go(judgingUrls.live({ roundId, group, session: 's1' }))}
              >
                分场次 ›
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
