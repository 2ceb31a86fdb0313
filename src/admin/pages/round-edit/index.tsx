/**
 * 评审设置 (organizers), `?contestId=&stage=`: creates or edits the round of one contest stage (its id is
 * `<contestId>:<stage>`): name, 评审方式, judges per entry, blind review, the rubric (keys c1, c2 … made here
 * and kept for stored criteria), the aggregation explained in plain words, the scoring window in Beijing time
 * and the optional discrepancy thresholds. Once a score exists the rubric is locked (rubricLocked) and the
 * stored rubric is sent as it is. The form is ./components/RoundForm.
 */
import '../../lib/actions';
import { useState } from 'react';
import { stageLabels, type StageKey } from '@core/contest/types';
import { View } from '@tarojs/components';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
// The shared components' styles come in one order on every admin page (the subpackage's common stylesheet is
// built in that order), whatever order the form's cards import them in.
import '../../components/CheckRow';
import '../../components/DateTimeField';
import '../../components/FormRow';
import { STAGES } from '../../lib/judging';
import { RoundForm } from './components/RoundForm';
import '../../styles/admin.scss';
import './index.scss';

function isStage(value: string | undefined): value is StageKey {
  return value !== undefined && (STAGES as readonly string[]).includes(value);
}

export default function AdminRoundEditPage() {
  const access = useAreaAccess('admin');
  const { contestId = '', stage: stageParam } = usePageParams();
  const stage = isStage(stageParam) ? stageParam : null;
  const roundId = `${contestId}:${stage ?? ''}`;
  const ready = access.allowed && contestId !== '' && stage !== null;
  const contest = useCloudQuery('contest.get', { id: contestId }, { enabled: ready });
  const existing = useCloudQuery('admin.round.get', { roundId }, { enabled: ready });
  // A stage without a round answers NOT_FOUND: the form then makes a new one. Remembered, so the reload
  // after the first save keeps the form (and its 已保存) on screen instead of a loading state.
  const [wasMissing, setWasMissing] = useState(false);
  if (existing.error?.code === 'NOT_FOUND' && !wasMissing) setWasMissing(true);
  const missing = existing.error?.code === 'NOT_FOUND' || (wasMissing && existing.data === undefined);

  const title = stage ? `${stageLabels[stage]}评审设置` : '评审设置';
  return (
    <View className="admin-wide">
      <PageShell
        title={title}
        {...shellFor(access, contest, missing ? null : existing)}
        empty={access.allowed && (contestId === '' || stage === null)}
        emptyText="缺少赛事或阶段，请从「评审轮次」打开此页"
      >
        {stage && contest.data && (existing.data || missing) ? (
          <RoundForm
            contestId={contestId}
            stage={stage}
            contest={contest.data.contest}
            stored={existing.data?.round ?? null}
            onSaved={existing.reload}
          />
        ) : null}
      </PageShell>
    </View>
  );
}
