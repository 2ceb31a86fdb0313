import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id, optionalText, publicityDays, text } from '../schemas/common';
import { RESULT_KINDS, RESULT_LIST_MAX_ITEMS } from './types';
import type { ObjectionView, ResultListView } from './views';

export const resultsAdminActions = {
  'admin.result.list': defineAction<{ lists: ResultListView[] }>()({
    input: v.optional(v.object({ contestId: v.optional(id('赛事')) }), {}),
    access: ['organizer'],
    write: false,
  }),

  'admin.result.publish': defineAction<{ list: ResultListView }>()({
    input: v.object({
      contestId: id('赛事'),
      kind: v.picklist(RESULT_KINDS, '请选择名单类型'),
      title: optionalText('标题', 60),
      entries: v.pipe(
        v.array(
          v.object({
            entryId: id('报名'),
            prize: v.optional(v.nullable(v.picklist(['first', 'second', 'third', 'merit'])), null),
          }),
        ),
        v.minLength(1, '请至少选择一个项目'),
        v.maxLength(RESULT_LIST_MAX_ITEMS, `一份名单最多 ${RESULT_LIST_MAX_ITEMS} 个项目`),
      ),
      publicityDays,
    }),
    access: ['organizer'],
    write: true,
  }),

  'admin.result.withdraw': defineAction<{ list: ResultListView }>()({
    input: v.object({ id: id('名单'), reason: text('撤回理由', { max: 200 }) }),
    access: ['organizer'],
    write: true,
  }),

  'admin.objection.list': defineAction<{ items: ObjectionView[] }>()({
    input: v.optional(v.object({ status: v.optional(v.picklist(['open', 'answered'])) }), {}),
    access: ['organizer'],
    write: false,
  }),

  'admin.objection.answer': defineAction<{ objection: ObjectionView }>()({
    input: v.object({ id: id('异议'), answer: text('答复', { max: 1000 }) }),
    access: ['organizer'],
    write: true,
  }),
} as const;
