import { C, type ResultListDoc } from '../collections';
import type { UseCase } from '../context';
import { contestScopeFilter } from '../scope';
import { resultListView } from './result-views';

export const listResultLists: UseCase<'admin.result.list'> = async (ctx, input, ports) => {
  const docs = await ports.db
    .collection<ResultListDoc>(C.resultLists)
    .find(
      { $and: [contestScopeFilter(ctx.caller.grants, input.contestId), { status: { $ne: 'publishing' } }] },
      { orderBy: [['publishedAt', 'desc']], limit: 100 },
    );
  const now = ports.clock.now();
  return { lists: docs.map((d) => resultListView(d, now)) };
};
