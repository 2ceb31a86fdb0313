import type { Group } from '../contest/types';
import type { EntryStatus } from './entry-status';
import type { BusinessPlan, EnterpriseForm, MakerForm, RegistrationDraft } from './forms';

/** A maker's ID number as stored and shown: never the number itself. */
export interface StoredIdNumber {
  idHash: string;
  idMasked: string;
}

/** The form as stored: the maker's idNumber replaced by its hash and mask. */
export type StoredForm =
  | EnterpriseForm
  | (Omit<MakerForm, 'idNumber'> & StoredIdNumber)
  | (Omit<Extract<RegistrationDraft, { group: 'maker' }>, 'idNumber'> & Partial<StoredIdNumber>)
  | Extract<RegistrationDraft, { group: 'enterprise' }>;

export interface StatusStep {
  status: EntryStatus;
  at: string;
  reason: string | null;
}

/** What the entrant sees of their own entry (我的报名). */
export interface MyEntry {
  id: string;
  contestId: string;
  contestName: string;
  group: Group;
  status: EntryStatus;
  statusReason: string | null;
  /** The draft or submitted form; a maker's ID number only as `idMasked`. */
  form: Record<string, unknown> & { group: Group };
  history: StatusStep[];
  /** May the entrant still change or withdraw it (window open, status allows)? */
  editable: boolean;
  updatedAt: string;
  submittedAt: string | null;
}

/** One row of the organizers' entry list. PII masked. */
export interface EntryRow {
  id: string;
  contestId: string;
  contestName: string;
  group: Group;
  projectName: string;
  orgName: string;
  field: string;
  district: string;
  status: EntryStatus;
  mobileMasked: string;
  submittedAt: string | null;
  /** Plagiarism hint: the most similar other entry of the edition, for a person to judge. */
  similar: { entryId: string; projectName: string; score: number } | null;
}

export interface AuditView {
  id: string;
  actorName: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  at: string;
}

/** The organizers' detail view: every field, PII masked, attachment names, timeline, audits. */
export interface EntryDetail extends EntryRow {
  form: Record<string, unknown> & { group: Group };
  businessPlan: Pick<BusinessPlan, 'name' | 'size'> | null;
  history: StatusStep[];
  audits: AuditView[];
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
