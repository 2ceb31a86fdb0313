/**
 * Campaigns: a message an organizer sends to an audience of one contest (Award Force's broadcasts, in WeChat's
 * terms). What an organizer fills in per kind, how it becomes the template's fields, and who the audience can be.
 */
import type { Group } from '../contest/types';
import type { EntryStatus } from '../registration/entry-status';
import type { PushState } from './push';
import { TEMPLATES, buildNotice, cleanFieldValue, type BuiltNotice, type FieldProblem } from './templates';

/** Kinds an organizer writes by hand; 评审任务提醒 campaigns are made by 提醒未完成的评委. */
export const CAMPAIGN_KINDS = ['announcement', 'finalSchedule'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number] | 'judgeTask';

export const AUDIENCE_ROLES = ['entrants', 'judges', 'institutions', 'followers'] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

export const audienceRoleLabels: Record<AudienceRole, string> = {
  entrants: '报名者',
  judges: '评委',
  institutions: '服务机构',
  followers: '订阅了赛事提醒的用户',
};

export interface Audience {
  role: AudienceRole;
  /** Entrants only: entries in these statuses (none: every submitted entry, drafts excluded). */
  statuses?: EntryStatus[];
  group?: Group;
  field?: string;
  district?: string;
  /** Judges only: those assigned in this round (none: every judge of the contest). */
  roundId?: string;
  /** Judges of a round: only those with scores still to give. */
  pendingOnly?: boolean;
}

/** What an organizer types; which of them a kind uses is in CAMPAIGN_FIELDS. */
export interface CampaignFields {
  title?: string;
  /** An instant (ISO with offset): the time the message names. */
  at?: string;
  place?: string;
  note?: string;
}

type FieldName = keyof CampaignFields;

/** Per kind, the organizer's inputs in the order the form shows them, with the template field each fills. */
export const CAMPAIGN_FIELDS: Record<
  (typeof CAMPAIGN_KINDS)[number],
  ReadonlyArray<{ name: FieldName; key: string }>
> = {
  announcement: [
    { name: 'title', key: 'thing1' },
    { name: 'at', key: 'time3' },
    { name: 'note', key: 'thing4' },
  ],
  finalSchedule: [
    { name: 'at', key: 'time2' },
    { name: 'place', key: 'thing3' },
    { name: 'note', key: 'thing4' },
  ],
};

/** The label of an organizer's input, from the template (「通知标题」, 「决赛时间」 …). */
export function campaignFieldLabel(kind: (typeof CAMPAIGN_KINDS)[number], name: FieldName): string {
  const key = CAMPAIGN_FIELDS[kind].find((f) => f.name === name)?.key;
  return TEMPLATES[kind].fields.find((f) => f.key === key)?.label ?? name;
}

/**
 * The message a campaign of an organizer's kind sends, or the problems keyed by the organizer's input names
 * (`fields.title: 「通知标题」最多 20 个字`), as INVALID_INPUT details show them beside the inputs.
 */
export function campaignNotice(
  kind: (typeof CAMPAIGN_KINDS)[number],
  fields: CampaignFields,
  contest: { id: string; name: string },
): { ok: true; notice: BuiltNotice } | { ok: false; problems: Record<string, string> } {
  const missing: Record<string, string> = {};
  for (const { name } of CAMPAIGN_FIELDS[kind]) {
    // 备注 may stay empty: the card shows "—" (WeChat refuses an empty value).
    if (name !== 'note' && (fields[name] ?? '').trim() === '')
      missing[`fields.${name}`] = `请填写「${campaignFieldLabel(kind, name)}」`;
  }
  // What an organizer typed is never cut behind their back, whatever the template does with the platform's names.
  for (const { name } of CAMPAIGN_FIELDS[kind]) {
    const limit = campaignFieldLimit(kind, name);
    if (limit !== null && fieldLength(fields[name] ?? '') > limit) {
      missing[`fields.${name}`] = `「${campaignFieldLabel(kind, name)}」最多 ${limit} 个字`;
    }
  }
  if (Object.keys(missing).length > 0) return { ok: false, problems: missing };
  const at = fields.at ?? '';
  const built =
    kind === 'announcement'
      ? buildNotice('announcement', {
          contestId: contest.id,
          title: fields.title ?? '',
          contestName: contest.name,
          at,
          note: fields.note ?? '',
        })
      : buildNotice('finalSchedule', {
          contestId: contest.id,
          contestName: contest.name,
          startsAt: at,
          place: fields.place ?? '',
          note: fields.note ?? '',
        });
  if (built.ok) return built;
  return { ok: false, problems: problemsByInput(kind, built.problems) };
}

