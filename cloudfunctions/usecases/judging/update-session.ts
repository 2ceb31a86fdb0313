import { AppError, ErrorCode } from '@core/errors';
import { C, type SessionDoc } from '../collections';
import type { UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { loadRound } from './common';
import { sessionView } from './round-views';

/** Place and time of one 复赛 session; its judges see them beside their entries. */
export const updateSession: UseCase<'admin.session.update'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const sessions = ports.db.collection<SessionDoc>(C.sessions);
  const id = `${round._id}:${input.key}`;
  const at = ports.clock.now().toISOString();
  const startsAt = input.startsAt === null ? null : new Date(input.startsAt).toISOString();
  if (!(await sessions.update(id, { place: input.place, startsAt, updatedAt: at }))) {
    throw new AppError(ErrorCode.NOT_FOUND, '分组不存在，请先分配评委生成分组');
  }
  const doc = await sessions.get(id);
  if (doc === null) throw new AppError(ErrorCode.NOT_FOUND, '分组不存在');
  return { session: sessionView(doc) };
};
