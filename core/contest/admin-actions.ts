import { defineAction } from '../action-def';
import { contestInput, editionInput } from './schemas';

export const contestAdminActions = {
  'admin.edition.upsert': defineAction<{ id: string }>()({
    input: editionInput,
    access: ['organizer'],
    write: true,
    globalOnly: true,
  }),

  'admin.contest.upsert': defineAction<{ id: string }>()({ input: contestInput, access: ['organizer'], write: true }),
} as const;
