import { PUSH_STATE_LABELS } from '@core/notify/push';
import { formatShanghai } from '@core/time/shanghai';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { C, type NoticeDoc, type UserDoc } from '../collections';
import type { UseCase } from '../context';
import { deliverExport } from '../files/deliver-export';
import { findByIds } from '../find-by-ids';
import { assertOrganizerOf } from '../scope';
import { campaignReport } from './campaign-report';
import { contestName, loadCampaign } from './campaign-run';
import { TEMPLATES } from '@core/notify/templates';

const EXPORT_MAX = 50_000;

/** The delivery report as a workbook: the summary, then one row per recipient (by name: no openids, no mobiles). */
export const exportCampaign: UseCase<'admin.campaign.export'> = async (ctx, input, ports) => {
  const doc = await loadCampaign(ports, input.id);
  assertOrganizerOf(ctx.caller.grants, doc.contestId);
  const [report, notices, contest] = await Promise.all([
    campaignReport(ports, doc),
    ports.db
      .collection<NoticeDoc>(C.notices)
      .find({ campaignId: doc._id }, { orderBy: [['createdAt', 'asc']], limit: EXPORT_MAX }),
    contestName(ports, doc.contestId),
  ]);
  const users = await findByIds<UserDoc>(
    ports.db,
    C.users,
    notices.map((n) => n.openid),
  );
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const summary: Row[] = [
    [bold('赛事'), contest],
    [bold('消息类型'), TEMPLATES[doc.kind].title],
    [bold('发送对象'), report.audience],
    [bold('发送时可送达'), report.reachable],
    [bold('已送达微信'), report.counts.sent],
    [bold('未订阅（仅站内消息）'), report.counts.unsubscribed + report.counts.inboxOnly],
    [bold('失败'), report.counts.failed],
    [bold('未知'), report.counts.unknown],
    [bold('待发送'), report.counts.queued + report.counts.sending],
    ...report.failed.map((f): Row => [bold(`失败原因：${f.reason}`), f.count]),
  ];
  const rows: Row[] = [['收件人', '状态', '原因', '时间（北京时间）'].map(bold)];
  for (const n of notices) {
    rows.push([
      users.get(n.openid)?.name ?? '微信用户',
      PUSH_STATE_LABELS[n.push],
      n.reason ?? '',
      n.pushedAt ? formatShanghai(n.pushedAt, 'YYYY-MM-DD HH:mm:ss') : '',
    ]);
  }
  const content = await writeXlsxFile([
    { data: summary, sheet: '汇总' },
    { data: rows, sheet: '收件人' },
  ]).toBuffer();
  const stamp = formatShanghai(ports.clock.now(), 'YYYYMMDD-HHmmss');
  return deliverExport(ports, ctx.caller, {
    name: `campaign-${doc._id}-${stamp}`,
    fileName: `${contest}-${TEMPLATES[doc.kind].title}-送达报告-${stamp}.xlsx`,
    rows: notices.length,
    content,
  });
};
