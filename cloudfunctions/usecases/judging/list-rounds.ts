import { C, type RoundDoc } from '../collections';
import type { UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { roundView } from './common';
import { STAGE_ORDER } from './round-views';

export const listRounds: UseCase<'admin.round.list'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  const rounds = await ports.db.collection<RoundDoc>(C.rounds).find({ contestId: contest._id }, { limit: 10 });
  const now = ports.clock.now();
  return {
    rounds: rounds
      .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage))
      .map((r) => roundView(r, contest.name, now)),
  };
};
