/**
 * 评审工作台 (judge area home): the contests this judge is assigned to, from auth.me's grants.
 * Test hooks: judge-contest per assignment, PageShell's page-forbidden for non-judges.
 */
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';

export default function JudgeHomePage() {
  const { me, shell } = useAreaAccess('judge');
  const assignments = (me?.roles ?? []).filter((grant) => grant.role === 'judge');
  return (
    <PageShell title="评审工作台" {...shell} empty={assignments.length === 0} emptyText="暂未分配评审赛事">
      <View className="section-title">我参与评审的赛事</View>
      {assignments.map((grant) => (
        <View key={grant.contestId ?? '*'} className="judge-contest card">
          <Text className="card__title">{grant.contestName ?? '全部赛事'}</Text>
          <View className="muted">评审任务将在预赛开始后分配到这里。</View>
        </View>
      ))}
    </PageShell>
  );
}
