import * as v from 'valibot';
import { defineAction } from '../action-def';
import { noInput, paging } from '../schemas/common';
import type { InboxItemView } from './views';

export const inboxActions = {
  'inbox.list': defineAction<{ items: InboxItemView[]; unread: number; hasMore: boolean }>()({
    input: v.optional(v.object({ ...paging(50, 20) }), {}),
    access: 'user',
    write: false,
  }),

  /** Marks the caller's messages read: the given ones, or every one (`all`). */
  'inbox.read': defineAction<{ unread: number }>()({
    input: v.union(
      [
        v.object({
          ids: v.pipe(
            v.array(v.pipe(v.string('请选择消息'), v.regex(/^[A-Za-z0-9_.:-]{1,160}$/, '消息编号格式不正确'))),
            v.minLength(1, '请选择消息'),
            v.maxLength(100, '一次最多标记 100 条消息'),
          ),
        }),
        v.object({ all: v.literal(true) }),
      ],
      '请选择要标为已读的消息',
    ),
    access: 'user',
    write: true,
  }),

  /** The badge on the 我的 tab. */
  'inbox.count': defineAction<{ unread: number }>()({
    input: noInput,
    access: 'user',
    write: false,
  }),
} as const;
