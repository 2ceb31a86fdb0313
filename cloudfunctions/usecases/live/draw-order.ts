import { AppError, ErrorCode } from '@core/errors';
import { drawOrder as draw } from '@core/live/draw';
import { randomBytes } from 'node:crypto';
import { writeAuditTx } from '../audit';
import { requireOpenid, type UseCase } from '../context';
import { actorName } from '../judging/common';
import { assertOrganizerOf } from '../scope';
import { appendEventsTx, requireShowTx, saveShowTx } from './show';
import { consoleView } from './views';

/**
 * 抽签: the order of appearance from a seed, recorded with it (in the show, the log and the audit) so the
 * notary can replay it. Once per show: a second draw is refused, whatever the seed.
 */
export const drawShowOrder: UseCase<'admin.live.draw'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const at = ports.clock.now().toISOString();
  const seed = input.seed ?? randomBytes(8).toString('hex');
  const name = await actorName(ports.db, openid, '组委会');
  const saved = await ports.db.transaction(async (tx) => {
    let show = await requireShowTx(tx, input.liveId);
    assertOrganizerOf(ctx.caller.grants, show.contestId);
    if (show.frozen) throw new AppError(ErrorCode.INVALID_STATE, '公证员已确认本组成绩，不能再更改', { frozen: true });
    if (show.order !== null)
      throw new AppError(
        ErrorCode.INVALID_STATE,
        show.order.method === 'draw' ? '本组已抽签，不能重复抽签' : '本组已手动排定出场顺序',
        {
          state: 'ordered',
          method: show.order.method,
        },
      );
    const order = draw(
      show.slots.map((s) => s.entryId),
      seed,
    );
    const position = new Map(order.map((id, i) => [id, i + 1]));
    show = {
      ...show,
      order: { method: 'draw', seed, reason: null, at },
      slots: show.slots.map((s) => ({ ...s, position: position.get(s.entryId) ?? 0 })),
    };
    show = await appendEventsTx(
      tx,
      show,
      { openid, name },
      [{ type: 'order', data: { method: 'draw', seed, order } }],
      at,
    );
    await writeAuditTx(tx, {
      contestId: show.contestId,
      roundId: show.roundId,
      actorOpenid: openid,
      actorName: name,
      action: 'live_order',
      after: { group: show.group, seed, order },
      at,
    });
    return saveShowTx(tx, show, at);
  });
  return { console: await consoleView(ports, saved) };
};
