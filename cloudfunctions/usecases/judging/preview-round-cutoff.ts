import type { UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { cutoffView, previewOrFail } from './advancement';
import { loadRound, roundView } from './common';
import { loadRoundData, rankRound } from './round-data';

/** 晋级预览: who is in, who is out and who is tied across the cut-off; nothing changes. */
export const previewRoundCutoff: UseCase<'admin.round.cutoff'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const [contest, data] = await Promise.all([loadContest(ports.db, round.contestId), loadRoundData(ports, round)]);
  const ranked = rankRound(round, data);
  const preview = previewOrFail(ranked, input.rule);
  return {
    round: roundView(round, contest.name, ports.clock.now()),
    preview: cutoffView(round, preview, ranked, data.entries),
  };
};
