import { AppError, ErrorCode } from '@core/errors';
import type { UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { loadRound, roundView } from './common';
import { loadRoundData, rankRound, rankingRows } from './round-data';

/** The round's ranking, overall or within a group or field; ties are shown as ties. */
export const getRoundRanking: UseCase<'admin.round.ranking'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const [contest, data] = await Promise.all([loadContest(ports.db, round.contestId), loadRoundData(ports, round)]);
  let ranked = rankRound(round, data);
  if (input.group) ranked = ranked.filter((r) => r.group === input.group).sort((a, b) => a.groupRank - b.groupRank);
  if (input.field) {
    if (!contest.fields.includes(input.field))
      throw new AppError(ErrorCode.INVALID_INPUT, undefined, { field: '本赛事没有这个行业领域' });
    ranked = ranked.filter((r) => r.field === input.field).sort((a, b) => a.fieldRank - b.fieldRank);
  }
  const start = (input.page - 1) * input.pageSize;
  const page = ranked.slice(start, start + input.pageSize);
  return {
    round: roundView(round, contest.name, ports.clock.now()),
    rows: rankingRows(round, data, page),
    total: ranked.length,
    page: input.page,
    pageSize: input.pageSize,
  };
};
