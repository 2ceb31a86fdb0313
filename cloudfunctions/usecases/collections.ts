import type { Contest, Edition, Group, Prize, StageKey } from '@core/contest/types';
import type { FileRef } from '@core/files/uploads';
import type { InstitutionType } from '@core/institution/schemas';
import type { Aggregation, CutoffRule, Fraction, Rubric } from '@core/judging/types';
import type { RoundMode, RoundStatus } from '@core/judging/views';
import type { ArticleCategory } from '@core/news/types';
import type { EntryStatus } from '@core/registration/entry-status';
import type { StatusStep, StoredForm } from '@core/registration/views';
import type { ResultItem, ResultKind } from '@core/results/types';
import type { Audience, CampaignFields, CampaignKind, CampaignStatus } from '@core/notify/campaigns';
import type { CreditState } from '@core/notify/credits';
import type { PushState } from '@core/notify/push';
import type { ReminderSwitches } from '@core/notify/reminders';
import type { NotifyKind } from '@core/notify/templates';
import type { Role } from '@core/roles';
import type { ChainedEvent, Checkpoint } from '@core/live/chain';
import type { Reveal } from '@core/live/reveal';
import type { LiveShowState } from '@core/live/types';
import type { LiveScreenView } from '@core/live/views';
import type { CallResult } from '@core/wire';

/** Collection names and document shapes, in one place (see cloudfunctions/database/ for indexes and rules). */
export const C = {
  users: 'users',
  roles: 'roles',
  editions: 'editions',
  contests: 'contests',
  requests: 'requests',
  jobs: 'jobs',
  entries: 'entries',
  entryKeys: 'entryKeys',
  audits: 'audits',
  institutions: 'institutions',
  articles: 'articles',
  resultLists: 'resultLists',
  resultItems: 'resultItems',
  objections: 'objections',
  judges: 'judges',
  judgeInvites: 'judgeInvites',
  rounds: 'rounds',
  roundEntries: 'roundEntries',
  assignments: 'assignments',
  sessions: 'sessions',
  notices: 'notices',
  subscriptions: 'subscriptions',
  follows: 'follows',
  notifySettings: 'notifySettings',
  campaigns: 'campaigns',
  reminderSettings: 'reminderSettings',
  liveShows: 'liveShows',
  liveEvents: 'liveEvents',
  liveCheckpoints: 'liveCheckpoints',
  liveScreens: 'liveScreens',
} as const;

