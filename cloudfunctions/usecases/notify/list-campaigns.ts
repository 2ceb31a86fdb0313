import type { Ports } from '../../ports';
import { C, type CampaignDoc, type ContestDoc, type NoticeDoc } from '../collections';
import type { UseCase } from '../context';
import { findByIds } from '../find-by-ids';
import { assertOrganizerOf, contestScopeFilter } from '../scope';
import { campaignView, contestName, loadCampaign } from './campaign-run';
import { liveStatus } from './campaign-report';

async function pendingCounts(ports: Ports, doc: CampaignDoc) {
  if (doc.status !== 'sending' || !doc.fanout.done) return { queued: 1, sending: 0 };
  const notices = ports.db.collection<NoticeDoc>(C.notices);
  const [queued, sending] = await Promise.all([
    notices.count({ campaignId: doc._id, push: 'queued' }),
    notices.count({ campaignId: doc._id, push: 'sending' }),
  ]);
  return { queued, sending };
}

export const listCampaigns: UseCase<'admin.campaign.list'> = async (ctx, input, ports) => {
  const filter = contestScopeFilter(ctx.caller.grants, input.contestId);
  const campaigns = ports.db.collection<CampaignDoc>(C.campaigns);
  const [docs, total] = await Promise.all([
    campaigns.find(filter, {
      orderBy: [['createdAt', 'desc']],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    campaigns.count(filter),
  ]);
  const contests = await findByIds<ContestDoc>(
    ports.db,
    C.contests,
    docs.map((d) => d.contestId),
  );
  const items = await Promise.all(
    docs.map(async (doc) => ({
      ...campaignView(doc, contests.get(doc.contestId)?.name ?? ''),
      status: liveStatus(doc, await pendingCounts(ports, doc)),
    })),
  );
  return { items, total };
};

export const getCampaign: UseCase<'admin.campaign.get'> = async (ctx, input, ports) => {
  const doc = await loadCampaign(ports, input.id);
  assertOrganizerOf(ctx.caller.grants, doc.contestId);
  return {
    campaign: {
      ...campaignView(doc, await contestName(ports, doc.contestId)),
      status: liveStatus(doc, await pendingCounts(ports, doc)),
    },
  };
};
