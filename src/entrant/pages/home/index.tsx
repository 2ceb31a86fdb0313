/**
 * 参赛报名 (entrant area home): contests open for registration now. Entrants only.
 * Test hooks: contest-card per open contest, entrant-next-step note, PageShell's page-forbidden.
 */
import { View } from '@tarojs/components';
import { ContestCard } from '../../../components/ContestCard';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';

export default function EntrantHomePage() {
  const access = useAreaAccess('entrant');
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const open = (contests.data?.items ?? []).filter((c) => c.registration.status === 'open');
  return (
    <PageShell
      title="参赛报名"
      {...access.shell}
      loading={access.shell.loading || contests.loading}
      error={access.shell.error ?? contests.error}
      onRetry={access.shell.error ? access.shell.onRetry : contests.reload}
      empty={open.length === 0}
      emptyText="当前没有开放报名的赛事"
    >
      <View className="entrant-next-step note">在线报名即将开放：下一步可在此选择赛事、填写项目信息并提交报名。</View>
      {open.map((contest) => (
        <ContestCard key={contest.id} contest={contest} />
      ))}
    </PageShell>
  );
}
