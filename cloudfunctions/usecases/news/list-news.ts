import { type Filter } from '../../ports';
import { C, type ArticleDoc } from '../collections';
import type { UseCase } from '../context';
import { articleSummary, visibleFilter } from './article-views';

/** 新闻 tab: visible articles, pinned first then newest, one page at a time (never the whole collection). */
export const listNews: UseCase<'news.list'> = async (_ctx, input, ports) => {
  const and: Filter[] = [visibleFilter(ports.clock.now())];
  if (input.category) and.push({ category: input.category });
  if (input.q) and.push({ title: { $contains: input.q } });
  const filter: Filter = { $and: and };
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const [docs, total] = await Promise.all([
    articles.find(filter, {
      orderBy: [
        ['pinned', 'desc'],
        ['publishAt', 'desc'],
      ],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    articles.count(filter),
  ]);
  return {
    items: await Promise.all(docs.map((d) => articleSummary(ports.files, d))),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};
