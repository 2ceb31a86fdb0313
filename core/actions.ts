import * as v from 'valibot';
import type { Access, Area, RoleGrant } from './roles';
import type { AwardPlan, ContestKind, Group, RegistrationStatus, StagePlan } from './contest/types';
import { contestInput, editionInput } from './contest/schemas';
import {
  clean,
  id,
  ids,
  int,
  noInput,
  optionalText,
  paging,
  publicityDays,
  reason,
  searchQuery,
  text,
  instant,
} from './schemas/common';
import type { EntryStatus } from './registration/entry-status';
import { ENTRY_STATUSES } from './registration/entry-status';
import { contestRef, registrationDraft, registrationForm } from './registration/forms';
import type { EntryDetail, EntryRow, MyEntry } from './registration/views';
import { INSTITUTION_TYPES, institutionInput, type InstitutionType } from './registration/institution';
import { fileRef, uploadRequest, type FileRef } from './files/uploads';
import { ARTICLE_CATEGORIES, type ArticleCategory } from './news/types';
import { RESULT_KINDS, type ResultItem, type ResultKind } from './results/types';
import type { ContestPhase } from './contest/phase';
import {
  cutoffRule,
  judgeBindInput,
  judgeProfileInput,
  judgeScoreInput,
  inviteCode,
  prizeChoice,
  roundEntryRef,
  roundInput,
  roundRef,
} from './judging/schemas';
import type {
  AwardsView,
  CutoffView,
  InviteView,
  JudgeEntryView,
  JudgeRoundAssignments,
  JudgeView,
  JudgingAuditRow,
  MyScoreView,
  RankingRow,
  RoundProgress,
  RoundView,
  SessionView,
} from './judging/views';

/**
 * The action table: the single source of the wire types. Each action names its input schema
 * (used by forms in src/ and by the router in the cloud), who may call it, whether it writes
 * (writes honour `requestId`), and its output type.
 */
interface ActionDef<S extends v.GenericSchema, O> {
  input: S;
  access: Access;
  write: boolean;
  /**
   * Only holders of the role for every contest (the 组委会 itself, ADMIN_OPENIDS) may call it: platform-wide
   * settings and data that belong to no one contest. A contest-scoped organizer gets FORBIDDEN.
   */
  globalOnly?: boolean;
  /** Type-only marker carrying the output type. */
  readonly output?: O;
}

