import { defineAction } from '../action-def';
import { noInput } from '../schemas/common';
import { institutionInput } from './schemas';
import type { InstitutionView } from './views';

export const institutionActions = {
  'institution.register': defineAction<{ institution: InstitutionView }>()({
    input: institutionInput,
    access: 'user',
    write: true,
  }),

  'institution.mine': defineAction<{ institution: InstitutionView | null }>()({
    input: noInput,
    access: 'user',
    write: false,
  }),
} as const;
