import { C, type AuditDoc } from '../collections';
import type { UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { filterOf, row } from './audit-rows';

/** The contest's decision log (judging and the other decisions recorded per contest), newest first. */
export const listAudits: UseCase<'admin.audit.list'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const audits = ports.db.collection<AuditDoc>(C.audits);
  const filter = filterOf(input.contestId, input.roundId);
  const [items, total] = await Promise.all([
    audits.find(filter, {
      orderBy: [['at', 'desc']],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    audits.count(filter),
  ]);
  return { items: items.map(row), total, page: input.page, pageSize: input.pageSize };
};
