import { registrationStatus } from '@core/contest/types';
import type { Filter } from '../../ports';
import type { UseCase } from '../context';
import { C, type ContestDoc, type EditionDoc } from '../collections';
import { findByIds } from '../find-by-ids';

/** Public: the contests followers and entrants see on 首页, newest registration first. */
export const listContests: UseCase<'contest.list'> = async (_ctx, input, ports) => {
  const filter: Filter = input.editionId === undefined ? {} : { editionId: input.editionId };
  const contests = await ports.db
    .collection<ContestDoc>(C.contests)
    .find(filter, { orderBy: [['registration.opensAt', 'desc']], limit: 200 });
  const byId = await findByIds<EditionDoc>(
    ports.db,
    C.editions,
    contests.map((c) => c.editionId),
  );
  const now = ports.clock.now();

  return {
    items: contests.map((c) => ({
      id: c._id,
      name: c.name,
      kind: c.kind,
      editionName: byId.get(c.editionId)?.name ?? '',
      year: byId.get(c.editionId)?.year ?? 0,
      hostRegion: c.hostRegion,
      groups: c.groups,
      registration: { ...c.registration, status: registrationStatus(c.registration, now) },
      stages: c.stages,
    })),
  };
};
