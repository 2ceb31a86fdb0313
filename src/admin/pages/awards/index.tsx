/**
 * 评定奖项 (organizers, the final round), `?roundId=`: per group the prize counts (from the contest's plan:
 * 企业组 2 / 3 / 6 / 优胜奖若干, 创客组 1 / 1 / 2; editable, the proposal is made again when they change), every
 * finalist with its rank, score and proposed prize, changeable per row (一等奖 … 优胜奖 / 无); ties across a
 * prize line are highlighted for the organizer to settle; recommendation to the national 企业组500强 /
 * 创客组100强 per row (by default every prize winner); 公示天数; 确认获奖名单, which publishes the 获奖名单
 * and the 推荐名单; then 导出 Excel. This file owns the counts and the proposal; the form is ./components.
 */
import '../../lib/actions';
import { useState } from 'react';
import { View } from '@tarojs/components';
import { stageLabels } from '@core/contest/types';
import type { RoundView } from '@core/judging/views';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useDebounced } from '../../../hooks/useDebounced';
import { usePageParams } from '../../../hooks/usePageParams';
// The shared components' styles come in one order on every admin page (the subpackage's common stylesheet is
// built in that order), whatever order the form's parts import them in.
import '../../components/CheckRow';
import '../../components/ChoiceSelect';
import '../../components/FormRow';
import { countsDraftOf, countsInput, type CountsDraft, type ProposeCounts } from '../../lib/awards-form';
import { AdminEvent, emitAdminEvent } from '../../lib/events';
import { stageOfRoundId } from '../../lib/judging';
import { AwardsForm } from './components/AwardsForm';
import '../../styles/admin.scss';
import './index.scss';

const COUNTS_DELAY_MS = 500;

export default function AdminAwardsPage() {
  const access = useAreaAccess('admin');
  const { roundId = '' } = usePageParams();
  const stage = stageOfRoundId(roundId);
  const ready = access.allowed && roundId !== '' && stage === 'final';

  const [edited, setEdited] = useState<CountsDraft | null>(null);
  const settled = useDebounced(edited, COUNTS_DELAY_MS);
  const checked = settled ? countsInput(settled) : null;
  // Until the counts are changed, the proposal uses the contest's plan; while a box is not a number, the
  // proposal stays the one of the last valid counts.
  const [counts, setCounts] = useState<ProposeCounts | undefined>(undefined);
  if (checked?.ok && JSON.stringify(checked.counts) !== JSON.stringify(counts ?? null)) setCounts(checked.counts);
  const typed = edited ? countsInput(edited) : null;
  const proposal = useCloudQuery('admin.award.propose', { roundId, ...(counts ? { counts } : {}) }, { enabled: ready });
  const [decided, setDecided] = useState<RoundView | null>(null);

  const data = proposal.data;
  return (
    <View className="admin-wide">
      <PageShell
        title="评定奖项"
        {...shellFor(access, proposal)}
        empty={access.allowed && stage !== 'final'}
        emptyText={
          stage
            ? `只有决赛轮次可以评定奖项，这是${stageLabels[stage]}轮次，请在「排名与晋级」确认晋级`
            : '缺少评审轮次，请从「评审轮次」打开此页'
        }
      >
        {data ? (
          <AwardsForm
            roundId={roundId}
            view={data}
            round={decided && decided.updatedAt >= data.round.updatedAt ? decided : data.round}
            counts={edited ?? countsDraftOf(data.groups)}
            countsErrors={typed && !typed.ok ? typed.errors : {}}
            refreshing={proposal.loading || (edited !== null && settled !== edited)}
            proposeError={proposal.error?.message ?? null}
            proposalKey={JSON.stringify(counts ?? null)}
            onCounts={setEdited}
            onDecided={(round) => {
              setDecided(round);
              proposal.reload();
              emitAdminEvent(AdminEvent.entriesChanged);
              emitAdminEvent(AdminEvent.resultsChanged);
              emitAdminEvent(AdminEvent.roundsChanged);
            }}
          />
        ) : null}
      </PageShell>
    </View>
  );
}
