import { AppError, ErrorCode } from '@core/errors';
import { EMPTY_CREDITS, afterSubscribe } from '@core/notify/credits';
import {
  C,
  subscriptionId,
  type ContestDoc,
  type FollowDoc,
  type NotifySettingsDoc,
  type SubscriptionDoc,
} from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { kindOfTemplate } from './template-ids';

/**
 * Records what the user answered at one `wx.requestSubscribeMessage`: one transaction over the ledger rows of the
 * templates asked about (an accept is one more credit), the 订阅赛事提醒 follow and the main-switch state. The
 * router's requestId makes a retried report count once; concurrent reports collide in the transaction and both
 * count.
 */
export const recordSubscription: UseCase<'notify.subscription.record'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const templateIds = [...new Set(input.results.map((r) => r.templateId))];
  if (templateIds.length !== input.results.length) {
    throw new AppError(ErrorCode.INVALID_INPUT, '同一种消息在一次订阅中只能出现一次');
  }
  for (const templateId of templateIds) {
    if (kindOfTemplate(ctx.templates, templateId) === null) {
      throw new AppError(ErrorCode.INVALID_INPUT, '该消息模板不属于本小程序，请刷新后重试');
    }
  }
  if (input.contestId !== undefined) {
    const contest = await ports.db.collection<ContestDoc>(C.contests).get(input.contestId);
    if (contest === null) throw new AppError(ErrorCode.NOT_FOUND, '赛事不存在');
  }
  const now = ports.clock.now().toISOString();
  return ports.db.transaction(async (tx) => {
    const credits: Array<{ templateId: string; credits: number }> = [];
    for (const { templateId, result } of input.results) {
      const id = subscriptionId(openid, templateId);
      const ledger = await tx.get<SubscriptionDoc>(C.subscriptions, id);
      const base: SubscriptionDoc = ledger ?? { ...EMPTY_CREDITS, _id: id, openid, templateId, updatedAt: now };
      const next: SubscriptionDoc = { ...base, ...afterSubscribe(base, result), updatedAt: now };
      await tx.set<SubscriptionDoc>(C.subscriptions, next);
      credits.push({ templateId, credits: next.credits });
    }
    if (input.contestId !== undefined) {
      const followId = `${input.contestId}:${openid}`;
      if ((await tx.get<FollowDoc>(C.follows, followId)) === null) {
        await tx.set<FollowDoc>(C.follows, { _id: followId, contestId: input.contestId, openid, createdAt: now });
      }
    }
    const switchOff = input.mainSwitchOff ?? (input.results.length > 0 ? false : undefined);
    if (switchOff !== undefined) {
      await tx.set<NotifySettingsDoc>(C.notifySettings, { _id: openid, mainSwitchOff: switchOff, updatedAt: now });
    }
    return { credits };
  });
};
