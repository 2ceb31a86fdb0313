import { AppError, ErrorCode } from '@core/errors';
import { C, type SessionDoc } from '../collections';
import type { UseCase } from '../context';
import { notifyFinalSchedule } from '../notify/reminders';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { loadRound } from './common';
import { sessionView } from './round-views';

/**
 * Place and time of one session (复赛, or a 决赛 run in panels); its judges see them beside their entries. A final
 * session with both is the 决赛安排通知 to its finalists (once per place and time: a re-save tells nobody again).
 */
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
  if (round.stage === 'final') {
    const contest = await loadContest(ports.db, round.contestId);
    await notifyFinalSchedule(ports, ctx.templates, round, doc, contest.name);
  }
  return { session: sessionView(doc) };
};
