import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id, optionalText, paging, reason, searchQuery } from '../schemas/common';
import { ENTRY_STATUSES, type EntryStatus } from './entry-status';
import type { EntryDetail, EntryRow, EntryStats } from './views';

/** Filters of the organizers' entry list and export. */
export const entryFilter = v.object({
  contestId: v.optional(id('赛事')),
  group: v.optional(v.picklist(['enterprise', 'maker'])),
  field: optionalText('行业领域', 20),
  district: optionalText('区', 20),
  status: v.optional(v.picklist(ENTRY_STATUSES)),
  /** Search in project and company / team leader names. */
  q: v.optional(searchQuery()),
});

export const registrationAdminActions = {
  'admin.entry.list': defineAction<{ items: EntryRow[]; total: number; page: number; pageSize: number }>()({
    input: v.object({ ...entryFilter.entries, ...paging(100, 20) }),
    access: ['organizer'],
    write: false,
  }),

  'admin.entry.get': defineAction<{ entry: EntryDetail }>()({
    input: v.object({ entryId: id('报名') }),
    access: ['organizer'],
    write: false,
  }),

  'admin.entry.decide': defineAction<{ entryId: string; status: EntryStatus }>()({
    input: v.pipe(
      v.object({ entryId: id('报名'), decision: v.picklist(['approve', 'reject', 'disqualify']), reason }),
      v.forward(
        v.check((i) => i.decision === 'approve' || (i.reason ?? '') !== '', '请填写理由'),
        ['reason'],
      ),
    ),
    access: ['organizer'],
    write: true,
  }),

  'admin.entry.stats': defineAction<EntryStats>()({
    input: v.optional(v.object({ contestId: v.optional(id('赛事')) }), {}),
    access: ['organizer'],
    write: false,
  }),

  'admin.entry.export': defineAction<{ url: string; fileName: string; rows: number; expiresAt: string }>()({
    input: v.object({ ...entryFilter.entries, includeSensitive: v.optional(v.boolean(), false) }),
    access: ['organizer'],
    write: true,
  }),
} as const;
