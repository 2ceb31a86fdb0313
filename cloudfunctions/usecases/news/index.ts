import type { newsActions } from '@core/news/actions';
import type { newsAdminActions } from '@core/news/admin-actions';
import type { AreaUseCases } from '../context';
import { getAdminArticle } from './get-admin-article';
import { getArticle } from './get-article';
import { listArticles } from './list-articles';
import { listNews } from './list-news';
import { removeArticle } from './remove-article';
import { upsertArticle } from './upsert-article';

/** The news area's use cases, one per action of its tables (the type insists on every one). */
export const newsUseCases: AreaUseCases<typeof newsActions & typeof newsAdminActions> = {
  'news.list': listNews,
  'news.get': getArticle,
  'admin.article.list': listArticles,
  'admin.article.get': getAdminArticle,
  'admin.article.upsert': upsertArticle,
  'admin.article.remove': removeArticle,
};
