/**
 * 报名统计 for one contest or all: its own query and its own error line, so a failing count never hides the
 * rest of the home page.
 */
import { Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import { entryStatusLabels } from '@core/registration/entry-status';
import { useCloudQuery } from '../../../../hooks/useCloudQuery';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { AdminEvent, useAdminEvent } from '../../../lib/events';
import { BarList, DayColumns } from '../StatsCharts';
import { entriesUrl, go } from '../urls';

export function EntryStatsCard(props: {
  enabled: boolean;
  contestId: string | undefined;
  contests: Array<{ value: string; label: string }>;
  onContest: (id: string | undefined) => void;
}) {
  const { enabled, contestId, contests, onContest } = props;
  const stats = useCloudQuery('admin.entry.stats', contestId ? { contestId } : {}, { enabled });
  useAdminEvent(AdminEvent.entriesChanged, stats.reload);
  const data = stats.data;
  return (
    <View className="admin-stats card">
      <View className="admin-stats__head">
        <Text className="card__title">报名统计</Text>
        <ChoiceSelect
          className="stats-contest"
          label="赛事"
          allLabel="全部赛事"
          value={contestId}
          options={contests}
          onChange={onContest}
        />
      </View>
      {stats.error ? (
        <View className="stats-error admin-error">
          统计加载失败：{stats.error.message}
          <Text className="admin-link" onClick={stats.reload}>
            {' '}
            重试
          </Text>
        </View>
      ) : null}
      {!data && stats.loading ? <View className="muted">正在统计…</View> : null}
      {data ? (
        <View className={stats.loading ? 'admin-stats__body admin-stats__body--loading' : 'admin-stats__body'}>
          <View className="stats-total">
            <Text className="stats-total__number">{data.total}</Text>
            <Text className="muted"> 项已提交的报名（不含草稿、已撤回）</Text>
          </View>
          <View className="stats-statuses">
            {data.byStatus.map((s) => (
              <Text
                key={s.key}
                className={`stats-status admin-chip stats-status--${s.key}`}
                data-status={s.key}
                onClick={() => go(entriesUrl(contestId, s.key))}
              >
                {(entryStatusLabels as Record<string, string>)[s.key] ?? s.key} {s.count}
              </Text>
            ))}
          </View>
          <View className="stats-grid">
            <BarList
              name="group"
              title="按组别"
              bars={data.byGroup.map((g) => ({
                key: g.key,
                label: (groupLabels as Record<string, string>)[g.key] ?? g.key,
                count: g.count,
              }))}
            />
            <BarList
              name="field"
              title="按行业领域"
              bars={data.byField.map((f) => ({ key: f.key, label: f.key, count: f.count }))}
            />
            <BarList
              name="district"
              title="按区"
              bars={data.byDistrict.map((d) => ({ key: d.key, label: d.key, count: d.count }))}
            />
            <DayColumns byDay={data.byDay} />
          </View>
        </View>
      ) : null}
    </View>
  );
}
