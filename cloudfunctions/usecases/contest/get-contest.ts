import { AppError, ErrorCode } from '@core/errors';
import type { UseCase } from '../context';
import { C, type ContestDoc, type EditionDoc } from '../collections';
import { contestDetail } from './contest-views';

/** Public: one contest with its rules, groups, fields, districts, timeline and awards. */
export const getContest: UseCase<'contest.get'> = async (_ctx, input, ports) => {
  const contest = await ports.db.collection<ContestDoc>(C.contests).get(input.id);
  if (contest === null) throw new AppError(ErrorCode.NOT_FOUND, '赛事不存在');
  const edition = (await ports.db.collection<EditionDoc>(C.editions).get(contest.editionId)) ?? undefined;
  const now = ports.clock.now();
  return { contest: contestDetail(contest, edition, now), now: now.toISOString() };
};
