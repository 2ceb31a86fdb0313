import { C, type SessionDoc } from '../collections';
import type { UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { loadRound, roundView } from './common';
import { sessionView } from './round-views';

export const getRound: UseCase<'admin.round.get'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const [contest, sessions] = await Promise.all([
    loadContest(ports.db, round.contestId),
    ports.db.collection<SessionDoc>(C.sessions).find({ roundId: round._id }, { orderBy: [['key', 'asc']] }),
  ]);
  return { round: roundView(round, contest.name, ports.clock.now()), sessions: sessions.map(sessionView) };
};
