import * as v from 'valibot';
import { defineAction } from '../action-def';
import { fileRef } from '../files/uploads';
import { clean, id, instant, paging, text } from '../schemas/common';
import { ARTICLE_CATEGORIES } from './types';
import type { AdminArticle } from './views';

export const articleInput = v.object({
  id: v.optional(id('文章')),
  title: text('标题', { max: 60 }),
  category: v.picklist(ARTICLE_CATEGORIES, '请选择栏目'),
  contestId: v.optional(v.nullable(id('赛事')), null),
  cover: v.optional(v.nullable(fileRef), null),
  bodyHtml: v.pipe(
    v.string('请填写正文'),
    clean('正文'),
    v.minLength(1, '请填写正文'),
    v.maxLength(100_000, '正文过长'),
  ),
  attachments: v.optional(v.pipe(v.array(fileRef), v.maxLength(10, '附件最多 10 个')), []),
  pinned: v.optional(v.boolean(), false),
  publishAt: instant('发布时间'),
  status: v.picklist(['draft', 'published'], '状态只能是草稿或发布'),
});

export const newsAdminActions = {
  'admin.article.list': defineAction<{ items: AdminArticle[]; total: number; page: number; pageSize: number }>()({
    input: v.optional(
      v.object({
        status: v.optional(v.picklist(['draft', 'published', 'unpublished'])),
        ...paging(50, 20),
      }),
      {},
    ),
    access: ['organizer'],
    write: false,
  }),

  'admin.article.get': defineAction<{ article: AdminArticle }>()({
    input: v.object({ id: id('文章') }),
    access: ['organizer'],
    write: false,
  }),

  'admin.article.upsert': defineAction<{ article: AdminArticle }>()({
    input: articleInput,
    access: ['organizer'],
    write: true,
  }),

  'admin.article.remove': defineAction<{ id: string; removed: 'unpublished' | 'deleted' }>()({
    input: v.object({ id: id('文章'), mode: v.picklist(['unpublish', 'delete']) }),
    access: ['organizer'],
    write: true,
  }),
} as const;
