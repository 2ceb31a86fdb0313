import * as v from 'valibot';
import type { Access, Area, RoleGrant } from './roles';
import type { AwardPlan, ContestKind, Group, RegistrationStatus, StagePlan } from './contest/types';
import { contestInput, editionInput } from './contest/schemas';
import { id, noInput, text } from './schemas/common';
import type { EntryStatus } from './registration/entry-status';
import { ENTRY_STATUSES } from './registration/entry-status';
import { contestRef, registrationDraft, registrationForm } from './registration/forms';
import type { EntryDetail, EntryRow, MyEntry } from './registration/views';
import { INSTITUTION_TYPES, institutionInput, type InstitutionType } from './registration/institution';

/**
 * The action table: the single source of the wire types. Each action names its input schema
 * (used by forms in src/ and by the router in the cloud), who may call it, whether it writes
 * (writes honour `requestId`), and its output type.
 */
interface ActionDef<S extends v.GenericSchema, O> {
  input: S;
  access: Access;
  write: boolean;
  /** Type-only marker carrying the output type. */
  readonly output?: O;
}

function defineAction<O>() {
  return <S extends v.GenericSchema>(def: { input: S; access: Access; write: boolean }): ActionDef<S, O> => def;
}

export interface HealthOutput {
  status: 'ok';
  time: string;
  version: string;
  runtime: 'local' | 'cloud';
}

export interface MeOutput {
  user: { openid: string; name: string } | null;
  roles: Array<RoleGrant & { contestName: string | null }>;
  areas: Area[];
}

export interface ContestSummary {
  id: string;
  name: string;
  kind: ContestKind;
  editionName: string;
  year: number;
  hostRegion: string;
  groups: Group[];
  registration: { opensAt: string; closesAt: string; status: RegistrationStatus };
  stages: StagePlan[];
}

export interface SystemStatusOutput {
  counts: Record<'users' | 'roles' | 'contests' | 'requests' | 'jobs', number>;
  jobs: Array<{
    id: string;
    kind: string;
    status: 'pending' | 'running' | 'done' | 'failed';
    runAt: string;
    lastRunAt: string | null;
    lastError: string | null;
  }>;
}

export const profileInput = v.object({ name: text('昵称', { max: 20 }) });

export interface ContestDetail extends ContestSummary {
  editionId: string;
  hosts: string[];
  organizers: string[];
  fields: string[];
  districts: string[];
  rules: string;
  awards: Partial<Record<Group, AwardPlan[]>>;
}

export interface Counted {
  key: string;
  count: number;
}

export interface EntryStats {
  total: number;
  byStatus: Counted[];
  byGroup: Counted[];
  byField: Counted[];
  byDistrict: Counted[];
  /** Submissions per Shanghai calendar day. */
  byDay: Array<{ day: string; count: number }>;
}

export interface InstitutionView {
  id: string;
  type: InstitutionType;
  name: string;
  creditCode: string;
  contactName: string;
  mobileMasked: string;
  fields: string[];
  status: 'pending' | 'approved' | 'rejected';
  statusReason: string | null;
  createdAt: string;
}

/** Filters of the organizers' entry list and export. */
export const entryFilter = v.object({
  contestId: v.optional(id('赛事')),
  group: v.optional(v.picklist(['enterprise', 'maker'])),
  field: v.optional(v.pipe(v.string(), v.maxLength(20))),
  district: v.optional(v.pipe(v.string(), v.maxLength(20))),
  status: v.optional(v.picklist(ENTRY_STATUSES)),
  /** Search in project and company / team leader names. */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40, '搜索词不能超过 40 个字'))),
});

const page = {
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100, '每页最多 100 条')), 20),
};

const reason = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '理由不能超过 200 个字')));