function defineAction<O>() {
  return <S extends v.GenericSchema>(def: {
    input: S;
    access: Access;
    write: boolean;
    globalOnly?: boolean;
  }): ActionDef<S, O> => def;
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

export interface ArticleSummary {
  id: string;
  title: string;
  category: ArticleCategory;
  contestId: string | null;
  coverUrl: string | null;
  pinned: boolean;
  publishAt: string;
  author: string;
  views: number;
  excerpt: string;
}

export interface ArticleDetail extends ArticleSummary {
  /** Sanitized on save; stored file ids in img src already turned into links. */
  bodyHtml: string;
  attachments: Array<{ name: string; size: number; url: string }>;
}

/** The organizers' view of an article, drafts and scheduled ones included. */
export interface AdminArticle {
  id: string;
  title: string;
  category: ArticleCategory;
  contestId: string | null;
  cover: FileRef | null;
  coverUrl: string | null;
  bodyHtml: string;
  attachments: FileRef[];
  /** Links to the stored images in the body and to the attachments, by fileId, for the editor. */
  fileLinks: Record<string, string>;
  pinned: boolean;
  publishAt: string;
  status: 'draft' | 'published' | 'unpublished';
  /** Published and its time has come. */
  visible: boolean;
  views: number;
  author: string;
  updatedAt: string;
}

export interface ResultListView {
  id: string;
  contestId: string;
  contestName: string;
  kind: ResultKind;
  title: string;
  publishedAt: string;
  publicityEndsAt: string | null;
  inPublicity: boolean;
  status: 'published' | 'withdrawn';
  items: ResultItem[];
}

export interface ObjectionView {
  id: string;
  listId: string;
  listTitle: string;
  contestName: string;
  entryId: string | null;
  projectName: string | null;
  reason: string;
  contact: string;
  hasAttachment: boolean;
  /** The evidence's file name, to open it the right way (files.url with objectionEvidence). */
  attachmentName: string | null;
  status: 'open' | 'answered';
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
}

const articleInput = v.object({
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

const prizeCounts = v.pipe(
  v.array(v.object({ prize: prizeChoice, count: int('名额', 0, 1000) })),
  v.maxLength(4, '奖项最多 4 种'),
);

/** Filters of the organizers' entry list and export. */
export const entryFilter = v.object({
  contestId: v.optional(id('赛事')),
  group: v.optional(v.picklist(['enterprise', 'maker'])),
  field: optionalText('行业领域', 20),
  district: optionalText('区', 20),
  status: v.optional(v.picklist(ENTRY_STATUSES)),
  /** Search in project and company / team leader names. */
  q: v.optional(searchQuery()),
});

export const actions = {
  'system.health': defineAction<HealthOutput>()({ input: noInput, access: 'public', write: false }),
  'auth.me': defineAction<MeOutput>()({ input: noInput, access: 'public', write: false }),
  'auth.updateProfile': defineAction<NonNullable<MeOutput['user']>>()({
    input: profileInput,
    access: 'user',
    write: true,
  }),
  'admin.system.status': defineAction<SystemStatusOutput>()({
    input: noInput,
    access: ['organizer'],
    write: false,
    globalOnly: true,
  }),
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
  'admin.edition.upsert': defineAction<{ id: string }>()({
    input: editionInput,
    access: ['organizer'],
    write: true,
    globalOnly: true,
  }),
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
    input: uploadRequest,
    access: 'user',
    write: false,
  }),
  /**
   * A short-lived link to a private file: an entry's business plan (its entrant, the contest's organizers,
   * judges assigned to it) or an objection's evidence (its filer, the list's organizers).
   */
  'files.url': defineAction<{ url: string; expiresAt: string }>()({
    input: v.variant(
      'attachment',
      [
        v.object({ attachment: v.literal('businessPlan'), entryId: id('报名') }),
        v.object({ attachment: v.literal('objectionEvidence'), objectionId: id('异议') }),
      ],
      '不支持的附件类型',
    ),
    access: 'user',
    write: false,
  }),

  'admin.entries.list': defineAction<{ items: EntryRow[]; total: number; page: number; pageSize: number }>()({
    input: v.object({ ...entryFilter.entries, ...paging(100, 20) }),
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
    // Institutions serve the whole edition, not one contest: the 组委会 reviews them.
    globalOnly: true,
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
    globalOnly: true,
  }),
  'home.get': defineAction<{
    banners: ArticleSummary[];
    contests: Array<ContestSummary & { phase: ContestPhase }>;
    latest: ArticleSummary[];
    now: string;
  }>()({ input: noInput, access: 'public', write: false }),

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
  'admin.news.list': defineAction<{ items: AdminArticle[]; total: number; page: number; pageSize: number }>()({
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
  'admin.news.get': defineAction<{ article: AdminArticle }>()({
    input: v.object({ id: id('文章') }),
    access: ['organizer'],
    write: false,
  }),
  'admin.news.upsert': defineAction<{ article: AdminArticle }>()({
    input: articleInput,
    access: ['organizer'],
    write: true,
  }),
  'admin.news.remove': defineAction<{ id: string; removed: 'unpublished' | 'deleted' }>()({
    input: v.object({ id: id('文章'), mode: v.picklist(['unpublish', 'delete']) }),
    access: ['organizer'],
    write: true,
  }),

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
  'results.object': defineAction<{ objection: ObjectionView }>()({
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
  'results.myObjections': defineAction<{ items: ObjectionView[] }>()({ input: noInput, access: 'user', write: false }),
  'admin.results.list': defineAction<{ lists: ResultListView[] }>()({
    input: v.optional(v.object({ contestId: v.optional(id('赛事')) }), {}),
    access: ['organizer'],
    write: false,
  }),
  'admin.results.publish': defineAction<{ list: ResultListView }>()({
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
        v.maxLength(1000, '一份名单最多 1000 个项目'),
      ),
      publicityDays,
    }),
    access: ['organizer'],
    write: true,
  }),
  'admin.results.withdraw': defineAction<{ list: ResultListView }>()({
    input: v.object({ id: id('名单'), reason: text('撤回理由', { max: 200 }) }),
    access: ['organizer'],
    write: true,
  }),
  'admin.objections.list': defineAction<{ items: ObjectionView[] }>()({
    input: v.optional(v.object({ status: v.optional(v.picklist(['open', 'answered'])) }), {}),
    access: ['organizer'],
    write: false,
  }),
  'admin.objection.answer': defineAction<{ objection: ObjectionView }>()({
    input: v.object({ id: id('异议'), answer: text('答复', { max: 1000 }) }),
    access: ['organizer'],
    write: true,
  }),

  // ---------------------------------------------------------------- judging: judges
  /** What an invite code opens, before the judge fills the form (contest name, its fields). */
  'judge.invite.check': defineAction<{ contestId: string; contestName: string; fields: string[]; expiresAt: string }>()(
    { input: v.object({ code: inviteCode }), access: 'user', write: false },
  ),
  'judge.bind': defineAction<{ contestId: string; contestName: string; judge: JudgeView }>()({
    input: judgeBindInput,
    access: 'user',
    write: true,
  }),
  /** The judge's own profile and declared conflicts, per contest. */
  'judge.profile': defineAction<{
    items: Array<JudgeView & { contestId: string; contestName: string; contestFields: string[] }>;
  }>()({
    input: noInput,
    access: ['judge'],
    write: false,
  }),
  'judge.updateProfile': defineAction<{ judge: JudgeView }>()({
    input: v.object({ contestId: id('赛事'), ...judgeProfileInput }),
    access: ['judge'],
    write: true,
  }),
  'judge.assignments': defineAction<{ rounds: JudgeRoundAssignments[]; now: string }>()({
    input: v.optional(v.object({ roundId: v.optional(id('评审轮次')) }), {}),
    access: ['judge'],
    write: false,
  }),
  'judge.entry': defineAction<{ entry: JudgeEntryView; now: string }>()({
    input: v.object(roundEntryRef),
    access: ['judge'],
    write: false,
  }),
  'judge.score': defineAction<{ score: MyScoreView; changed: boolean }>()({
    input: judgeScoreInput,
    access: ['judge'],
    write: true,
  }),
  'judge.recuse': defineAction<{ state: 'recused'; replacedBy: boolean }>()({
    input: v.object({ ...roundEntryRef, reason: text('回避理由', { min: 2, max: 200 }) }),
    access: ['judge'],
    write: true,
  }),

  // ---------------------------------------------------------------- judging: organizers
  'admin.judges.invite': defineAction<{ invites: InviteView[] }>()({
    input: v.object({
      contestId: id('赛事'),
      count: v.pipe(
        v.number('请填写数量'),
        v.integer('数量应为整数'),
        v.minValue(1, '至少 1 个'),
        v.maxValue(100, '一次最多 100 个'),
      ),
      validDays: v.optional(
        v.pipe(v.number(), v.integer('有效天数应为整数'), v.minValue(1, '至少 1 天'), v.maxValue(90, '最长 90 天')),
        14,
      ),
    }),
    access: ['organizer'],
    write: true,
  }),
  'admin.judges.list': defineAction<{ judges: JudgeView[]; invites: InviteView[] }>()({
    input: v.object({ contestId: id('赛事') }),
    access: ['organizer'],
    write: false,
  }),
  'admin.rounds.list': defineAction<{ rounds: RoundView[] }>()({
    input: v.object({ contestId: id('赛事') }),
    access: ['organizer'],
    write: false,
  }),
  'admin.round.get': defineAction<{ round: RoundView; sessions: SessionView[] }>()({
    input: v.object(roundRef),
    access: ['organizer'],
    write: false,
  }),
  'admin.round.upsert': defineAction<{ round: RoundView }>()({ input: roundInput, access: ['organizer'], write: true }),
  /** Joins the eligible entries and assigns judges (or, for panels, builds the sessions); re-runs only top up. */
  'admin.round.assign': defineAction<{
    round: RoundView;
    joined: number;
    added: number;
    removed: number;
    short: Array<{ entryId: string; projectName: string; missing: number }>;
    loads: { min: number; max: number };
    sessions: number;
  }>()({
    input: v.object({
      ...roundRef,
      seed: optionalText('随机种子', 40),
    }),
    access: ['organizer'],
    write: true,
  }),
  'admin.round.session': defineAction<{ session: SessionView }>()({
    input: v.object({
      ...roundRef,
      key: v.pipe(v.string('请提供分组编号'), clean('分组编号'), v.minLength(1, '请提供分组编号'), v.maxLength(120)),
      place: v.pipe(v.string('请填写地点'), v.trim(), clean('地点'), v.maxLength(60, '地点不能超过 60 个字')),
      startsAt: v.nullable(instant('时间')),
    }),
    access: ['organizer'],
    write: true,
  }),
  'admin.round.progress': defineAction<RoundProgress>()({
    input: v.object(roundRef),
    access: ['organizer'],
    write: false,
  }),
  /** Sends a reminder to every judge with scores still to give (through the Messenger port). */
  'admin.round.remind': defineAction<{ sent: number; refused: number; failed: number; judges: number }>()({
    input: v.object(roundRef),
    access: ['organizer'],
    write: true,
  }),
  'admin.round.ranking': defineAction<{
    round: RoundView;
    rows: RankingRow[];
    total: number;
    page: number;
    pageSize: number;
  }>()({
    input: v.object({
      ...roundRef,
      group: v.optional(v.picklist(['enterprise', 'maker'])),
      field: optionalText('行业领域', 20),
      ...paging(200, 50),
    }),
    access: ['organizer'],
    write: false,
  }),
  /** The cut-off preview: nothing changes. */
  'admin.round.cutoff': defineAction<{ round: RoundView; preview: CutoffView }>()({
    input: v.object({ ...roundRef, rule: cutoffRule }),
    access: ['organizer'],
    write: false,
  }),
  'admin.round.advance': defineAction<{ round: RoundView; advanced: number; listId: string }>()({
    input: v.object({
      ...roundRef,
      rule: cutoffRule,
      fingerprint: v.pipe(v.string('请先预览晋级名单'), v.regex(/^[A-Za-z0-9_:.-]{1,100}$/, '请重新预览晋级名单')),
      /** Of the entries tied across the cut-off, the ones admitted. */
      chosen: v.optional(ids('项目', 10000), []),
      publicityDays,
    }),
    access: ['organizer'],
    write: true,
  }),
  'admin.awards.propose': defineAction<AwardsView>()({
    input: v.object({
      ...roundRef,
      counts: v.optional(
        v.object({
          enterprise: v.optional(prizeCounts),
          maker: v.optional(prizeCounts),
        }),
      ),
    }),
    access: ['organizer'],
    write: false,
  }),
  'admin.awards.decide': defineAction<{
    round: RoundView;
    awarded: number;
    awardsListId: string;
    nationalListId: string | null;
  }>()({
    input: v.object({
      ...roundRef,
      prizes: v.pipe(
        v.array(v.object({ entryId: id('项目'), prize: prizeChoice })),
        v.minLength(1, '请至少评定一个奖项'),
        v.maxLength(1000),
      ),
      /** Recommended to the national 企业组500强 / 创客组100强; defaults to every prize winner. */
      recommend: v.optional(ids('项目', 1000)),
      publicityDays,
    }),
    access: ['organizer'],
    write: true,
  }),
  'admin.awards.export': defineAction<{ url: string; fileName: string; rows: number; expiresAt: string }>()({
    input: v.object(roundRef),
    access: ['organizer'],
    write: false,
  }),
  'admin.audit.list': defineAction<{ items: JudgingAuditRow[]; total: number; page: number; pageSize: number }>()({
    input: v.object({
      contestId: id('赛事'),
      roundId: v.optional(id('评审轮次')),
      ...paging(100, 50),
    }),
    access: ['organizer'],
    write: false,
  }),
  'admin.audit.export': defineAction<{ url: string; fileName: string; rows: number; expiresAt: string }>()({
    input: v.object({ contestId: id('赛事'), roundId: v.optional(id('评审轮次')) }),
    access: ['organizer'],
    write: false,
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
