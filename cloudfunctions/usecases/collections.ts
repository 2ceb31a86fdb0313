import type { CallResult } from '@core/wire';
import type { Contest, Edition } from '@core/contest/types';
import type { Role } from '@core/roles';
import type { Group } from '@core/contest/types';
import type { EntryStatus } from '@core/registration/entry-status';
import type { StatusStep, StoredForm } from '@core/registration/views';
import type { InstitutionType } from '@core/registration/institution';
import type { FileRef } from '@core/files/uploads';
import type { ArticleCategory } from '@core/news/types';
import type { ResultItem, ResultKind } from '@core/results/types';

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

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

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

/** Who changed what, when and why: organizers read it per entry. */
export interface AuditDoc {
  _id: string;
  entryId: string | null;
  actorOpenid: string;
  actorName: string;
  action: 'approve' | 'reject' | 'disqualify' | 'export_sensitive' | 'institution_approve' | 'institution_reject';
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
