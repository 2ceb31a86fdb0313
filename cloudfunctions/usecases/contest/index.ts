import type { contestActions } from '@core/contest/actions';
import type { contestAdminActions } from '@core/contest/admin-actions';
import type { AreaUseCases } from '../context';
import { getContest } from './get-contest';
import { listContests } from './list-contests';
import { upsertContest } from './upsert-contest';
import { upsertEdition } from './upsert-edition';

/** The contest area's use cases, one per action of its tables (the type insists on every one). */
export const contestUseCases: AreaUseCases<typeof contestActions & typeof contestAdminActions> = {
  'contest.list': listContests,
  'contest.get': getContest,
  'admin.edition.upsert': upsertEdition,
  'admin.contest.upsert': upsertContest,
};
