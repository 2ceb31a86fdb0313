import type { entryFilter as entryFilterSchema } from '@core/registration/admin-actions';
import { maskMobile } from '@core/registration/mask';
import type { EntryRow } from '@core/registration/views';
import type * as v from 'valibot';
import type { Filter } from '../../ports';
import type { EntryDoc } from '../collections';

type EntryFilterInput = v.InferOutput<typeof entryFilterSchema>;

export function entryRow(entry: EntryDoc, contestName: string): EntryRow {
  return {
    id: entry._id,
    contestId: entry.contestId,
    contestName,
    group: entry.group,
    projectName: entry.projectName,
    orgName: entry.orgName,
    field: entry.field,
    district: entry.district,
    status: entry.status,
    mobileMasked: maskMobile(entry.form.mobile ?? ''),
    submittedAt: entry.submittedAt,
    similar: entry.similar,
  };
}

/**
 * The organizers' list filter. Drafts and withdrawn entries are the entrant's business, so they are
 * shown only when asked for by status.
 */
export function entryListFilter(scope: Filter, input: EntryFilterInput): Filter {
  const and: Filter[] = [scope];
  if (input.group) and.push({ group: input.group });
  if (input.field) and.push({ field: input.field });
  if (input.district) and.push({ district: input.district });
  and.push(input.status ? { status: input.status } : { status: { $nin: ['draft', 'withdrawn'] } });
  if (input.q) and.push({ $or: [{ projectName: { $contains: input.q } }, { orgName: { $contains: input.q } }] });
  return { $and: and };
}
