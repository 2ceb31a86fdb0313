/**
 * 赛事管理 (organizer area home): links to the work (报名审核, 赛事设置, 服务机构审核, 新闻管理, 写文章, 成绩发布,
 * 异议处理, 评审管理), 报名统计 per contest as plain CSS bars, the backend's health, what is stored and whether the cron trigger runs, and every
 * contest with its status and links to its settings and entries.
 * Test hooks: admin-links (admin-link-entries, admin-link-contest, admin-link-institutions, admin-link-news,
 * admin-link-article, admin-link-results, admin-link-objections, admin-link-judging → 评审轮次 of the selected contest);
 * admin-stats (stats-contest ChoiceSelect, stats-total, stats-status per status with data-status,
 * stats-chart--group / --field / --district / --day with stats-bar per bar, stats-error);
 * admin-health (admin-runtime, admin-version, admin-time, admin-counts, admin-job; admin-job--grouped for several
 * one-off jobs of a kind and status on one line), contest-card per contest
 * with contest-edit, contest-review and contest-judging (评审), contest-new; PageShell's page-forbidden for non-organizers.
 */
import '../../lib/actions';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { SystemStatusOutput } from '@core/system/views';
import { groupLabels } from '@core/contest/types';
import { entryStatusLabels } from '@core/registration/entry-status';
import { holdsGlobally } from '@core/roles';
import { formatShanghai } from '@core/time/shanghai';
import { ContestCard } from '../../../components/ContestCard';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { AdminEvent, useAdminEvent } from '../../lib/events';
import { judgingUrls } from '../../lib/judging';
import { BarList, DayColumns } from './StatsCharts';
import '../../styles/admin.scss';
import './index.scss';

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

function go(url: string): void {
  void Taro.navigateTo({ url });
}

function entriesUrl(contestId: string | undefined, status?: string): string {
  const query = [contestId ? `contestId=${encodeURIComponent(contestId)}` : '', status ? `status=${status}` : '']
    .filter((part) => part !== '')
    .join('&');
  return `/admin/pages/entries/index${query ? `?${query}` : ''}`;
}

