import { C, type NoticeDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';

export const countInbox: UseCase<'inbox.count'> = async (ctx, _input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  return { unread: await ports.db.collection<NoticeDoc>(C.notices).count({ openid, readAt: null }) };
};
