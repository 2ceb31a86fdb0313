import { AppError, ErrorCode } from '@core/errors';
import { maskMobile } from '@core/registration/mask';
import { C, type AuditDoc, type ContestDoc, type EntryDoc } from '../collections';
import type { UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { entryRow } from './entry-views';

/** One entry for review: every field with PII masked, the attachment's name, timeline and audit trail. */
export const getEntry: UseCase<'admin.entry.get'> = async (ctx, input, ports) => {
  const entry = await ports.db.collection<EntryDoc>(C.entries).get(input.entryId);
  if (entry === null) throw new AppError(ErrorCode.NOT_FOUND, '报名不存在');
  assertOrganizerOf(ctx.caller.grants, entry.contestId);
  const [contest, audits] = await Promise.all([
    ports.db.collection<ContestDoc>(C.contests).get(entry.contestId),
    ports.db.collection<AuditDoc>(C.audits).find({ entryId: entry._id }, { orderBy: [['at', 'asc']], limit: 200 }),
  ]);
  const { idHash: _hash, ...form } = entry.form as typeof entry.form & { idHash?: string };
  const plan = entry.form.businessPlan;
  return {
    entry: {
      ...entryRow(entry, contest?.name ?? ''),
      form: { ...form, mobile: maskMobile(entry.form.mobile ?? '') },
      businessPlan: plan ? { name: plan.name, size: plan.size } : null,
      history: entry.history,
      audits: audits.map((a) => ({
        id: a._id,
        actorName: a.actorName,
        action: a.action,
        before: a.before,
        after: a.after,
        reason: a.reason,
        at: a.at,
      })),
    },
  };
};
