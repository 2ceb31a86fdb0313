/**
 * 赛事管理 (organizer area home): the backend's health and every contest with its status.
 * Test hooks: admin-health (admin-runtime, admin-version, admin-time), contest-card per contest,
 * PageShell's page-forbidden for non-organizers.
 */
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@core/time/shanghai';
import { ContestCard } from '../../../components/ContestCard';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';

const runtimeLabels = { local: '本地云', cloud: '微信云开发' } as const;

export default function AdminHomePage() {
  const access = useAreaAccess('admin');
  const health = useCloudQuery('system.health', {}, { enabled: access.allowed });
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const failed = access.shell.error ?? health.error ?? contests.error;
  const retry = () => {
    if (access.shell.error) access.shell.onRetry?.();
    if (health.error) health.reload();
    if (contests.error) contests.reload();
  };
  return (
    <PageShell
      title="赛事管理"
      {...access.shell}
      loading={access.shell.loading || health.loading || contests.loading}
      error={failed}
      onRetry={retry}
    >
      {health.data ? (
        <View className="admin-health card">
          <Text className="card__title">系统状态</Text>
          <View className="admin-runtime muted">运行环境：{runtimeLabels[health.data.runtime]}</View>
          <View className="admin-version muted">
            版本：{health.data.version}（小程序 {APP_VERSION}）
          </View>
          <View className="admin-time muted">
            服务器时间：{formatShanghai(health.data.time, 'YYYY年M月D日 HH:mm:ss')}
          </View>
        </View>
      ) : null}
      <View className="section-title">全部赛事</View>
      {(contests.data?.items ?? []).map((contest) => (
        <ContestCard key={contest.id} contest={contest} compact />
      ))}
      {contests.data?.items.length === 0 ? <View className="muted">暂无赛事</View> : null}
    </PageShell>
  );
}
