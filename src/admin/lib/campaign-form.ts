/** The campaign editor's draft, what it sends, and where the campaign pages live. */
import Taro from '@tarojs/taro';
import type { Audience, AudienceRole, CampaignFields, CampaignView } from '@core/notify/campaigns';
import type { CAMPAIGN_KINDS } from '@core/notify/campaigns';
import type { EntryStatus } from '@core/registration/entry-status';
import type { Group } from '@core/contest/types';
import { inShanghai } from '@core/time/shanghai';
import type { MeOutput } from '@core/system/views';
import { publishAtOf } from './article-form';

export type EditableKind = (typeof CAMPAIGN_KINDS)[number];

export interface CampaignDraft {
  kind: EditableKind;
  title: string;
  atDay: string;
  atTime: string;
  place: string;
  note: string;
  body: string;
  role: AudienceRole;
  statuses: EntryStatus[];
  group: Group | undefined;
  field: string | undefined;
  district: string | undefined;
  roundId: string | undefined;
  pendingOnly: boolean;
}

export const campaignUrls = {
  list: (contestId?: string) =>
    `/admin/pages/campaigns/index${contestId ? `?contestId=${encodeURIComponent(contestId)}` : ''}`,
  edit: (id: string) => `/admin/pages/campaign/index?id=${encodeURIComponent(id)}`,
  create: (contestId: string) => `/admin/pages/campaign/index?contestId=${encodeURIComponent(contestId)}`,
};

export function openCampaignPage(url: string): void {
  void Taro.navigateTo({ url });
}

export function emptyCampaign(): CampaignDraft {
  return {
    kind: 'announcement',
    title: '',
    atDay: '',
    atTime: '',
    place: '',
    note: '',
    body: '',
    role: 'entrants',
    statuses: ['submitted'],
    group: undefined,
    field: undefined,
    district: undefined,
    roundId: undefined,
    pendingOnly: false,
  };
}

export function draftFromCampaign(c: CampaignView): CampaignDraft {
  const at = c.fields.at ? inShanghai(c.fields.at) : null;
  return {
    kind: c.kind === 'finalSchedule' ? 'finalSchedule' : 'announcement',
    title: c.fields.title ?? '',
    atDay: at ? at.format('YYYY-MM-DD') : '',
    atTime: at ? at.format('HH:mm') : '',
    place: c.fields.place ?? '',
    note: c.fields.note ?? '',
    body: c.body ?? '',
    role: c.audience.role,
    statuses: c.audience.statuses ?? [],
    group: c.audience.group,
    field: c.audience.field,
    district: c.audience.district,
    roundId: c.audience.roundId,
    pendingOnly: c.audience.pendingOnly ?? false,
  };
}

/** The fields the kind uses, as the server takes them (empty ones left out). */
export function campaignFields(d: CampaignDraft): CampaignFields {
  const at = publishAtOf(d.atDay, d.atTime);
  const out: CampaignFields = {};
  if (d.kind === 'announcement' && d.title.trim()) out.title = d.title.trim();
  if (d.kind === 'finalSchedule' && d.place.trim()) out.place = d.place.trim();
  if (at) out.at = at;
  if (d.note.trim()) out.note = d.note.trim();
  return out;
}

/** The audience as the server takes it: only what the role uses. */
export function campaignAudience(d: CampaignDraft): Audience {
  if (d.role === 'entrants') {
    return {
      role: 'entrants',
      ...(d.statuses.length ? { statuses: d.statuses } : {}),
      ...(d.group ? { group: d.group } : {}),
      ...(d.field ? { field: d.field } : {}),
      ...(d.district ? { district: d.district } : {}),
    };
  }
  if (d.role === 'judges') {
    return {
      role: 'judges',
      ...(d.roundId ? { roundId: d.roundId, ...(d.pendingOnly ? { pendingOnly: true } : {}) } : {}),
    };
  }
  return { role: d.role };
}

/** Contests the caller may write to: all for the 组委会, the granted ones for a contest's organizer. */
export function managedContestIds(me: MeOutput | null): Set<string> | 'all' {
  if (me === null) return new Set();
  const grants = me.roles.filter((r) => r.role === 'organizer');
  if (grants.some((g) => g.contestId === null)) return 'all';
  return new Set(grants.map((g) => g.contestId ?? ''));
}