export interface UserDoc {
  _id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** `_id` = `<role>:<contestId or *>:<openid>`: one grant, idempotent to write. */
export interface RoleGrantDoc {
  _id: string;
  openid: string;
  role: Role;
  contestId: string | null;
  createdAt: string;
}

export function roleGrantId(openid: string, role: Role, contestId: string | null): string {
  return `${role}:${contestId ?? '*'}:${openid}`;
}

export type EditionDoc = Edition;
export type ContestDoc = Contest;

/** An idempotency record: `_id` = `<openid>:<requestId>`. */
export interface RequestDoc {
  _id: string;
  openid: string;
  action: string;
  fingerprint: string;
  status: 'pending' | 'done';
  /** While pending: after this instant another attempt may take over (the first one crashed). */
  leaseUntil: string;
  result: CallResult<unknown> | null;
  createdAt: string;
  expiresAt: string;
}

type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobDoc {
  _id: string;
  kind: string;
  status: JobStatus;
  runAt: string;
  /** Seconds between runs of a recurring job; null for one-off jobs. */
  everySeconds: number | null;
  payload: Record<string, unknown>;
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  lastRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One entrant account's entry in one contest: `_id` = entryIdFor(contestId, openid). */
export interface EntryDoc {
  _id: string;
  contestId: string;
  editionId: string;
  ownerOpenid: string;
  group: Group;
  status: EntryStatus;
  statusReason: string | null;
  form: StoredForm;
  /** Copies of form fields the organizers filter and search on. */
  projectName: string;
  orgName: string;
  field: string;
  district: string;
  /** The entryKeys document this entry holds while it counts as the edition's one entry. */
  dedupeKey: string | null;
  similar: { entryId: string; projectName: string; score: number } | null;
  history: StatusStep[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

/**
 * The natural key of "one entry per edition": `_id` = entryKeyId(edition, credit code or ID hash).
 * Written in the same transaction as the entry, so two submits of one company can't both win.
 */
export interface EntryKeyDoc {
  _id: string;
  entryId: string;
  contestId: string;
  contestName: string;
  editionId: string;
  createdAt: string;
}

export type AuditAction =
  | 'approve'
  | 'reject'
  | 'disqualify'
  | 'export_sensitive'
  | 'institution_approve'
  | 'institution_reject'
  // judging
  | 'judge_invite'
  | 'judge_bind'
  | 'judge_profile'
  | 'round_upsert'
  | 'assign'
  | 'score'
  | 'recuse'
  | 'remind'
  | 'advance'
  | 'award'
  // notifications
  | 'campaign'
  | 'reminders'
  // the live final
  | 'live_setup'
  | 'live_order'
  | 'live_reopen'
  | 'live_close'
  | 'live_absent'
  | 'live_confirm';

/**
 * Who changed what, when and why: organizers read it per entry, and per contest / round for judging
 * decisions (contestId and roundId are absent on records written before judging existed).
 */
export interface AuditDoc {
  _id: string;
  entryId: string | null;
  contestId?: string | null;
  roundId?: string | null;
  actorOpenid: string;
  actorName: string;
  action: AuditAction;
  before: string | null;
  after: string | null;
  reason: string | null;
  at: string;
}

export interface InstitutionDoc {
  _id: string;
  ownerOpenid: string;
  type: InstitutionType;
  name: string;
  creditCode: string;
  contactName: string;
  mobile: string;
  fields: string[];
  status: 'pending' | 'approved' | 'rejected';
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleDoc {
  _id: string;
  title: string;
  category: ArticleCategory;
  contestId: string | null;
  cover: FileRef | null;
  /** Sanitized on save. */
  bodyHtml: string;
  /** Plain text of the body, for excerpts. */
  text: string;
  attachments: FileRef[];
  pinned: boolean;
  publishAt: string;
  status: 'draft' | 'published' | 'unpublished';
  authorOpenid: string;
  authorName: string;
  views: number;
  createdAt: string;
  updatedAt: string;
}

/** A published result list: an immutable snapshot of the chosen entries. */
export interface ResultListDoc {
  _id: string;
  contestId: string;
  contestName: string;
  kind: ResultKind;
  title: string;
  items: ResultItem[];
  /** 'publishing' while its searchable items are being written; invisible until 'published'. */
  status: 'publishing' | 'published' | 'withdrawn';
  publishedAt: string;
  publicityEndsAt: string | null;
  publishedBy: string;
  withdrawnReason: string | null;
}

/** One line of a list, kept apart so the public search can query it. `_id` = `<listId>:<entryId>`. */
export interface ResultItemDoc extends ResultItem {
  _id: string;
  listId: string;
  listTitle: string;
  listStatus: ResultListDoc['status'];
  contestId: string;
  contestName: string;
  kind: ResultKind;
  publishedAt: string;
}

export interface ObjectionDoc {
  _id: string;
  listId: string;
  listTitle: string;
  contestId: string;
  contestName: string;
  entryId: string | null;
  projectName: string | null;
  filerOpenid: string;
  reason: string;
  contact: string;
  attachment: FileRef | null;
  status: 'open' | 'answered';
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
}

/** A judge's profile in one contest: `_id` = judgeIdFor(contestId, openid). Holds the declared conflicts. */
export interface JudgeDoc {
  _id: string;
  contestId: string;
  openid: string;
  name: string;
  organization: string;
  title: string;
  expertise: string[];
  conflicts: { names: string[]; creditCodes: string[] };
  inviteCode: string;
  boundAt: string;
  updatedAt: string;
}

export function judgeIdFor(contestId: string, openid: string): string {
  return `${contestId}:${openid}`;
}

/** A single-use invite code for one contest: `_id` = the code. */
export interface JudgeInviteDoc {
  _id: string;
  contestId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedBy: string | null;
  usedAt: string | null;
}

/** One round per contest stage: `_id` = roundIdFor(contestId, stage). */
export interface RoundDoc {
  _id: string;
  contestId: string;
  stage: StageKey;
  name: string;
  rubric: Rubric;
  /** Set by the first score, in the same transaction; admin.round.upsert refuses rubric changes after. */
  rubricLocked: boolean;
  aggregation: Aggregation;
  judgesPerEntry: number;
  blind: boolean;
  opensAt: string;
  closesAt: string;
  mode: RoundMode;
  panelCapacity: number | null;
  scoreGapPoints: number | null;
  judgeBiasPoints: number | null;
  status: RoundStatus;
  /** Active assignments per judge openid, kept by assignment runs and recusal top-ups. */
  loads: Record<string, number>;
  counts: { entries: number; judges: number; assignments: number };
  assignedAt: string | null;
  assignRuns: number;
  /** The last assignment run; a large one finishes in the cron function and shows its progress here. */
  assignProgress: { state: 'running' | 'done'; total: number; done: number; seed: string; startedAt: string } | null;
  /** The confirmed cut-off: written before entries move, so a crashed advance resumes the same list. */
  advancement: {
    at: string;
    by: string;
    rule: CutoffRule;
    admitted: string[];
    /** Aggregates of the admitted, carried into the next round's tie-break. */
    carry: Record<string, Fraction>;
    listId: string | null;
    publicityDays: number;
    state: 'applying' | 'done';
  } | null;
  awards: {
    at: string;
    by: string;
    prizes: Array<{ entryId: string; prize: Prize }>;
    recommend: string[];
    awardsListId: string | null;
    nationalListId: string | null;
    publicityDays: number;
    state: 'applying' | 'done';
  } | null;
  createdAt: string;
  updatedAt: string;
}

export function roundIdFor(contestId: string, stage: StageKey): string {
  return `${contestId}:${stage}`;
}

/** An entry taking part in a round, with the copies assignment and ranking need: `_id` = `<roundId>:<entryId>`. */
export interface RoundEntryDoc {
  _id: string;
  roundId: string;
  contestId: string;
  entryId: string;
  group: Group;
  field: string;
  district: string;
  projectName: string;
  orgName: string;
  creditCode: string | null;
  /** Who submitted the entry and whom it names (`identityOf`): conflicts of the judges' own entries. */
  ownerOpenid?: string;
  identity?: string | null;
  /** The previous round's aggregate (tie-break), null in 预赛. */
  previous: Fraction | null;
  /** 复赛 session key, when the round runs in panels. */
  sessionKey: string | null;
  /**
   * 决赛: the live show holding this finalist (the whole group's or a 场次's). Every run of show writes the
   * finalists it takes, so two sessions saving the same finalist at once conflict and one of them is refused.
   */
  liveId?: string | null;
  /** Set when the entry leaves the contest (disqualified): kept for the record, left out of ranking. */
  out: boolean;
  joinedAt: string;
}

export interface StoredScore {
  halves: Record<string, number>;
  units: number;
  comment: string;
  submittedAt: string;
  updatedAt: string;
  revision: number;
}

/** One judge on one entry of a round, with that judge's score: `_id` = assignmentIdFor(...). */
export interface AssignmentDoc {
  _id: string;
  roundId: string;
  contestId: string;
  entryId: string;
  judgeOpenid: string;
  status: 'active' | 'recused';
  expert: boolean;
  sessionKey: string | null;
  recuseReason: string | null;
  recusedAt: string | null;
  assignedAt: string;
  score: StoredScore | null;
}

export function assignmentIdFor(roundId: string, entryId: string, openid: string): string {
  return `${roundId}:${entryId}:${openid}`;
}

/** A 复赛 session: `_id` = `<roundId>:<key>`. */
export interface SessionDoc {
  _id: string;
  roundId: string;
  key: string;
  district: string;
  field: string;
  entryIds: string[];
  judgeOpenids: string[];
  place: string;
  startsAt: string | null;
  updatedAt: string;
}

/**
 * One notification to one user: the inbox item and the state of its WeChat push. `_id` = noticeId(source,
 * openid), so whatever creates it twice (a re-run fan-out, a retried reminder) creates one.
 */
export interface NoticeDoc {
  _id: string;
  openid: string;
  /** What caused it, unique per user: `c.<campaignId>`, `r.<kind>.<target>` …; the inbox's item id. */
  source: string;
  kind: NotifyKind;
  campaignId: string | null;
  contestId: string | null;
  title: string;
  lines: Array<{ label: string; value: string }>;
  body: string | null;
  page: string;
  /** The template the push uses (fixed when the notice is made); null: inbox only (no template configured). */
  templateId: string | null;
  data: Record<string, { value: string }>;
  createdAt: string;
  readAt: string | null;
  push: PushState;
  /** When the push may go: now, a schedule, a retry's back-off, tomorrow after 45009. */
  dueAt: string;
  attempts: number;
  /** When the push was marked sending: a `sending` past the lease is `unknown`. */
  sendingAt: string | null;
  pushedAt: string | null;
  reason: string | null;
  errCode: number | null;
}

export function noticeId(source: string, openid: string): string {
  return `${source}:${openid}`;
}

/** The credit ledger: `_id` = subscriptionId(openid, templateId); see core/notify/credits.ts. */
export interface SubscriptionDoc extends CreditState {
  _id: string;
  openid: string;
  templateId: string;
  updatedAt: string;
}

export function subscriptionId(openid: string, templateId: string): string {
  return `${openid}:${templateId}`;
}

/** A user who tapped 订阅赛事提醒 on a contest: `_id` = `<contestId>:<openid>`. */
export interface FollowDoc {
  _id: string;
  contestId: string;
  openid: string;
  createdAt: string;
}

/** `_id` = openid. */
export interface NotifySettingsDoc {
  _id: string;
  mainSwitchOff: boolean;
  updatedAt: string;
}

/** A message an organizer sends to an audience; its recipients are notices with source `c.<_id>`. */
export interface CampaignDoc {
  _id: string;
  contestId: string;
  kind: CampaignKind;
  fields: CampaignFields;
  body: string | null;
  audience: Audience;
  /** The WeChat fields and inbox card, fixed when saved (judgeTask: per recipient, built at fan-out). */
  lines: Array<{ label: string; value: string }>;
  data: Record<string, { value: string }>;
  page: string;
  status: CampaignStatus;
  sendAt: string | null;
  /** At send: the template used and the counts the organizer saw. */
  templateId: string | null;
  audienceCount: number;
  reachableCount: number;
  /** Recipients written so far, and whether the fan-out has reached the end of the audience. */
  fanout: { written: number; done: boolean };
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

export function campaignSource(campaignId: string): string {
  return `c.${campaignId}`;
}

/**
 * One contest's automatic reminders: `_id` = contestId. `enabled` is the organizers' (admin.reminder.update), `plans`
 * the cron planner's progress per planned reminder; each is written as a whole field, so neither overwrites the other.
 */
export interface ReminderSettingsDoc {
  _id: string;
  contestId: string;
  /** Kinds switched by an organizer; a kind not named is on. */
  enabled: ReminderSwitches;
  /** Keyed `deadline3`, `deadline1`, `judgeCloses-<stage>`. */
  plans: Record<string, ReminderPlanState>;
  updatedAt: string;
  updatedBy: string | null;
}

/**
 * A planned reminder's passes over its recipients: a pass reads them in `_id` order from `cursor` (null: from the
 * start); a finished pass sets `since` to when it began, and later passes read only what changed after that.
 */
export interface ReminderPlanState {
  cursor: string | null;
  since: string | null;
  passStartedAt: string;
  /** Notices written by every pass so far. */
  created: number;
}

/**
 * One live show: a 决赛 round's group, or one 场次 of it, on stage. `_id` = liveIdFor(roundId, group, session). Every console action, score
 * and sign-off is one transaction that writes this document (so concurrent ones conflict and retry), appends its
 * events to the chain and rewrites the projection.
 */
export interface LiveShowDoc extends LiveShowState {
  _id: string;
  roundId: string;
  contestId: string;
  contestName: string;
  roundName: string;
  /** The round's rule, fixed for the show when it was set up (admin.round.upsert refuses to change it after). */
  aggregation: Aggregation;
  /** Copies for the views, taken when the run of show was saved. */
  entries: Record<string, { projectName: string; orgName: string; field: string }>;
  judgeNames: Record<string, string>;
  /** The latest reveal per contestant, and the final it replaced. */
  reveals: Record<string, StoredReveal>;
  head: { count: number; hash: string };
  checkpoints: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredReveal extends Reveal {
  revision: number;
  changedFrom: string | null;
  /** Head hash after the reveal event. */
  head: string;
  at: string;
}

/** The whole group's show, or one 场次's (`session` = its key). */
export function liveIdFor(roundId: string, group: Group, session?: string | null): string {
  return session ? `${roundId}:${group}:${session}` : `${roundId}:${group}`;
}

/** The round of a show's id (the inverse of liveIdFor). */
export function roundIdOfLive(liveId: string): string {
  return liveId.replace(/:(enterprise|maker)(:s\d+)?$/, '');
}

/** One event of the chain: `_id` = `<liveId>:<seq, 6 digits>`, so two writers of the same seq collide. */
export interface LiveEventDoc extends ChainedEvent {
  _id: string;
}

export function liveEventId(liveId: string, seq: number): string {
  return `${liveId}:${String(seq).padStart(6, '0')}`;
}

/** A signed checkpoint: `_id` = `<liveId>:<count, 6 digits>`. */
export interface LiveCheckpointDoc extends Checkpoint {
  _id: string;
}

/** The released projection, readable by clients (security rule read: true): `_id` = liveId. */
export interface LiveScreenDoc {
  _id: string;
  screen: LiveScreenView;
}