export const actions = {
  'system.health': defineAction<HealthOutput>()({ input: noInput, access: 'public', write: false }),
  'auth.me': defineAction<MeOutput>()({ input: noInput, access: 'public', write: false }),
  'auth.updateProfile': defineAction<NonNullable<MeOutput['user']>>()({
    input: profileInput,
    access: 'user',
    write: true,
  }),
  'admin.system.status': defineAction<SystemStatusOutput>()({ input: noInput, access: ['organizer'], write: false }),
  'contest.list': defineAction<{
    items: ContestSummary[];
    editions: Array<{ id: string; name: string; year: number }>;
    /** The server's clock, so countdowns don't depend on the phone's. */
    now: string;
  }>()({
    input: v.optional(v.object({ editionId: v.optional(id('届次')) }), {}),
    access: 'public',
    write: false,
  }),
  'contest.get': defineAction<{ contest: ContestDetail; now: string }>()({
    input: v.object({ id: id('赛事') }),
    access: 'public',
    write: false,
  }),
  'admin.edition.upsert': defineAction<{ id: string }>()({ input: editionInput, access: ['organizer'], write: true }),
  'admin.contest.upsert': defineAction<{ id: string }>()({ input: contestInput, access: ['organizer'], write: true }),

  'registration.saveDraft': defineAction<{ entryId: string; savedAt: string; status: EntryStatus }>()({
    input: v.object({ ...contestRef, form: registrationDraft }),
    access: 'user',
    write: true,
  }),
  'registration.submit': defineAction<{ entryId: string; status: EntryStatus; submittedAt: string }>()({
    input: v.object({ ...contestRef, form: registrationForm }),
    access: 'user',
    write: true,
  }),
  'registration.withdraw': defineAction<{ entryId: string; status: EntryStatus }>()({
    input: v.object(contestRef),
    access: 'user',
    write: true,
  }),
  'registration.mine': defineAction<{ items: MyEntry[] }>()({ input: noInput, access: 'user', write: false }),

  /** Where to upload a business plan: the server picks the path; type and size are checked before. */
  'files.uploadTarget': defineAction<{
    target: { kind: 'wx-cloud'; cloudPath: string } | { kind: 'http'; url: string; method: 'PUT' };
    path: string;
    maxBytes: number;
  }>()({
    input: v.object({
      ...contestRef,
      purpose: v.literal('businessPlan'),
      fileName: v.pipe(text('文件名', { max: 120 }), v.regex(/\.pdf$/i, '商业计划书只接受 PDF 文件')),
      contentType: v.literal('application/pdf', '商业计划书只接受 PDF 文件'),
      size: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1, '文件为空'),
        v.maxValue(20 * 1024 * 1024, '商业计划书不能超过 20 MB'),
      ),
    }),
    access: 'user',
    write: false,
  }),
  /** A short-lived link to an entry's attachment, for its entrant and organizers only. */
  'files.url': defineAction<{ url: string; expiresAt: string }>()({
    input: v.object({ entryId: id('报名'), attachment: v.literal('businessPlan') }),
    access: 'user',
    write: false,
  }),

  'admin.entries.list': defineAction<{ items: EntryRow[]; total: number; page: number; pageSize: number }>()({
    input: v.object({ ...entryFilter.entries, ...page }),
    access: ['organizer'],
    write: false,
  }),
  'admin.entries.get': defineAction<{ entry: EntryDetail }>()({
    input: v.object({ entryId: id('报名') }),
    access: ['organizer'],
    write: false,
  }),
  'admin.entries.decide': defineAction<{ entryId: string; status: EntryStatus }>()({
    input: v.pipe(
      v.object({ entryId: id('报名'), decision: v.picklist(['approve', 'reject', 'disqualify']), reason }),
      v.forward(
        v.check((i) => i.decision === 'approve' || (i.reason ?? '') !== '', '请填写理由'),
        ['reason'],
      ),
    ),
    access: ['organizer'],
    write: true,
  }),
  'admin.entries.stats': defineAction<EntryStats>()({
    input: v.optional(v.object({ contestId: v.optional(id('赛事')) }), {}),
    access: ['organizer'],
    write: false,
  }),
  'admin.entries.export': defineAction<{ url: string; fileName: string; rows: number; expiresAt: string }>()({
    input: v.object({ ...entryFilter.entries, includeSensitive: v.optional(v.boolean(), false) }),
    access: ['organizer'],
    write: true,
  }),

  'institution.register': defineAction<{ institution: InstitutionView }>()({
    input: institutionInput,
    access: 'user',
    write: true,
  }),
  'institution.mine': defineAction<{ institution: InstitutionView | null }>()({
    input: noInput,
    access: 'user',
    write: false,
  }),
  'admin.institutions.list': defineAction<{ items: InstitutionView[] }>()({
    input: v.optional(v.object({ status: v.optional(v.picklist(['pending', 'approved', 'rejected'])) }), {}),
    access: ['organizer'],
    write: false,
  }),
  'admin.institutions.decide': defineAction<{ institution: InstitutionView }>()({
    input: v.pipe(
      v.object({ id: id('服务机构'), decision: v.picklist(['approve', 'reject']), reason }),
      v.forward(
        v.check((i) => i.decision === 'approve' || (i.reason ?? '') !== '', '请填写理由'),
        ['reason'],
      ),
    ),
    access: ['organizer'],
    write: true,
  }),
} as const;

export { INSTITUTION_TYPES };

export type ActionName = keyof typeof actions;
export type ActionInput<A extends ActionName> = v.InferInput<(typeof actions)[A]['input']>;
export type ActionParsed<A extends ActionName> = v.InferOutput<(typeof actions)[A]['input']>;
export type ActionOutput<A extends ActionName> = NonNullable<(typeof actions)[A]['output']>;

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name);
}

/** Which cloud function serves an action; one routed function for now. */
export function functionFor(_action: ActionName): 'api' {
  return 'api';
}
