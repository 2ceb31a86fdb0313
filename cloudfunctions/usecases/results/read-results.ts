import type { Filter } from '../../ports';
import type { UseCase } from '../context';
import { C, type ResultItemDoc, type ResultListDoc } from '../collections';
import { contestScopeFilter } from '../admin/scope';
import { resultListView } from './result-views';

/** 成绩 tab: published lists, newest first. */
export const listResults: UseCase<'results.list'> = async (_ctx, input, ports) => {
  const filter: Filter = { status: 'published', ...(input.contestId ? { contestId: input.contestId } : {}) };
  const docs = await ports.db
    .collection<ResultListDoc>(C.resultLists)
    .find(filter, { orderBy: [['publishedAt', 'desc']], limit: 50 });
  const now = ports.clock.now();
  return { lists: docs.map((d) => resultListView(d, now)), now: now.toISOString() };
};

/** Find a project or company on any published list. */
export const searchResults: UseCase<'results.search'> = async (_ctx, input, ports) => {
  const docs = await ports.db.collection<ResultItemDoc>(C.resultItems).find(
    {
      listStatus: 'published',
      $or: [{ projectName: { $contains: input.q } }, { orgName: { $contains: input.q } }],
    },
    { orderBy: [['publishedAt', 'desc']], limit: 50 },
  );
  return {
    items: docs.map((d) => ({
      entryId: d.entryId,
      projectName: d.projectName,
      orgName: d.orgName,
      group: d.group,
      field: d.field,
      district: d.district,
      prize: d.prize,
      listId: d.listId,
      listTitle: d.listTitle,
      contestName: d.contestName,
      kind: d.kind,
    })),
  };
};

export const listResultsAdmin: UseCase<'admin.results.list'> = async (ctx, input, ports) => {
  const docs = await ports.db
    .collection<ResultListDoc>(C.resultLists)
    .find(
      { $and: [contestScopeFilter(ctx.caller.grants, input.contestId), { status: { $ne: 'publishing' } }] },
      { orderBy: [['publishedAt', 'desc']], limit: 100 },
    );
  const now = ports.clock.now();
  return { lists: docs.map((d) => resultListView(d, now)) };
};
