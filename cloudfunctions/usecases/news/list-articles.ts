import type { Filter } from '../../ports';
import { C, type ArticleDoc } from '../collections';
import type { UseCase } from '../context';
import { manageableFilter } from './article-rules';
import { adminArticle } from './article-views';

export const listArticles: UseCase<'admin.article.list'> = async (ctx, input, ports) => {
  const filter: Filter = { $and: [manageableFilter(ctx.caller.grants), input.status ? { status: input.status } : {}] };
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const [docs, total] = await Promise.all([
    articles.find(filter, {
      orderBy: [['updatedAt', 'desc']],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    articles.count(filter),
  ]);
  const now = ports.clock.now();
  return {
    items: await Promise.all(docs.map((d) => adminArticle(ports.files, d, now))),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};
