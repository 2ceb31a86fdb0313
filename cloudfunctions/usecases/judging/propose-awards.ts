import type { UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { assertFinal, defaultCounts, groupViews } from './awarding';
import { loadRound, roundView } from './common';
import { loadRoundData, rankRound } from './round-data';

/** 评定奖项 (proposal): prizes from the final ranking per group; ties across a prize line are flagged. */
export const proposeRoundAwards: UseCase<'admin.award.propose'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertFinal(round);
  const [contest, data] = await Promise.all([loadContest(ports.db, round.contestId), loadRoundData(ports, round)]);
  const counts = { ...defaultCounts(contest), ...(input.counts ?? {}) };
  const ranked = rankRound(round, data);
  const decided = round.awards ? new Map(round.awards.prizes.map((p) => [p.entryId, p.prize])) : null;
  return {
    round: roundView(round, contest.name, ports.clock.now()),
    groups: groupViews(ranked, counts, new Map(data.entries.map((e) => [e.entryId, e])), decided),
  };
};
