import { defineAction } from '../action-def';
import { noInput } from '../schemas/common';

/** The unread count, in the main package: the badge is on a tab. */
export const inboxActions = {
  /** The badge on the 我的 tab. */
  'inbox.count': defineAction<{ unread: number }>()({
    input: noInput,
    access: 'user',
    write: false,
  }),
} as const;
