import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id, paging, searchQuery } from '../schemas/common';
import { ARTICLE_CATEGORIES } from './types';
import type { ArticleDetail, ArticleSummary } from './views';

export const newsActions = {
  'news.list': defineAction<{ items: ArticleSummary[]; total: number; page: number; pageSize: number }>()({
    input: v.optional(
      v.object({
        category: v.optional(v.picklist(ARTICLE_CATEGORIES)),
        q: v.optional(searchQuery()),
        ...paging(20, 10),
      }),
      {},
    ),
    access: 'public',
    write: false,
  }),

  /** One article; counts a view (an atomic increment). */
  'news.get': defineAction<{ article: ArticleDetail }>()({
    input: v.object({ id: id('文章') }),
    access: 'public',
    write: false,
  }),
} as const;
