import { AppError, ErrorCode } from '@core/errors';
import { RESULT_PREVIEW_ITEMS } from '@core/results/types';
import type { Filter } from '../../ports';
import { C, type ResultListDoc } from '../collections';
import type { UseCase } from '../context';
import { resultListView } from './result-views';

/** 成绩 tab: published lists, newest first, a page at a time, each with the first projects only. */
export const listResults: UseCase<'results.list'> = async (_ctx, input, ports) => {
  const filter: Filter = { status: 'published', ...(input.contestId ? { contestId: input.contestId } : {}) };
  const lists = ports.db.collection<ResultListDoc>(C.resultLists);
  const [docs, total] = await Promise.all([
    lists.find(filter, {
      orderBy: [['publishedAt', 'desc']],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    lists.count(filter),
  ]);
  const now = ports.clock.now();
  return {
    lists: docs.map((d) => ({ ...resultListView(d, now), items: d.items.slice(0, RESULT_PREVIEW_ITEMS) })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    now: now.toISOString(),
  };
};

/** 展开全部 / 加载更多 on 成绩: one page of a published list's projects. */
export const listResultItems: UseCase<'results.items'> = async (_ctx, input, ports) => {
  const doc = await ports.db.collection<ResultListDoc>(C.resultLists).get(input.listId);
  // A list being written or withdrawn is not public.
  if (doc === null || doc.status !== 'published') throw new AppError(ErrorCode.NOT_FOUND, '名单不存在或已撤回');
  return {
    items: doc.items.slice(input.offset, input.offset + input.limit),
    total: doc.items.length,
    offset: input.offset,
  };
};
