import * as v from 'valibot';
import { defineAction } from '../action-def';
import { fileRef } from '../files/uploads';
import { id, noInput, searchQuery, text } from '../schemas/common';
import type { ResultItem, ResultKind } from './types';
import type { ObjectionView, ResultListView } from './views';

export const resultsActions = {
  'results.list': defineAction<{ lists: ResultListView[]; now: string }>()({
    input: v.optional(v.object({ contestId: v.optional(id('赛事')) }), {}),
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
