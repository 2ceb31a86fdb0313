import { AppError, ErrorCode } from '@core/errors';
import { idNumberProblem, normalizeIdNumber } from '@core/registration/id-number';
import { maskIdNumber } from '@core/registration/mask';
import type { StoredForm } from '@core/registration/views';
import { shanghaiDay } from '@core/time/shanghai';
import { C, type EntryDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertRegistrationOpen, contestMismatch, entryIdFor, loadContest, searchable } from './common';

/**
 * Keeps what the entrant has typed so far, so it can be picked up on another device. Only lengths
 * are checked; a maker's ID number is kept only as hash and mask, and only once it is complete.
 * A submitted entry is changed by submitting again, never by a draft.
 */
export const saveDraft: UseCase<'registration.draft.save'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const contest = await loadContest(ports.db, input.contestId);
  const now = ports.clock.now();
  assertRegistrationOpen(contest, now);
  const mismatch = contestMismatch(contest, input.form);
  if (mismatch.group !== undefined) throw new AppError(ErrorCode.INVALID_INPUT, undefined, { group: mismatch.group });

  const entryId = entryIdFor(contest._id, openid);
  const at = now.toISOString();
  let idNumber: { idHash: string; idMasked: string } | null = null;
  if (input.form.group === 'maker' && input.form.idNumber !== undefined) {
    const normalized = normalizeIdNumber(input.form.idNumber);
    if (normalized !== '' && idNumberProblem(normalized, shanghaiDay(now)) === null) {
      idNumber = { idHash: ctx.hashIdNumber(normalized), idMasked: maskIdNumber(normalized) };
    }
  }

  // A transaction, so a submit landing in between is never overwritten by a late draft.
  await ports.db.transaction(async (tx) => {
    const current = await tx.get<EntryDoc>(C.entries, entryId);
    if (current !== null && current.status !== 'draft' && current.status !== 'withdrawn') {
      throw new AppError(ErrorCode.INVALID_STATE, '报名已提交，修改后请直接点击“提交修改”');
    }
    let form: StoredForm;
    if (input.form.group === 'maker') {
      const { idNumber: _raw, ...rest } = input.form;
      const previous = current?.form.group === 'maker' && current.form.idHash ? current.form : null;
      const kept = idNumber ?? (previous ? { idHash: previous.idHash, idMasked: previous.idMasked } : null);
      form = kept === null ? rest : { ...rest, ...kept };
    } else {
      form = input.form;
    }
    const reopened = current === null || current.status === 'withdrawn';
    await tx.set<EntryDoc>(C.entries, {
      _id: entryId,
      contestId: contest._id,
      editionId: contest.editionId,
      ownerOpenid: openid,
      group: input.form.group,
      status: 'draft',
      statusReason: null,
      form,
      ...searchable(input.form),
      dedupeKey: null,
      similar: current?.similar ?? null,
      history: reopened ? [...(current?.history ?? []), { status: 'draft', at, reason: null }] : current.history,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
      submittedAt: null,
    });
  });
  return { entryId, savedAt: at, status: 'draft' };
};
