/**
 * 消息推送 (organizers), `?contestId=`: the contest's campaigns, newest first — 赛事通知 and 决赛安排通知 written
 * here, and each 提醒未完成的评委 press as a 评审任务提醒 — with where each stands (草稿 / 已定时 / 发送中 / 已完成)
 * and whom it goes to. 写通知 opens the editor; a row opens its editor (a draft) or its delivery report.
 */
import '../../lib/actions';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { audienceSummary, campaignStatusLabels, type CampaignView } from '@core/notify/campaigns';
import { entryStatusLabels } from '@core/registration/entry-status';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
// The shared components' styles first, in the one order of the admin pages.
import '../../components/CheckRow';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { Pager } from '../../components/Pager';
import { campaignUrls, managedContestIds, openCampaignPage } from '../../lib/campaign-form';
import { AdminEvent, useAdminEvent } from '../../lib/events';
import { ReminderSettings } from './ReminderSettings';
import '../../styles/admin.scss';
import './index.scss';

const PAGE_SIZE = 20;

export default function AdminCampaignsPage() {
  const access = useAreaAccess('admin');
  const params = usePageParams();
  const [contestId, setContestId] = useState<string | undefined>(params.contestId || undefined);
  const [paging, setPaging] = useState({ contestId, page: 1 });
  const page = paging.contestId === contestId ? paging.page : 1;
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const list = useCloudQuery(
    'admin.campaign.list',
    { ...(contestId ? { contestId } : {}), page, pageSize: PAGE_SIZE },
    { enabled: access.allowed },
  );
  useAdminEvent(AdminEvent.campaignsChanged, list.reload);
  const managed = managedContestIds(access.me);
  const options = (contests.data?.items ?? [])
    .filter((c) => managed === 'all' || managed.has(c.id))
    .map((c) => ({ value: c.id, label: c.name }));
  const data = list.data;
  return (
    <View className="admin-wide">
      <PageShell title="消息推送" {...shellFor(access, contests, list)}>
        <View className="campaigns-toolbar card">
          <ChoiceSelect
            className="campaigns-contest"
            label="赛事"
            allLabel="全部赛事"
            value={contestId}
            options={options}
            onChange={setContestId}
          />
          <Button
            className="campaigns-new button button--primary"
            size="mini"
            disabled={contestId === undefined}
            onClick={() => contestId && openCampaignPage(campaignUrls.create(contestId))}
          >
            写通知
          </Button>
        </View>
        {contestId === undefined ? (
          <View className="campaigns-hint muted">选择赛事后可写通知、设置自动提醒</View>
        ) : null}
        {list.error && data ? <View className="admin-error">{list.error.message}</View> : null}
        {data && data.items.length === 0 ? (
          <View className="campaigns-empty card muted">
            还没有通知。订阅消息只能发给点过「允许」的用户，其余的人会在「我的 → 消息」里看到。
          </View>
        ) : null}
        <View className={`campaigns-list${list.loading ? ' campaigns-list--refreshing' : ''}`}>
          {(data?.items ?? []).map((c) => (
            <CampaignRow key={c.id} campaign={c} />
          ))}
        </View>
        {data && data.total > PAGE_SIZE ? (
          <Pager
            hook="campaigns"
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={(p) => setPaging({ contestId, page: p })}
          />
        ) : null}
        {contestId ? <ReminderSettings contestId={contestId} /> : null}
      </PageShell>
    </View>
  );
}

function CampaignRow({ campaign }: { campaign: CampaignView }) {
  const headline = campaign.fields.title ?? campaign.lines[0]?.value ?? campaign.kindTitle;
  const when =
    campaign.status === 'draft'
      ? `${campaign.createdByName} 更新于 ${formatShanghai(campaign.updatedAt, 'M月D日 HH:mm')}`
      : campaign.sendAt
        ? `${campaign.status === 'scheduled' ? '将于' : '发送于'} ${formatShanghai(campaign.sendAt, 'M月D日 HH:mm')}`
        : '';
  return (
    <View
      className="campaign-row card"
      data-campaign-id={campaign.id}
      data-status={campaign.status}
      onClick={() => openCampaignPage(campaignUrls.edit(campaign.id))}
    >
      <View className="campaign-row__head">
        <Text className={`campaign-row-status campaign-status campaign-status--${campaign.status}`}>
          {campaignStatusLabels[campaign.status]}
        </Text>
        <Text className="campaign-row-kind admin-chip">{campaign.kindTitle}</Text>
        <Text className="muted">{campaign.contestName}</Text>
      </View>
      <Text className="campaign-row-title">{headline}</Text>
      <View className="campaign-row__meta muted">
        <Text className="campaign-row-audience">
          发送对象：{audienceSummary(campaign.audience, { status: (s) => entryStatusLabels[s] })}
        </Text>
        {when ? <Text className="campaign-row-when"> · {when}</Text> : null}
      </View>
    </View>
  );
}
