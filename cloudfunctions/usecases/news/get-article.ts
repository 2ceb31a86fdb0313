import { AppError, ErrorCode } from '@core/errors';
import { isArticleVisible } from '@core/news/types';
import { inc } from '../../ports';
import { C, type ArticleDoc } from '../collections';
import type { UseCase } from '../context';
import { articleDetail } from './article-views';

/** One article for a reader; counts the view with an atomic increment, never read-modify-write. */
export const getArticle: UseCase<'news.get'> = async (_ctx, input, ports) => {
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const doc = await articles.get(input.id);
  if (doc === null || !isArticleVisible(doc, ports.clock.now())) {
    throw new AppError(ErrorCode.NOT_FOUND, '文章不存在或尚未发布');
  }
  await articles.update(doc._id, { views: inc(1) });
  const article = await articleDetail(ports.files, { ...doc, views: doc.views + 1 });
  return { article };
};
