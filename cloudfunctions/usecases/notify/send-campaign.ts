import { AppError, ErrorCode } from '@core/errors';
import { TEMPLATES, templateEnvName } from '@core/notify/templates';
import { C, type CampaignDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { writeAudit } from '../audit';
import { actorName } from '../judging/common';
import { assertOrganizerOf } from '../scope';
import { assertAudience, audienceCount } from './audience';
import { campaignView, contestName, loadCampaign, queueCampaign, startNow } from './campaign-run';

/**
 * Sends a draft now or at its time. Everything that would make it fail is refused before anything changes: no
 * template for the kind, an audience of nobody, a time already past, a campaign already sent (decided in the
 * transaction that marks it, so two organizers pressing at once send it once).
 */
export const sendCampaign: UseCase<'admin.campaign.send'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const campaign = await loadCampaign(ports, input.id);
  assertOrganizerOf(ctx.caller.grants, campaign.contestId);
  if (campaign.status !== 'draft') throw new AppError(ErrorCode.INVALID_STATE, '该通知已发送，不能重复发送');
  const templateId = ctx.templates[campaign.kind];
  if (templateId === null) {
    throw new AppError(
      ErrorCode.INVALID_STATE,
      `「${TEMPLATES[campaign.kind].title}」的订阅消息模板尚未配置（${templateEnvName(campaign.kind)}），暂不能发送`,
    );
  }
  const now = ports.clock.now();
  if (input.sendAt !== undefined && Date.parse(input.sendAt) < now.getTime()) {
    throw new AppError(ErrorCode.INVALID_INPUT, '发送时间已过，请选择以后的时间', {
      sendAt: '发送时间已过，请选择以后的时间',
    });
  }
  await assertAudience(ports, ctx.caller.grants, campaign.contestId, campaign.audience);
  const count = await audienceCount(ports, campaign.contestId, campaign.audience, templateId);
  if (count.audience === 0) throw new AppError(ErrorCode.INVALID_STATE, '所选发送对象中没有任何人，请调整后再发送');

  const scheduled = input.sendAt !== undefined && Date.parse(input.sendAt) > now.getTime();
  // Stored in UTC: the job queue and the drain compare instants as ISO strings.
  const sendAt = input.sendAt === undefined ? now.toISOString() : new Date(input.sendAt).toISOString();
  const marked = await ports.db.transaction(async (tx) => {
    const current = await tx.get<CampaignDoc>(C.campaigns, campaign._id);
    if (current === null || current.status !== 'draft') {
      throw new AppError(ErrorCode.INVALID_STATE, '该通知已发送，不能重复发送');
    }
    const next: CampaignDoc = {
      ...current,
      status: scheduled ? 'scheduled' : 'sending',
      sendAt,
      templateId,
      audienceCount: count.audience,
      reachableCount: count.reachable,
      updatedAt: now.toISOString(),
    };
    await tx.set<CampaignDoc>(C.campaigns, next);
    return next;
  });
  // Queued before anything is written: if this call dies, cron starts (or continues) the fan-out.
  await queueCampaign(ports, campaign._id, sendAt);
  await writeAudit(ports.db, {
    contestId: campaign.contestId,
    actorOpenid: openid,
    actorName: await actorName(ports.db, openid, '组委会'),
    action: 'campaign',
    after: `${scheduled ? '定时发送' : '发送'}「${TEMPLATES[campaign.kind].title}」：对象 ${count.audience} 人，可送达 ${count.reachable} 人`,
    at: now.toISOString(),
  });
  if (!scheduled) await startNow(ports, campaign._id, count.openids);
  const fresh = (await ports.db.collection<CampaignDoc>(C.campaigns).get(campaign._id)) ?? marked;
  return {
    campaign: campaignView(fresh, await contestName(ports, campaign.contestId)),
    count: { audience: count.audience, reachable: count.reachable, unreachable: count.unreachable },
  };
};
