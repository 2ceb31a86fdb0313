import { AppError, ErrorCode } from '@core/errors';
import { nextStatus } from '@core/registration/entry-status';
import { C, type EntryDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertRegistrationOpen, entryIdFor, loadContest } from './common';

/**
 * The entrant takes their entry back while the window is open, which frees the edition's key:
 * the same company may then register again, here or in another contest of the edition.
 */
export const withdrawRegistration: UseCase<'registration.withdraw'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const contest = await loadContest(ports.db, input.contestId);
  const now = ports.clock.now();
  assertRegistrationOpen(contest, now);
  const entryId = entryIdFor(contest._id, openid);
  const at = now.toISOString();

  await ports.db.transaction(async (tx) => {
    const current = await tx.get<EntryDoc>(C.entries, entryId);
    if (current === null || current.status === 'withdrawn') throw new AppError(ErrorCode.NOT_FOUND, '没有可撤回的报名');
    if (!nextStatus(current.status, 'withdraw').ok) {
      throw new AppError(ErrorCode.INVALID_STATE, '报名已进入审核，不能撤回；如需退出请联系组委会');
    }
    if (current.dedupeKey) await tx.remove(C.entryKeys, current.dedupeKey);
    await tx.set<EntryDoc>(C.entries, {
      ...current,
      status: 'withdrawn',
      statusReason: null,
      dedupeKey: null,
      history: [...current.history, { status: 'withdrawn', at, reason: null }],
      updatedAt: at,
    });
  });
  return { entryId, status: 'withdrawn' };
};
