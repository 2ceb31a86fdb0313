import type { ActionInput } from '@core/actions';
import type { Group } from '@core/contest/types';
import { ENTRY_STATUSES, type EntryStatus } from '@core/registration/entry-status';

/** What the organizer filters 报名审核 by; the list and the export send the same selection. */
export interface Filters {
  contestId?: string;
  group?: Group;
  field?: string;
  district?: string;
  status?: EntryStatus;
}

export type Selection = Omit<ActionInput<'admin.entry.list'>, 'page' | 'pageSize'>;

export function isStatus(value: string | undefined): value is EntryStatus {
  return value !== undefined && (ENTRY_STATUSES as readonly string[]).includes(value);
}

/** Only the filters that are set: the request (and the export) carries no empty keys. */
export function definedFilters(filters: Filters, q: string): Selection {
  const out: Selection = {};
  if (filters.contestId) out.contestId = filters.contestId;
  if (filters.group) out.group = filters.group;
  if (filters.field) out.field = filters.field;
  if (filters.district) out.district = filters.district;
  if (filters.status) out.status = filters.status;
  if (q !== '') out.q = q;
  return out;
}