function problemsByInput(kind: (typeof CAMPAIGN_KINDS)[number], problems: FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const name = CAMPAIGN_FIELDS[kind].find((f) => f.key === p.key)?.name;
    out[name ? `fields.${name}` : `fields.${p.key}`] = p.message;
  }
  return out;
}

/** Where a campaign stands; `done` once nothing of it is left to push. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'done'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaignStatusLabels: Record<CampaignStatus, string> = {
  draft: '草稿',
  scheduled: '已定时',
  sending: '发送中',
  done: '已完成',
};

/** The counts before sending: everyone in the audience, and those WeChat can reach now (with a credit). */
export interface AudienceCount {
  audience: number;
  reachable: number;
  unreachable: number;
}

export interface CampaignView {
  id: string;
  contestId: string;
  contestName: string;
  kind: CampaignKind;
  kindTitle: string;
  fields: CampaignFields;
  body: string | null;
  audience: Audience;
  status: CampaignStatus;
  /** When it goes (scheduled) or went. */
  sendAt: string | null;
  /** The card as WeChat will show it. */
  lines: Array<{ label: string; value: string }>;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

/** The delivery report, live while the campaign drains. */
export interface CampaignReport {
  status: CampaignStatus;
  audience: number;
  /** Reachable when it was sent (with a credit at that moment). */
  reachable: number;
  /** Recipients written so far (the fan-out may still be running). */
  recipients: number;
  counts: Record<PushState, number>;
  failed: Array<{ reason: string; count: number }>;
  /** A deployment problem (wrong template id, page not released) shown once instead of per recipient. */
  configError: string | null;
  /** 45009: the day's quota is used up; sending resumes then. */
  pausedUntil: string | null;
  /** 0..1 of the recipients with a final state. */
  progress: number;
}

/** Final states: counted done in the progress bar. */
export const FINAL_PUSH_STATES: ReadonlySet<PushState> = new Set([
  'sent',
  'unsubscribed',
  'failed',
  'unknown',
  'inboxOnly',
]);

/** WeChat's length limit of an organizer's input (a `thing` field: 20), or null for a time. */
export function campaignFieldLimit(kind: (typeof CAMPAIGN_KINDS)[number], name: FieldName): number | null {
  const key = CAMPAIGN_FIELDS[kind].find((f) => f.name === name)?.key ?? '';
  return key.startsWith('thing') ? THING_LIMIT : null;
}

const THING_LIMIT = 20;

/** Characters as WeChat counts them (code points, after the cleaning every value gets). */
export function fieldLength(value: string): number {
  return [...cleanFieldValue(value)].length;
}

/** 发送对象 in words, for lists and the confirmation: 报名者（已提交，浦东新区）. */
export function audienceSummary(
  audience: Audience,
  labels: { status: (s: EntryStatus) => string; round?: (id: string) => string | undefined },
): string {
  const parts: string[] = [];
  if (audience.statuses?.length) parts.push(audience.statuses.map(labels.status).join('、'));
  if (audience.group) parts.push(audience.group === 'enterprise' ? '企业组' : '创客组');
  if (audience.field) parts.push(audience.field);
  if (audience.district) parts.push(audience.district);
  if (audience.roundId) parts.push(labels.round?.(audience.roundId) ?? '所选轮次');
  if (audience.pendingOnly) parts.push('未完成评分');
  const role = audienceRoleLabels[audience.role];
  return parts.length > 0 ? `${role}（${parts.join('，')}）` : role;
}
