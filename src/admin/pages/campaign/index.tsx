/**
 * 通知 (organizers): `?contestId=` writes a new campaign for that contest, `?id=` opens one — its editor while it
 * is a draft, its delivery report once it is sent or scheduled. A send turns the page into the report in place.
 */
import '../../lib/actions';
import { useState } from 'react';
import { View } from '@tarojs/components';
import type { CampaignView } from '@core/notify/campaigns';
import { holdsGlobally } from '@core/roles';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
// The shared components' styles first, in the one order of the admin pages.
import '../../components/CheckRow';
import '../../components/ChoiceSelect';
import '../../components/DateTimeField';
import '../../components/FormRow';
import { CampaignEditor } from './components/CampaignEditor';
import { CampaignReportView } from './components/CampaignReport';
import '../../styles/admin.scss';
import './index.scss';

export default function AdminCampaignPage() {
  const access = useAreaAccess('admin');
  const params = usePageParams();
  // A new campaign gets its id on the first save; after a send the page follows it by that id.
  const [sentId, setSentId] = useState<string | null>(null);
  const id = sentId ?? params.id ?? '';
  const report = useCloudQuery('admin.campaign.report', { id }, { enabled: access.allowed && id !== '' });
  const contestId = report.data?.campaign.contestId ?? params.contestId ?? '';
  const contest = useCloudQuery('contest.get', { id: contestId }, { enabled: access.allowed && contestId !== '' });
  const rounds = useCloudQuery('admin.round.list', { contestId }, { enabled: access.allowed && contestId !== '' });
  const global = access.me !== null && holdsGlobally(access.me.roles, 'organizer');

  const campaign = report.data?.campaign;
  const isDraft = id === '' || campaign?.status === 'draft';
  const onSent = (sent: CampaignView) => {
    setSentId(sent.id);
    report.reload();
  };
  return (
    <View className="admin-wide">
      <PageShell
        title={id === '' ? '写通知' : isDraft ? '编辑通知' : '送达报告'}
        {...shellFor(access, id !== '' ? report : null, contestId !== '' ? contest : null, rounds)}
      >
        {contestId === '' && id === '' ? <View className="admin-error">请从「消息推送」选择赛事后再写通知</View> : null}
        {isDraft && contest.data && rounds.data && (id === '' || campaign) ? (
          <CampaignEditor
            key={campaign?.id ?? 'new'}
            initial={campaign ?? null}
            contest={contest.data.contest}
            rounds={rounds.data.rounds}
            global={global}
            serverNow={contest.data.now}
            onSent={onSent}
          />
        ) : null}
        {!isDraft && campaign && report.data ? (
          <CampaignReportView
            campaign={campaign}
            report={report.data.report}
            loading={report.loading}
            reload={report.reload}
          />
        ) : null}
      </PageShell>
    </View>
  );
}
