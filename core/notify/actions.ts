import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id, noInput } from '../schemas/common';
import { SUBSCRIBE_RESULTS } from './credits';
import { TEMPLATE_ID_PATTERN } from './template-id';
import type { NotifySettingsView, TemplateIds } from './views';

/**
 * The most template ids one `wx.requestSubscribeMessage` takes on clients in use (newer documents say 5; 3 is what
 * every client is known to accept), and so the most results one report carries.
 */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export const notifyActions = {
  /** The template ids the client asks the user about; public, because a follower subscribes before signing in. */
  'notify.template.list': defineAction<{ templates: TemplateIds }>()({
    input: noInput,
    access: 'public',
    write: false,
  }),

  /**
   * What `wx.requestSubscribeMessage` answered at a tap: each `accept` is one credit for (user, template).
   * A retry carries the same requestId and counts once.
   */
  'notify.subscription.record': defineAction<{ credits: Array<{ templateId: string; credits: number }> }>()({
    input: v.object({
      results: v.pipe(
        v.array(
          v.object({
            templateId: v.pipe(v.string('请提供模板 ID'), v.regex(TEMPLATE_ID_PATTERN, '模板 ID 格式不正确')),
            result: v.picklist(SUBSCRIBE_RESULTS, '订阅结果应为 accept、reject、ban 或 filter'),
          }),
        ),
        v.maxLength(MAX_TEMPLATES_PER_REQUEST, `一次最多订阅 ${MAX_TEMPLATES_PER_REQUEST} 种消息`),
      ),
      /** Tapped 订阅赛事提醒 on this contest's page: the caller follows it (an audience of campaigns). */
      contestId: v.optional(id('赛事')),
      /** The call failed with 20004: 订阅消息 is switched off in the user's settings. */
      mainSwitchOff: v.optional(v.boolean('开关状态应为是或否')),
    }),
    access: 'user',
    write: true,
  }),

  'notify.setting.get': defineAction<NotifySettingsView>()({
    input: noInput,
    access: 'user',
    write: false,
  }),
} as const;
