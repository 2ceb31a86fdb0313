import * as v from 'valibot';
import { defineAction } from '../action-def';
import { ENTRY_STATUSES } from '../registration/entry-status';
import { id, instant, optionalText, paging } from '../schemas/common';
import {
  AUDIENCE_ROLES,
  CAMPAIGN_KINDS,
  type AudienceCount,
  type CampaignReport,
  type CampaignView,
} from './campaigns';
import { type ReminderKind, type ReminderSettingsView } from './reminders';
import { NOTIFY_KINDS } from './templates';

/** Free text of a field; WeChat's own limit (20 for a `thing`) is checked with the template (campaignNotice). */
const fieldText = (label: string) => optionalText(label, 60);

export const audienceInput = v.object({
  role: v.picklist(AUDIENCE_ROLES, '请选择发送对象'),
  statuses: v.optional(
    v.pipe(v.array(v.picklist(ENTRY_STATUSES, '报名状态不正确')), v.maxLength(ENTRY_STATUSES.length, '报名状态过多')),
  ),
  group: v.optional(v.picklist(['enterprise', 'maker'], '组别不正确')),
  field: fieldText('行业领域'),
  district: fieldText('地区'),
  roundId: v.optional(id('评审轮次')),
  pendingOnly: v.optional(v.boolean('只发给未完成的评委应为是或否')),
});

const campaignFieldsInput = v.object({
  title: fieldText('通知标题'),
  at: v.optional(instant('时间')),
  place: fieldText('地点'),
  note: fieldText('备注'),
});

const onOff = v.optional(v.boolean('开关应为是或否'));

/** Each automatic reminder kind, on (true) or off (false); a kind left out keeps its setting (the compiler wants every kind named). */
const reminderSwitches = v.object({
  registrationDeadline: onOff,
  reviewResult: onOff,
  advancement: onOff,
  award: onOff,
  judgeTask: onOff,
  resultPublished: onOff,
  finalSchedule: onOff,
} satisfies Record<ReminderKind, typeof onOff>);

const exportOutput = defineAction<{ url: string; fileName: string; rows: number; expiresAt: string }>();

export const notifyAdminActions = {
  'admin.campaign.list': defineAction<{ items: CampaignView[]; total: number }>()({
    input: v.object({ contestId: v.optional(id('赛事')), ...paging(50, 20) }),
    access: ['organizer'],
    write: false,
  }),

  'admin.campaign.get': defineAction<{ campaign: CampaignView }>()({
    input: v.object({ id: id('通知') }),
    access: ['organizer'],
    write: false,
  }),

  /** Saves a draft (a new one without `id`): stored first, sent only by admin.campaign.send. */
  'admin.campaign.upsert': defineAction<{ campaign: CampaignView }>()({
    input: v.object({
      id: v.optional(id('通知')),
      contestId: id('赛事'),
      kind: v.picklist(CAMPAIGN_KINDS, '请选择消息类型'),
      fields: campaignFieldsInput,
      body: optionalText('站内消息正文', 500),
      audience: audienceInput,
    }),
    access: ['organizer'],
    write: true,
  }),

  /** The counts before sending, for a draft being edited (nothing is stored). */
  'admin.campaign.preview': defineAction<AudienceCount>()({
    input: v.object({
      contestId: id('赛事'),
      kind: v.picklist(NOTIFY_KINDS, '请选择消息类型'),
      audience: audienceInput,
    }),
    access: ['organizer'],
    write: false,
  }),

  /** Sends now, or at `sendAt` (Beijing time is the organizer's; the instant carries its offset). */
  'admin.campaign.send': defineAction<{ campaign: CampaignView; count: AudienceCount }>()({
    input: v.object({ id: id('通知'), sendAt: v.optional(instant('发送时间')) }),
    access: ['organizer'],
    write: true,
  }),

  'admin.campaign.report': defineAction<{ campaign: CampaignView; report: CampaignReport }>()({
    input: v.object({ id: id('通知') }),
    access: ['organizer'],
    write: false,
  }),

  'admin.campaign.export': exportOutput({
    input: v.object({ id: id('通知') }),
    access: ['organizer'],
    write: false,
  }),

  /** The contest's automatic reminders (自动提醒), each with who gets it and whether it is on. */
  'admin.reminder.get': defineAction<ReminderSettingsView>()({
    input: v.object({ contestId: id('赛事') }),
    access: ['organizer'],
    write: false,
  }),

  /** Turns kinds of automatic reminders on or off for one contest; audited. */
  'admin.reminder.update': defineAction<ReminderSettingsView>()({
    input: v.object({ contestId: id('赛事'), enabled: reminderSwitches }),
    access: ['organizer'],
    write: true,
  }),
} as const;
