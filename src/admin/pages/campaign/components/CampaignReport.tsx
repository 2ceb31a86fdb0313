/**
 * 送达报告 of a sent (or scheduled) campaign, live while it drains: audience, reachable when sent, 已送达微信,
 * 未订阅, 失败 by reason, 未知, 待发送, a progress bar, a configuration error shown once, the quota pause, and the
 * report as Excel. It reads again every few seconds until nothing is left to push.
 */
import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { audienceSummary, campaignStatusLabels, type CampaignReport, type CampaignView } from '@core/notify/campaigns';
import { entryStatusLabels } from '@core/registration/entry-status';
import { TEMPLATES } from '@core/notify/templates';
import { formatShanghai } from '@core/time/shanghai';
import { usePageVisible } from '../../../../hooks/usePageLifecycle';
import { callCloud } from '../../../../services/cloud';
import { ExportBox } from '../../../components/ExportBox';
import { MessageCard } from './MessageCard';

const REFRESH_MS = 3000;

export function CampaignReportView(props: {
  campaign: CampaignView;
  report: CampaignReport;
  loading: boolean;
  reload: () => void;
}) {
  const { campaign, report, loading, reload } = props;
  const live = report.status === 'sending' || report.status === 'scheduled';
  // Not while the page is hidden; shown again, it refreshes every few seconds again.
  const visible = usePageVisible();
  useEffect(() => {
    if (!live || loading || !visible) return undefined;
    const timer = setTimeout(reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [live, loading, reload, visible]);
  const c = report.counts;
  const boxes: Array<{ key: string; label: string; value: number }> = [
    { key: 'audience', label: '发送对象', value: report.audience },
    { key: 'reachable', label: '发送时可送达', value: report.reachable },
    { key: 'sent', label: '已送达微信', value: c.sent },
    { key: 'unsubscribed', label: '未订阅（仅站内）', value: c.unsubscribed + c.inboxOnly },
    { key: 'failed', label: '失败', value: c.failed },
    { key: 'unknown', label: '未知', value: c.unknown },
    { key: 'queued', label: '待发送', value: c.queued + c.sending },
  ];
  const percent = Math.round(report.progress * 100);
  return (
    <View className="campaign-report" data-status={report.status}>
      <View className="card">
        <View className="campaign-report__head">
          <Text className={`campaign-report-status campaign-status campaign-status--${report.status}`}>
            {campaignStatusLabels[report.status]}
          </Text>
          <Text className="muted">
            {campaign.sendAt
              ? `${report.status === 'scheduled' ? '将于' : '发送于'} ${formatShanghai(campaign.sendAt, 'YYYY年M月D日 HH:mm')}（北京时间）`
              : ''}
          </Text>
        </View>
        <Text className="campaign-report-audience muted">
          发送对象：{audienceSummary(campaign.audience, { status: (s) => entryStatusLabels[s] })} · 由{' '}
          {campaign.createdByName} 创建
        </Text>
        {report.configError ? (
          <View className="campaign-report-config admin-error">配置错误：{report.configError}</View>
        ) : null}
        {report.pausedUntil ? (
          <View className="campaign-report-paused admin-error">
            今日微信消息额度已用完，将于 {formatShanghai(report.pausedUntil, 'M月D日 HH:mm')} 继续发送
          </View>
        ) : null}
        <View className="campaign-progress" aria-label={`进度 ${percent}%`}>
          <View className="campaign-progress__bar" style={{ width: `${percent}%` }} />
        </View>
        <Text className="campaign-progress-text muted">
          {report.status === 'scheduled'
            ? '等待发送时间'
            : `已处理 ${percent}%（${report.recipients} 位收件人${live ? '，发送中，自动刷新' : ''}）`}
        </Text>
        <View className="campaign-report__counts">
          {boxes.map((b) => (
            <View key={b.key} className={`campaign-count-box campaign-report-${b.key}`}>
              <Text className="campaign-count-box__value">{b.value}</Text>
              <Text className="muted">{b.label}</Text>
            </View>
          ))}
        </View>
        {report.failed.length > 0 ? (
          <View className="campaign-report-reasons">
            <Text className="card__title">失败原因</Text>
            {report.failed.map((f) => (
              <View key={f.reason} className="campaign-report-reasons__row">
                <Text>{f.reason}</Text>
                <Text className="muted">{f.count} 人</Text>
              </View>
            ))}
          </View>
        ) : null}
        <ExportBox handle="campaign" exportFile={() => callCloud('admin.campaign.export', { id: campaign.id })} />
      </View>
      <View className="card">
        <Text className="card__title">消息内容</Text>
        <MessageCard title={TEMPLATES[campaign.kind].title} lines={campaign.lines} />
        {campaign.body ? <View className="campaign-report-body">{campaign.body}</View> : null}
      </View>
    </View>
  );
}
