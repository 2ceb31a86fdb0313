import type { Filter } from '../../ports';
import { C, type ResultListDoc } from '../collections';
import type { UseCase } from '../context';
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
