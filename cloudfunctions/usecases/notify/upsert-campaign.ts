import { AppError, ErrorCode } from '@core/errors';
import { campaignNotice } from '@core/notify/campaigns';
import { randomBytes } from 'node:crypto';
import { C, type CampaignDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { actorName } from '../judging/common';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { assertTextsClean } from '../text-check';
import { assertAudience } from './audience';
import { campaignView } from './campaign-run';

/**
 * Saves a campaign as a draft. The message is built and checked against WeChat's field rules here, so a field
 * over its limit is refused with its name and the limit (「通知标题」最多 20 个字) and never reaches WeChat.
 */
export const upsertCampaign: UseCase<'admin.campaign.upsert'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  const built = campaignNotice(input.kind, input.fields, { id: contest._id, name: contest.name });
  if (!built.ok) throw new AppError(ErrorCode.INVALID_INPUT, Object.values(built.problems)[0], built.problems);
  await assertAudience(ports, ctx.caller.grants, contest._id, input.audience);
  // What reaches people's phones passes WeChat's content check like every other text users write.
  await assertTextsClean(ports.contentCheck, openid, {
    'fields.title': input.fields.title,
    'fields.place': input.fields.place,
    'fields.note': input.fields.note,
    body: input.body,
  });
  const now = ports.clock.now().toISOString();
  const name = await actorName(ports.db, openid, '组委会');
  const saved = await ports.db.transaction(async (tx) => {
    const existing = input.id === undefined ? null : await tx.get<CampaignDoc>(C.campaigns, input.id);
    if (input.id !== undefined) {
      if (existing === null) throw new AppError(ErrorCode.NOT_FOUND, '通知不存在');
      assertOrganizerOf(ctx.caller.grants, existing.contestId);
      if (existing.status !== 'draft') throw new AppError(ErrorCode.INVALID_STATE, '通知已发送，不能再修改');
    }
    const doc: CampaignDoc = {
      _id: existing?._id ?? `cmp-${randomBytes(8).toString('hex')}`,
      contestId: contest._id,
      kind: input.kind,
      fields: input.fields,
      body: input.body?.trim() ? input.body.trim() : null,
      audience: input.audience,
      lines: built.notice.lines,
      data: built.notice.data,
      page: built.notice.page,
      status: 'draft',
      sendAt: null,
      templateId: null,
      audienceCount: 0,
      reachableCount: 0,
      fanout: { written: 0, done: false },
      createdBy: existing?.createdBy ?? openid,
      createdByName: existing?.createdByName ?? name,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await tx.set<CampaignDoc>(C.campaigns, doc);
    return doc;
  });
  return { campaign: campaignView(saved, contest.name) };
};
