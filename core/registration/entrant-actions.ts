import * as v from 'valibot';
import { defineAction } from '../action-def';
import type { EntryStatus } from './entry-status';
import { contestRef, registrationDraft, registrationForm } from './forms';

/** Signing up, in the entrant subpackage: the forms' schemas stay out of the main package. */
export const registrationEntrantActions = {
  'registration.draft.save': defineAction<{ entryId: string; savedAt: string; status: EntryStatus }>()({
    input: v.object({ ...contestRef, form: registrationDraft }),
    access: 'user',
    write: true,
  }),

  'registration.submit': defineAction<{ entryId: string; status: EntryStatus; submittedAt: string }>()({
    input: v.object({ ...contestRef, form: registrationForm }),
    access: 'user',
    write: true,
  }),

  'registration.withdraw': defineAction<{ entryId: string; status: EntryStatus }>()({
    input: v.object(contestRef),
    access: 'user',
    write: true,
  }),
} as const;
