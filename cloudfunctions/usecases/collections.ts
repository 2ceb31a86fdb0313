import type { CallResult } from '@core/wire';
import type { Contest, Edition } from '@core/contest/types';
import type { Role } from '@core/roles';
import type { Group } from '@core/contest/types';
import type { EntryStatus } from '@core/registration/entry-status';
import type { StatusStep, StoredForm } from '@core/registration/views';
import type { InstitutionType } from '@core/registration/institution';

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
