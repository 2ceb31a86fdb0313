import { AppError, ErrorCode } from '@core/errors';
import { C, type ArticleDoc } from '../collections';
import type { UseCase } from '../context';
import { assertMayWrite } from './article-rules';

export const removeArticle: UseCase<'admin.article.remove'> = async (ctx, input, ports) => {
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const doc = await articles.get(input.id);
  if (doc === null) throw new AppError(ErrorCode.NOT_FOUND, '文章不存在');
  assertMayWrite(ctx.caller.grants, doc.contestId);
  if (input.mode === 'delete') {
    await articles.remove(doc._id);
    return { id: doc._id, removed: 'deleted' };
  }
  await articles.update(doc._id, { status: 'unpublished', updatedAt: ports.clock.now().toISOString() });
  return { id: doc._id, removed: 'unpublished' };
};
