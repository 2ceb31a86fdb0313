import { defineAction } from '../action-def';
import { noInput } from '../schemas/common';
import type { MyEntry } from './views';

/** What 我的 (main package) reads of an entrant's entries. */
export const registrationActions = {
  'registration.mine': defineAction<{ items: MyEntry[] }>()({ input: noInput, access: 'user', write: false }),
} as const;
