import * as v from 'valibot';
import { defineAction } from '../action-def';
import { paging } from '../schemas/common';
import type { InboxItemView } from './views';

/** 我的 → 消息, in the entrant subpackage. */
export const inboxEntrantActions = {
  'inbox.list': defineAction<{ items: InboxItemView[]; unread: number; hasMore: boolean }>()({
    input: v.optional(v.object({ ...paging(50, 20) }), {}),
    access: 'user',
    write: false,
  }),

  /** Marks the caller's messages read: the given ones, or every one (`all`). */
  'inbox.read': defineAction<{ unread: number }>()({
    // One object with either field, not a union: valibot's union would be one more function in the main package.
    input: v.pipe(
      v.object({
        ids: v.optional(
          v.pipe(
            v.array(v.pipe(v.string('请选择消息'), v.regex(/^[A-Za-z0-9_.:-]{1,160}$/, '消息编号格式不正确'))),
            v.maxLength(100, '一次最多标记 100 条消息'),
          ),
        ),
        all: v.optional(v.boolean('全部已读应为是或否')),
      }),
      v.check((input) => input.all === true || (input.ids?.length ?? 0) > 0, '请选择要标为已读的消息'),
    ),
    access: 'user',
    write: true,
  }),
} as const;
