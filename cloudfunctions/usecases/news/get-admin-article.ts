import { AppError, ErrorCode } from '@core/errors';
import { C, type ArticleDoc } from '../collections';
import type { UseCase } from '../context';
import { mayManage } from './article-rules';
import { adminArticle } from './article-views';

export const getAdminArticle: UseCase<'admin.article.get'> = async (ctx, input, ports) => {
  const doc = await ports.db.collection<ArticleDoc>(C.articles).get(input.id);
  // Another contest's draft is as absent as a missing one.
  if (doc === null || !mayManage(ctx.caller.grants, doc.contestId))
    throw new AppError(ErrorCode.NOT_FOUND, '文章不存在');
  return { article: await adminArticle(ports.files, doc, ports.clock.now()) };
};
