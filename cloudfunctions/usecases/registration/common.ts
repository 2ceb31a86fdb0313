import { registrationStatus } from '@core/contest/types';
import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import type { EntryStatus } from '@core/registration/entry-status';
import type { RegistrationDraft, RegistrationForm } from '@core/registration/forms';
import { formatShanghai } from '@core/time/shanghai';
import { createHash } from 'node:crypto';
import type { Db } from '../../ports';
import { C, type ContestDoc, type EntryDoc } from '../collections';

/**
 * One entry per account and contest. Derived, so a retried first save can't create a second one;
 * hashed, so the openid never travels to organizers inside an id.
 */
export function entryIdFor(contestId: string, openid: string): string {
  return `e-${createHash('sha256').update(`${contestId}\u0000${openid}`).digest('hex').slice(0, 24)}`;
}

export async function loadContest(db: Db, contestId: string): Promise<ContestDoc> {
  const contest = await db.collection<ContestDoc>(C.contests).get(contestId);
  if (contest === null) throw new AppError(ErrorCode.NOT_FOUND, '赛事不存在');
  return contest;
}

/** Sign-up, edits and withdrawals only while the window is open, decided in Shanghai time. */
export function assertRegistrationOpen(contest: ContestDoc, now: Date): void {
  const status = registrationStatus(contest.registration, now);
  if (status === 'upcoming') {
    throw new AppError(
      ErrorCode.NOT_OPEN,
      `报名尚未开始，开始时间为北京时间 ${formatShanghai(contest.registration.opensAt)}`,
      { opensAt: contest.registration.opensAt },
    );
  }
  if (status === 'closed') {
    throw new AppError(
      ErrorCode.DEADLINE_PASSED,
      `报名已于北京时间 ${formatShanghai(contest.registration.closesAt, 'YYYY年M月D日 HH:mm:ss')} 截止`,
      { closesAt: contest.registration.closesAt },
    );
  }
}

/** The group, field and district must be ones this contest offers. */
export function contestMismatch(contest: ContestDoc, form: RegistrationForm | RegistrationDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!contest.groups.includes(form.group)) {
    errors.group = `本赛事不设${form.group === 'enterprise' ? '企业组' : '创客组'}`;
  }
  if (form.field !== undefined && form.field !== '' && !contest.fields.includes(form.field)) {
    errors.field = '请从本赛事的行业领域中选择';
  }
  if (form.district !== undefined && form.district !== '' && contest.districts.length > 0) {
    if (!contest.districts.includes(form.district)) errors.district = '请从本赛事的区中选择';
  }
  return errors;
}

/** Statuses in which the entrant may still change the entry (edits go through submit again). */
export const ENTRANT_EDITABLE: readonly EntryStatus[] = ['draft', 'submitted', 'withdrawn'];

/** The columns organizers filter and search on, copied from the form. */
export function searchable(
  form: RegistrationForm | RegistrationDraft,
): Pick<EntryDoc, 'projectName' | 'orgName' | 'field' | 'district'> {
  return {
    projectName: form.projectName ?? '',
    orgName: (form.group === 'enterprise' ? form.companyName : form.leaderName) ?? '',
    field: form.field ?? '',
    district: form.district ?? '',
  };
}
