/**
 * 赛事管理 (organizer area home): links to the work, 报名统计 per contest as plain CSS bars, the backend's
 * health (what is stored and whether the cron trigger runs, for the 组委会 only), and every contest with
 * links to its settings, entries and judging.
 */
import '../../lib/actions';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { holdsGlobally } from '@core/roles';
import { ContestCard } from '../../../components/ContestCard';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { AdminEvent, useAdminEvent } from '../../lib/events';
import { judgingUrls } from '../../lib/judging';
import { AdminLinks } from './components/AdminLinks';
import { EntryStatsCard } from './components/EntryStatsCard';
import { HealthCard } from './components/HealthCard';
import { contestUrl, entriesUrl, go } from './urls';
import '../../styles/admin.scss';
import './index.scss';

export default function AdminHomePage() {
  const access = useAreaAccess('admin');
  const health = useCloudQuery('system.health', {}, { enabled: access.allowed });
  // System counters and jobs belong to the whole platform: only the 组委会 (a global grant) sees them.
  const global = access.me !== null && holdsGlobally(access.me.roles, 'organizer');
  const status = useCloudQuery('admin.system.status', {}, { enabled: access.allowed && global });
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  useAdminEvent(AdminEvent.contestsChanged, contests.reload);
  const [statsContest, setStatsContest] = useState<string | undefined>(undefined);
  const items = contests.data?.items ?? [];
  return (
    <View className="admin-wide">
      {/* Stats are not among the page's queries: their errors stay in their own card. */}
      <PageShell title="赛事管理" {...shellFor(access, health, global ? status : null, contests)}>
        <AdminLinks contestId={statsContest} global={global} />
        <EntryStatsCard
          enabled={access.allowed}
          contestId={statsContest}
          contests={items.map((c) => ({ value: c.id, label: c.name }))}
          onContest={setStatsContest}
        />
        {health.data ? <HealthCard health={health.data} status={status.data} /> : null}
        <View className="admin-contests__head">
          <View className="section-title">全部赛事</View>
          <Button className="contest-new button" size="mini" onClick={() => go(contestUrl(undefined))}>
            新建赛事
          </Button>
        </View>
        {items.map((contest) => (
          <ContestCard key={contest.id} contest={contest} compact>
            <View className="admin-contest-actions">
              <Text className="contest-edit admin-link" onClick={() => go(contestUrl(contest.id))}>
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
