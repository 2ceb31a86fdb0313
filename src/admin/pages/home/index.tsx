/**
 * 赛事管理 (organizer area home): the backend's health, what is stored and whether the cron trigger
 * runs, and every contest with its status.
 * Test hooks: admin-health (admin-runtime, admin-version, admin-time, admin-counts, admin-job), contest-card per contest,
 * PageShell's page-forbidden for non-organizers.
 */
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@core/time/shanghai';
import { ContestCard } from '../../../components/ContestCard';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';

const runtimeLabels = { local: '本地云', cloud: '微信云开发' } as const;
const jobStatusLabels = { pending: '等待中', running: '运行中', done: '已完成', failed: '已失败' } as const;

export default function AdminHomePage() {
  const access = useAreaAccess('admin');
  const health = useCloudQuery('system.health', {}, { enabled: access.allowed });
  const status = useCloudQuery('admin.system.status', {}, { enabled: access.allowed });
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const failed = access.shell.error ?? health.error ?? status.error ?? contests.error;
  const retry = () => {
    if (access.shell.error) access.shell.onRetry?.();
    if (health.error) health.reload();
    if (status.error) status.reload();
    if (contests.error) contests.reload();
  };
  return (
    <PageShell
      title="赛事管理"
      {...access.shell}
      loading={access.shell.loading || health.loading || status.loading || contests.loading}
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
          {status.data ? (
            <>
              <View className="admin-counts muted">
                数据：用户 {status.data.counts.users} · 赛事 {status.data.counts.contests} · 幂等记录{' '}
                {status.data.counts.requests} · 定时任务 {status.data.counts.jobs}
              </View>
              {status.data.jobs.map((job) => (
                <View key={job.id} className={`admin-job admin-job--${job.status} muted`}>
                  定时任务 {job.kind}：{jobStatusLabels[job.status]}，
                  {job.lastRunAt ? `上次运行 ${formatShanghai(job.lastRunAt, 'M月D日 HH:mm')}，` : '尚未运行，'}
                  下次 {formatShanghai(job.runAt, 'M月D日 HH:mm')}
                  {job.lastError ? `（上次失败：${job.lastError}）` : ''}
                </View>
              ))}
            </>
          ) : null}
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
