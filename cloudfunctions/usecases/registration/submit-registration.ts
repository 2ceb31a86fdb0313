import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import { entryKeyId } from '@core/registration/dedupe-key';
import { idNumberProblem, normalizeIdNumber } from '@core/registration/id-number';
import { maskIdNumber } from '@core/registration/mask';
import type { StoredForm } from '@core/registration/views';
import { shanghaiDay } from '@core/time/shanghai';
import { DbError } from '../../ports';
import { C, type EntryDoc, type EntryKeyDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertTextsClean } from '../text-check';
import {
  assertRegistrationOpen,
  contestMismatch,
  ENTRANT_EDITABLE,
  entryIdFor,
  loadContest,
  searchable,
} from './common';
import { checkBusinessPlan, duplicateOf, queueSimilarityScan } from './submit-checks';

/**
 * Submits (or, while the window is open, changes) the caller's entry. One entry per edition holds
 * under concurrency because the entry and its natural key (credit code or ID hash) are written in
 * one transaction: a second company with the same key fails on insert, not on a check made earlier.
 */
export const submitRegistration: UseCase<'registration.submit'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const contest = await loadContest(ports.db, input.contestId);
  const now = ports.clock.now();
  assertRegistrationOpen(contest, now);
  const form = input.form;
  const today = shanghaiDay(now);
  const entryId = entryIdFor(contest._id, openid);

  const errors: FieldErrors = contestMismatch(contest, form);
  if (form.group === 'enterprise' && form.foundedOn > today) errors.foundedOn = '成立日期不能晚于今天';
  const existing = await ports.db.collection<EntryDoc>(C.entries).get(entryId);
  const plan = await checkBusinessPlan(ports.files, entryId, form.businessPlan, existing?.form.businessPlan?.fileId);
  if (typeof plan === 'string') errors['businessPlan.fileId'] = plan;

  let identity: { group: 'enterprise'; creditCode: string } | { group: 'maker'; idHash: string };
  let stored: StoredForm;
  if (form.group === 'maker') {
    const { idNumber, ...rest } = form;
    let idHash: string | null = null;
    let idMasked: string | null = null;
    if (idNumber !== undefined) {
      const normalized = normalizeIdNumber(idNumber);
      const problem = idNumberProblem(normalized, today);
      if (problem !== null) errors.idNumber = problem;
      else {
        idHash = ctx.hashIdNumber(normalized);
        idMasked = maskIdNumber(normalized);
      }
    } else if (existing?.form.group === 'maker' && 'idHash' in existing.form && existing.form.idHash) {
      idHash = existing.form.idHash;
      idMasked = existing.form.idMasked ?? null;
    } else {
      errors.idNumber = '请填写身份证号码';
    }
    identity = { group: 'maker', idHash: idHash ?? '' };
    stored = { ...rest, idHash: idHash ?? '', idMasked: idMasked ?? '' };
  } else {
    identity = { group: 'enterprise', creditCode: form.creditCode };
    stored = form;
  }
  if (typeof plan !== 'string') stored = { ...stored, businessPlan: plan };
  if (Object.keys(errors).length > 0) throw new AppError(ErrorCode.INVALID_INPUT, undefined, errors);

  await assertTextsClean(ports.contentCheck, openid, {
    companyName: form.group === 'enterprise' ? form.companyName : undefined,
    contactName: form.group === 'enterprise' ? form.contactName : undefined,
    team: form.group === 'enterprise' ? form.team : undefined,
    leaderName: form.group === 'maker' ? form.leaderName : undefined,
    members: form.group === 'maker' ? form.members.map((m) => `${m.name} ${m.role}`).join('；') : undefined,
    projectName: form.projectName,
    summary: form.summary,
    highlights: form.highlights,
  });

  const key = entryKeyId(contest.editionId, identity);
  const at = now.toISOString();
  let submittedAt = at;
  try {
    await ports.db.transaction(async (tx) => {
      const current = await tx.get<EntryDoc>(C.entries, entryId);
      if (current !== null && !ENTRANT_EDITABLE.includes(current.status)) {
        throw new AppError(ErrorCode.INVALID_STATE, '报名已进入审核，不能再修改；如需更正请联系组委会');
      }
      const held = await tx.get<EntryKeyDoc>(C.entryKeys, key);
      if (held !== null && held.entryId !== entryId) throw duplicateOf(held);
      if (current?.dedupeKey && current.dedupeKey !== key) await tx.remove(C.entryKeys, current.dedupeKey);
      if (held === null) {
        await tx.create<EntryKeyDoc>(C.entryKeys, {
          _id: key,
          entryId,
          contestId: contest._id,
          contestName: contest.name,
          editionId: contest.editionId,
          createdAt: at,
        });
      }
      const wasSubmitted = current?.status === 'submitted';
      submittedAt = wasSubmitted && current.submittedAt ? current.submittedAt : at;
      await tx.set<EntryDoc>(C.entries, {
        _id: entryId,
        contestId: contest._id,
        editionId: contest.editionId,
        ownerOpenid: openid,
        group: form.group,
        status: 'submitted',
        statusReason: null,
        form: stored,
        ...searchable(form),
        dedupeKey: key,
        similar: current?.similar ?? null,
        history: wasSubmitted
          ? current.history
          : [...(current?.history ?? []), { status: 'submitted', at, reason: null }],
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
        submittedAt,
      });
    });
  } catch (error) {
    // Another entry took the key between our read and our insert: tell the entrant which contest has it.
    if (error instanceof DbError && error.code === 'DUPLICATE' && error.collection === C.entryKeys) {
      const held = await ports.db.collection<EntryKeyDoc>(C.entryKeys).get(key);
      if (held !== null) throw duplicateOf(held);
    }
    throw error;
  }

  await queueSimilarityScan(ports.db, entryId, at);
  return { entryId, status: 'submitted', submittedAt };
};
