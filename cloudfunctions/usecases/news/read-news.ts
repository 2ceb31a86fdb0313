import { AppError, ErrorCode } from '@core/errors';
import { isArticleVisible } from '@core/news/types';
import { inc, type Filter } from '../../ports';
import type { UseCase } from '../context';
import { C, type ArticleDoc } from '../collections';
import { articleDetail, articleSummary, visibleFilter } from './article-views';

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

/** One article for a reader; counts the view with an atomic increment, never read-modify-write. */
export const getNews: UseCase<'news.get'> = async (_ctx, input, ports) => {
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const doc = await articles.get(input.id);
  if (doc === null || !isArticleVisible(doc, ports.clock.now())) {
    throw new AppError(ErrorCode.NOT_FOUND, '文章不存在或尚未发布');
  }
  await articles.update(doc._id, { views: inc(1) });
  const article = await articleDetail(ports.files, { ...doc, views: doc.views + 1 });
  return { article };
};
