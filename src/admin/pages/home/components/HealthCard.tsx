/**
 * 系统状态: the backend's runtime, version and clock for every organizer; stored counts and the cron jobs only
 * for the 组委会 (`status` is null for the others), since they belong to the whole platform.
 */
import { Text, View } from '@tarojs/components';
import type { HealthOutput, SystemStatusOutput } from '@core/system/views';
import { formatShanghai } from '@core/time/shanghai';

const runtimeLabels = { local: '本地云', cloud: '微信云开发' } as const;
const jobStatusLabels = { pending: '等待中', running: '运行中', done: '已完成', failed: '已失败' } as const;

type Job = SystemStatusOutput['jobs'][number];

/**
 * One line per job, except that one-off jobs of the same kind and status (a similarity scan per
 * submitted entry) share a line: a burst of sign-ups would otherwise list 50 identical lines.
 */
function groupJobs(jobs: Job[]): Job[][] {
  const groups = new Map<string, Job[]>();
  for (const job of jobs) {
    const key = `${job.kind}|${job.status}`;
    const group = groups.get(key);
    if (group) group.push(job);
    else groups.set(key, [job]);
  }
  return [...groups.values()];
}

export function HealthCard({ health, status }: { health: HealthOutput; status: SystemStatusOutput | undefined }) {
  return (
    <View className="admin-health card">
      <Text className="card__title">系统状态</Text>
      <View className="admin-runtime muted">运行环境：{runtimeLabels[health.runtime]}</View>
      <View className="admin-version muted">
        版本：{health.version}（小程序 {APP_VERSION}）
      </View>
      <View className="admin-time muted">服务器时间：{formatShanghai(health.time, 'YYYY年M月D日 HH:mm:ss')}</View>
      {status ? (
        <>
          <View className="admin-counts muted">
            数据：用户 {status.counts.users} · 赛事 {status.counts.contests} · 幂等记录 {status.counts.requests} ·
            定时任务 {status.counts.jobs}
          </View>
          {groupJobs(status.jobs).map((group) => (
            <JobLine key={group[0] ? `${group[0].kind}|${group[0].status}` : ''} group={group} />
          ))}
        </>
      ) : null}
    </View>
  );
}

function JobLine({ group }: { group: Job[] }) {
  const [first] = group;
  if (!first) return null;
  if (group.length === 1) {
    return (
      <View className={`admin-job admin-job--${first.status} muted`}>
        定时任务 {first.kind}：{jobStatusLabels[first.status]}，
        {first.lastRunAt ? `上次运行 ${formatShanghai(first.lastRunAt, 'M月D日 HH:mm')}，` : '尚未运行，'}
        下次 {formatShanghai(first.runAt, 'M月D日 HH:mm')}
        {first.lastError ? `（上次失败：${first.lastError}）` : ''}
      </View>
    );
  }
  return (
    <View className={`admin-job admin-job--${first.status} admin-job--grouped muted`}>
      定时任务 {first.kind}：{jobStatusLabels[first.status]} {group.length} 项，最早{' '}
      {formatShanghai(first.runAt, 'M月D日 HH:mm')}
      {group.some((j) => j.lastError) ? `（有失败：${group.find((j) => j.lastError)?.lastError ?? ''}）` : ''}
    </View>
  );
}
