import { C, noticeId, type NoticeDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';

/**
 * Marks messages read. An id names a message only together with the caller's openid (the notice's natural id),
 * so no one can touch another person's messages, whatever ids they send.
 */
export const readInbox: UseCase<'inbox.read'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const notices = ports.db.collection<NoticeDoc>(C.notices);
  const readAt = ports.clock.now().toISOString();
  const mine =
    input.all === true ? { openid } : { _id: { $in: (input.ids ?? []).map((source) => noticeId(source, openid)) } };
  await notices.updateWhere({ ...mine, readAt: null }, { readAt });
  return { unread: await notices.count({ openid, readAt: null }) };
};
