import { FINAL_PUSH_STATES, type CampaignReport, type CampaignStatus } from '@core/notify/campaigns';
import { PUSH_STATES, type PushState } from '@core/notify/push';
import type { Ports } from '../../ports';
import { C, type CampaignDoc, type NoticeDoc } from '../collections';
import type { UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { campaignView, contestName, loadCampaign } from './campaign-run';

/** How many failures are read to group them by reason: beyond it the grouping is of these. */
const FAILED_READ = 5_000;
/** errcodes that are the deployment's fault: shown once, as a configuration error. */
const CONFIG_CODES = [40037, 41030];

/** A sent campaign is done when its fan-out has ended and nothing of it is queued or on its way. */
export function liveStatus(
  doc: CampaignDoc,
  counts: Pick<Record<PushState, number>, 'queued' | 'sending'>,
): CampaignStatus {
  if (doc.status === 'sending' && doc.fanout.done && counts.queued === 0 && counts.sending === 0) return 'done';
  return doc.status;
}

export async function campaignReport(ports: Ports, doc: CampaignDoc): Promise<CampaignReport> {
  const notices = ports.db.collection<NoticeDoc>(C.notices);
  const entries = await Promise.all(
    PUSH_STATES.map(async (state) => [state, await notices.count({ campaignId: doc._id, push: state })] as const),
  );
  const counts = Object.fromEntries(entries) as Record<PushState, number>;
  const recipients = Object.values(counts).reduce((a, b) => a + b, 0);
  const [failedDocs, paused] = await Promise.all([
    counts.failed > 0
      ? notices.find({ campaignId: doc._id, push: 'failed' }, { limit: FAILED_READ })
      : Promise.resolve([] as NoticeDoc[]),
    counts.queued > 0
      ? notices.find(
          { campaignId: doc._id, push: 'queued', dueAt: { $gt: ports.clock.now().toISOString() }, errCode: null },
          { orderBy: [['dueAt', 'asc']], limit: 1 },
        )
      : Promise.resolve([] as NoticeDoc[]),
  ]);
  const byReason = new Map<string, number>();
  for (const n of failedDocs) byReason.set(n.reason ?? '未知原因', (byReason.get(n.reason ?? '未知原因') ?? 0) + 1);
  const config = failedDocs.find((n) => n.errCode !== null && CONFIG_CODES.includes(n.errCode));
  const quota = paused[0]?.reason?.includes('45009') ? paused[0].dueAt : null;
  const final = PUSH_STATES.filter((s) => FINAL_PUSH_STATES.has(s)).reduce((sum, s) => sum + counts[s], 0);
  const expected = Math.max(doc.audienceCount, recipients);
  return {
    status: liveStatus(doc, counts),
    audience: doc.audienceCount,
    reachable: doc.reachableCount,
    recipients,
    counts,
    failed: [...byReason.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    configError: config?.reason ?? null,
    pausedUntil: quota,
    progress: expected === 0 ? 1 : final / expected,
  };
}

export const reportCampaign: UseCase<'admin.campaign.report'> = async (ctx, input, ports) => {
  const doc = await loadCampaign(ports, input.id);
  assertOrganizerOf(ctx.caller.grants, doc.contestId);
  const report = await campaignReport(ports, doc);
  return { campaign: { ...campaignView(doc, await contestName(ports, doc.contestId)), status: report.status }, report };
};
