import { AppError, ErrorCode } from '@core/errors';
import { applyControl, needsSlot } from '@core/live/machine';
import { writeAuditTx } from '../audit';
import { requireOpenid, type UseCase } from '../context';
import { actorName } from '../judging/common';
import { assertOrganizerOf } from '../scope';
import { appendEventsTx, requireShowTx, revealTx, saveShowTx } from './show';
import { consoleView } from './views';

/**
 * One tap of the host console: the state machine (`applyControl`) inside the transaction that reads and writes
 * the show, so two consoles tapping at once move it once. Closing scoring reveals (with a signed checkpoint);
 * re-opening, closing early and marking absent / withdrawn carry a reason, are audited and are in the log.
 */
export const controlShow: UseCase<'admin.live.control'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  if (needsSlot(input.command) && input.entryId === undefined)
    throw new AppError(ErrorCode.INVALID_INPUT, '请选择选手', { entryId: '请选择选手' });
  const now = ports.clock.now();
  const at = now.toISOString();
  const name = await actorName(ports.db, openid, '组委会');
  const actor = { openid, name };
  const saved = await ports.db.transaction(async (tx) => {
    const show = await requireShowTx(tx, input.liveId);
    assertOrganizerOf(ctx.caller.grants, show.contestId);
    const result = applyControl(
      show,
      {
        command: input.command,
        entryId: input.entryId ?? null,
        reason: input.reason ?? null,
        seconds: input.seconds ?? null,
      },
      now,
    );
    let next = { ...show, ...result.show };
    const slot = result.slot;
    next = await appendEventsTx(
      tx,
      next,
      actor,
      [
        {
          type: 'control',
          data: {
            command: input.command,
            entryId: slot?.entryId ?? null,
            position: slot?.position ?? null,
            state: slot?.state ?? null,
            reason: input.reason ?? null,
            seconds: input.command === 'addTime' ? (input.seconds ?? null) : null,
            scored: slot && input.command === 'close' ? slot.scoredBy.length : null,
            awaited: slot && input.command === 'close' ? slot.eligible.length : null,
          },
        },
      ],
      at,
    );
    if (result.reveal && slot) next = await revealTx(tx, next, slot, actor, ctx.liveSigner, at);
    const audited = {
      reopen: 'live_reopen',
      close: 'live_close',
      absent: 'live_absent',
      withdraw: 'live_absent',
    } as const;
    const action = audited[input.command as keyof typeof audited] as (typeof audited)[keyof typeof audited] | undefined;
    if (action && slot && (input.command !== 'close' || slot.scoredBy.length < slot.eligible.length)) {
      await writeAuditTx(tx, {
        contestId: show.contestId,
        roundId: show.roundId,
        entryId: slot.entryId,
        actorOpenid: openid,
        actorName: name,
        action,
        before: show.slots.find((s) => s.entryId === slot.entryId)?.state,
        after: slot.state,
        reason: input.reason ?? null,
        at,
      });
    }
    return saveShowTx(tx, next, at);
  });
  return { console: await consoleView(ports, saved) };
};
