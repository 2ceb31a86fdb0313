import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id, reason } from '../schemas/common';
import type { InstitutionView } from './views';

export const institutionAdminActions = {
  'admin.institution.list': defineAction<{ items: InstitutionView[] }>()({
    input: v.optional(v.object({ status: v.optional(v.picklist(['pending', 'approved', 'rejected'])) }), {}),
    access: ['organizer'],
    write: false,
    // Institutions serve the whole edition, not one contest: the 组委会 reviews them.
    globalOnly: true,
  }),

  'admin.institution.decide': defineAction<{ institution: InstitutionView }>()({
    input: v.pipe(
      v.object({ id: id('服务机构'), decision: v.picklist(['approve', 'reject']), reason }),
      v.forward(
        v.check((i) => i.decision === 'approve' || (i.reason ?? '') !== '', '请填写理由'),
        ['reason'],
      ),
    ),
    access: ['organizer'],
    write: true,
    globalOnly: true,
  }),
} as const;
