import { NOTIFY_KINDS, TEMPLATES } from '@core/notify/templates';
import {
  C,
  subscriptionId,
  type ContestDoc,
  type FollowDoc,
  type NotifySettingsDoc,
  type SubscriptionDoc,
} from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { findByIds } from '../find-by-ids';

export const getSettings: UseCase<'notify.setting.get'> = async (ctx, _input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const configured = NOTIFY_KINDS.flatMap((kind) => {
    const templateId = ctx.templates[kind];
    return templateId === null ? [] : [subscriptionId(openid, templateId)];
  });
  const [ledger, settings, follows] = await Promise.all([
    findByIds<SubscriptionDoc>(ports.db, C.subscriptions, configured),
    ports.db.collection<NotifySettingsDoc>(C.notifySettings).get(openid),
    ports.db.collection<FollowDoc>(C.follows).find({ openid }, { orderBy: [['createdAt', 'desc']], limit: 50 }),
  ]);
  const byTemplate = new Map([...ledger.values()].map((row) => [row.templateId, row]));
  const contests = await findByIds<ContestDoc>(
    ports.db,
    C.contests,
    follows.map((f) => f.contestId),
  );
  return {
    kinds: NOTIFY_KINDS.map((kind) => {
      const templateId = ctx.templates[kind];
      const row = templateId === null ? undefined : byTemplate.get(templateId);
      return {
        kind,
        title: TEMPLATES[kind].title,
        purpose: TEMPLATES[kind].purpose,
        templateId,
        credits: row?.credits ?? 0,
        lastResult: row?.lastResult ?? null,
      };
    }),
    mainSwitchOff: settings?.mainSwitchOff ?? false,
    contests: follows.flatMap((f) => {
      const name = contests.get(f.contestId)?.name;
      return name === undefined ? [] : [{ contestId: f.contestId, name }];
    }),
  };
};
