import type { Filter } from '../../ports';
import type { UseCase } from '../context';
import { C, type ContestDoc, type EditionDoc } from '../collections';
import { contestSummary } from './contest-views';

/** Public: the contests followers and entrants see on 首页, newest registration first, and the editions. */
export const listContests: UseCase<'contest.list'> = async (_ctx, input, ports) => {
  const filter: Filter = input.editionId === undefined ? {} : { editionId: input.editionId };
  const [contests, editions] = await Promise.all([
    ports.db
      .collection<ContestDoc>(C.contests)
      .find(filter, { orderBy: [['registration.opensAt', 'desc']], limit: 200 }),
    ports.db.collection<EditionDoc>(C.editions).find({}, { orderBy: [['year', 'desc']], limit: 100 }),
  ]);
  const byId = new Map(editions.map((e) => [e._id, e]));
  const now = ports.clock.now();
  return {
    items: contests.map((c) => contestSummary(c, byId.get(c.editionId), now)),
    editions: editions.map((e) => ({ id: e._id, name: e.name, year: e.year })),
    now: now.toISOString(),
  };
};
