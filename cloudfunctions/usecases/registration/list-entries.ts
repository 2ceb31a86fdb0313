import { C, type ContestDoc, type EntryDoc } from '../collections';
import type { UseCase } from '../context';
import { findByIds } from '../find-by-ids';
import { contestScopeFilter } from '../scope';
import { entryListFilter, entryRow } from './entry-views';

/** The review list: filters, search, newest submissions first, paged (skip/limit past 1,000 rows). */
export const listEntries: UseCase<'admin.entry.list'> = async (ctx, input, ports) => {
  const filter = entryListFilter(contestScopeFilter(ctx.caller.grants, input.contestId), input);
  const entries = ports.db.collection<EntryDoc>(C.entries);
  const [items, total] = await Promise.all([
    entries.find(filter, {
      orderBy: [['submittedAt', 'desc']],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    entries.count(filter),
  ]);
  const contests = await findByIds<ContestDoc>(
    ports.db,
    C.contests,
    items.map((e) => e.contestId),
  );
  return {
    items: items.map((e) => entryRow(e, contests.get(e.contestId)?.name ?? '')),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};