export default function AdminHomePage() {
  const access = useAreaAccess('admin');
  const health = useCloudQuery('system.health', {}, { enabled: access.allowed });
  // System counters and jobs belong to the whole platform: only the 组委会 (a global grant) sees them.
  const global = access.me !== null && holdsGlobally(access.me.roles, 'organizer');
  const status = useCloudQuery('admin.system.status', {}, { enabled: access.allowed && global });
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  useAdminEvent(AdminEvent.contestsChanged, contests.reload);
  const [statsContest, setStatsContest] = useState<string | undefined>(undefined);
  // The page shows health and contests even when stats fail: stats errors stay in their own card.
  const failed = access.shell.error ?? health.error ?? status.error ?? contests.error;
  const retry = () => {
    if (access.shell.error) access.shell.onRetry?.();
    if (health.error) health.reload();
    if (status.error) status.reload();
    if (contests.error) contests.reload();
  };
  const items = contests.data?.items ?? [];
  return (
    <View className="admin-wide">
      <PageShell
        title="赛事管理"
        {...access.shell}
        // Only the first load blanks the page; a reload (after a contest is saved) keeps it in place.
        loading={
          access.shell.loading ||
          (health.loading && !health.data) ||
          (status.loading && !status.data) ||
          (contests.loading && !contests.data)
        }
        error={failed}
        onRetry={retry}
      >
        <View className="admin-links">
          <View className="admin-link-entries admin-links__item card" onClick={() => go(entriesUrl(statsContest))}>
            <Text className="admin-links__title">报名审核</Text>
            <Text className="admin-links__desc muted">筛选、查看、审核报名，导出 Excel</Text>
          </View>
          <View
            className="admin-link-contest admin-links__item card"
            onClick={() =>
              go(
                statsContest
                  ? `/admin/pages/contest/index?id=${encodeURIComponent(statsContest)}`
                  : '/admin/pages/contest/index',
              )
            }
          >
            <Text className="admin-links__title">赛事设置</Text>
            <Text className="admin-links__desc muted">
              {statsContest ? '修改所选赛事的设置' : '新建赛事；在下方赛事卡片中修改设置'}
            </Text>
          </View>
          {global ? (
            <View
              className="admin-link-institutions admin-links__item card"
              onClick={() => go('/admin/pages/institutions/index')}
            >
              <Text className="admin-links__title">服务机构审核</Text>
              <Text className="admin-links__desc muted">投资机构、银行、孵化基地、服务平台</Text>
            </View>
          ) : null}
          <View className="admin-link-news admin-links__item card" onClick={() => go('/admin/pages/news/index')}>
            <Text className="admin-links__title">新闻管理</Text>
            <Text className="admin-links__desc muted">草稿、已发布、定时发布与下线</Text>
          </View>
          <View className="admin-link-article admin-links__item card" onClick={() => go('/admin/pages/article/index')}>
            <Text className="admin-links__title">写文章</Text>
            <Text className="admin-links__desc muted">通知公告、赛事动态、政策解读、媒体报道</Text>
          </View>
          <View className="admin-link-results admin-links__item card" onClick={() => go('/admin/pages/results/index')}>
            <Text className="admin-links__title">成绩发布</Text>
            <Text className="admin-links__desc muted">晋级、入围、获奖名单与公示</Text>
          </View>
          <View
            className="admin-link-objections admin-links__item card"
            onClick={() => go('/admin/pages/objections/index')}
          >
            <Text className="admin-links__title">异议处理</Text>
            <Text className="admin-links__desc muted">答复公示期内的异议</Text>
          </View>
          <View
            className="admin-link-judging admin-links__item card"
            onClick={() => go(judgingUrls.rounds(statsContest))}
          >
            <Text className="admin-links__title">评审管理</Text>
            <Text className="admin-links__desc muted">评审轮次、评委、排名晋级与评奖</Text>
          </View>
        </View>

        <EntryStatsCard
          enabled={access.allowed}
          contestId={statsContest}
          contests={items.map((c) => ({ value: c.id, label: c.name }))}
          onContest={setStatsContest}
        />

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
                {groupJobs(status.data.jobs).map((group) =>
                  group.length === 1 && group[0] ? (
                    <View key={group[0].id} className={`admin-job admin-job--${group[0].status} muted`}>
                      定时任务 {group[0].kind}：{jobStatusLabels[group[0].status]}，
                      {group[0].lastRunAt
                        ? `上次运行 ${formatShanghai(group[0].lastRunAt, 'M月D日 HH:mm')}，`
                        : '尚未运行，'}
                      下次 {formatShanghai(group[0].runAt, 'M月D日 HH:mm')}
                      {group[0].lastError ? `（上次失败：${group[0].lastError}）` : ''}
                    </View>
                  ) : group[0] ? (
                    <View
                      key={`${group[0].kind}|${group[0].status}`}
                      className={`admin-job admin-job--${group[0].status} admin-job--grouped muted`}
                    >
                      定时任务 {group[0].kind}：{jobStatusLabels[group[0].status]} {group.length} 项，最早{' '}
                      {formatShanghai(group[0].runAt, 'M月D日 HH:mm')}
                      {group.some((j) => j.lastError)
                        ? `（有失败：${group.find((j) => j.lastError)?.lastError ?? ''}）`
                        : ''}
                    </View>
                  ) : null,
                )}
              </>
            ) : null}
          </View>
        ) : null}
        <View className="admin-contests__head">
          <View className="section-title">全部赛事</View>
          <Button className="contest-new admin-btn" size="mini" onClick={() => go('/admin/pages/contest/index')}>
            新建赛事
          </Button>
        </View>
        {items.map((contest) => (
          <ContestCard key={contest.id} contest={contest} compact>
            <View className="admin-contest-actions">
              <Text
                className="contest-edit admin-link"
                onClick={() => go(`/admin/pages/contest/index?id=${encodeURIComponent(contest.id)}`)}
              >
                编辑设置
              </Text>
              <Text className="contest-review admin-link" onClick={() => go(entriesUrl(contest.id))}>
                审核报名
              </Text>
              <Text className="contest-judging admin-link" onClick={() => go(judgingUrls.rounds(contest.id))}>
                评审
              </Text>
            </View>
          </ContestCard>
        ))}
        {contests.data?.items.length === 0 ? <View className="muted">暂无赛事</View> : null}
      </PageShell>
    </View>
  );
}

function EntryStatsCard(props: {
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
