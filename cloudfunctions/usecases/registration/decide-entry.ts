import { AppError, ErrorCode } from '@core/errors';
import { nextStatus } from '@core/registration/entry-status';
import { writeAuditTx } from '../audit';
import { C, type EntryDoc, type RoundEntryDoc, type UserDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { reviewNoticeTx } from '../notify/reminders';
import { assertOrganizerOf } from '../scope';

/**
 * 资格审核通过 / 不通过, 取消资格. The new status, its audit record and the entrant's 审核结果通知 (for 通过 and
 * 未通过) are one transaction: there is never a decision without its record, nor a record or a message of a
 * decision that did not happen.
 */
export const decideEntry: UseCase<'admin.entry.decide'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const actor = await ports.db.collection<UserDoc>(C.users).get(openid);
  const at = ports.clock.now().toISOString();
  const reason = input.reason === undefined || input.reason === '' ? null : input.reason;

  const status = await ports.db.transaction(async (tx) => {
    const entry = await tx.get<EntryDoc>(C.entries, input.entryId);
    if (entry === null) throw new AppError(ErrorCode.NOT_FOUND, '报名不存在');
    assertOrganizerOf(ctx.caller.grants, entry.contestId);
    const next = nextStatus(entry.status, input.decision);
    if (!next.ok) throw new AppError(ErrorCode.INVALID_STATE, next.reason);
    await tx.set<EntryDoc>(C.entries, {
      ...entry,
      status: next.status,
      statusReason: reason,
      history: [...entry.history, { status: next.status, at, reason }],
      updatedAt: at,
    });
    await writeAuditTx(tx, {
      contestId: entry.contestId,
      entryId: entry._id,
      actorOpenid: openid,
      actorName: actor?.name ?? '组委会',
      action: input.decision,
      before: entry.status,
      after: next.status,
      reason,
      at,
    });
    if (input.decision !== 'disqualify') {
      await reviewNoticeTx(tx, ctx.templates, {
        entry,
        step: entry.history.length,
        passed: input.decision === 'approve',
        reason,
        at,
      });
    }
    return next.status;
  });
  // A disqualified entry leaves every round it is in: kept for the record, out of rankings and cut-offs.
  if (status === 'disqualified') {
    await ports.db.collection<RoundEntryDoc>(C.roundEntries).updateWhere({ entryId: input.entryId }, { out: true });
  }
  return { entryId: input.entryId, status };
};
