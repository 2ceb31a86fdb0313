import type { UseCaseTable } from './context';
import { health } from './system/health';
import { me } from './auth/me';
import { listContests } from './contest/list-contests';
import { updateProfile } from './auth/update-profile';
import { systemStatus } from './admin/system-status';

/** Every action of core/actions.ts has exactly one use case; the type makes a missing one a compile error. */
export const useCases: UseCaseTable = {
  'system.health': health,
  'auth.me': me,
  'auth.updateProfile': updateProfile,
  'admin.system.status': systemStatus,
  'contest.list': listContests,
};
