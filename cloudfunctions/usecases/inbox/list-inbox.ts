import type { InboxItemView } from '@core/inbox/views';
import { C, type NoticeDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';

export function inboxItemView(doc: NoticeDoc): InboxItemView {
  return {
    id: doc.source,
    kind: doc.kind,
    title: doc.title,
    lines: doc.lines,
    body: doc.body,
    page: doc.page,
    createdAt: doc.createdAt,
    read: doc.readAt !== null,
  };
}

export const listInbox: UseCase<'inbox.list'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const notices = ports.db.collection<NoticeDoc>(C.notices);
  // One row past the page says whether there is another, without a count of everything.
  const [rows, unread] = await Promise.all([
    notices.find(
      { openid },
      { orderBy: [['createdAt', 'desc']], skip: (input.page - 1) * input.pageSize, limit: input.pageSize + 1 },
    ),
    notices.count({ openid, readAt: null }),
  ]);
  return {
    items: rows.slice(0, input.pageSize).map(inboxItemView),
    unread,
    hasMore: rows.length > input.pageSize,
  };
};
