import * as v from 'valibot';
import { defineAction } from '../action-def';
import { fileRef } from '../files/uploads';
import { id, int, noInput, paging, searchQuery, text } from '../schemas/common';
import {
  RESULT_ITEMS_PAGE_MAX,
  RESULT_LISTS_PAGE_MAX,
  RESULT_LIST_MAX_ITEMS,
  type ResultItem,
  type ResultKind,
} from './types';
import type { ObjectionView, ResultListView } from './views';

export const resultsActions = {
  /**
   * Published lists, newest first, a page at a time, each with its first RESULT_PREVIEW_ITEMS projects and
   * `itemCount`: a page of whole lists (up to 1,000 projects each) would pass the platform's 1 MB answer.
   */
  'results.list': defineAction<{
    lists: ResultListView[];
    total: number;
    page: number;
    pageSize: number;
    now: string;
  }>()({
    input: v.optional(v.object({ contestId: v.optional(id('赛事')), ...paging(RESULT_LISTS_PAGE_MAX, 5) }), {}),
    access: 'public',
    write: false,
  }),

  /** The projects of one published list from `offset` on, in the list's order (展开全部, 加载更多). */
  'results.items': defineAction<{ items: ResultItem[]; total: number; offset: number }>()({
    input: v.object({
      listId: id('名单'),
      offset: v.optional(int('起始位置', 0, RESULT_LIST_MAX_ITEMS), 0),
      limit: v.optional(int('每页条数', 1, RESULT_ITEMS_PAGE_MAX), RESULT_ITEMS_PAGE_MAX),
    }),
    access: 'public',
    write: false,
  }),

  'results.search': defineAction<{
    items: Array<ResultItem & { listId: string; listTitle: string; contestName: string; kind: ResultKind }>;
  }>()({
    input: v.object({
      q: v.pipe(searchQuery('请输入项目或企业名称'), v.minLength(1, '请输入项目或企业名称')),
    }),
    access: 'public',
    write: false,
  }),

  'results.objection.file': defineAction<{ objection: ObjectionView }>()({
    input: v.object({
      listId: id('名单'),
      entryId: v.optional(id('报名')),
      reason: text('异议理由', { min: 5, max: 500 }),
      contact: text('联系方式', { max: 50 }),
      attachment: v.optional(fileRef),
    }),
    access: 'user',
    write: true,
  }),

  'results.objection.mine': defineAction<{ items: ObjectionView[] }>()({
    input: noInput,
    access: 'user',
    write: false,
  }),
} as const;
