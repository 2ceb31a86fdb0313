import { AppError, ErrorCode } from '@core/errors';
import { hasRole, holdsGlobally, type RoleGrant } from '@core/roles';
import type { Filter } from '../ports';

/** Organizers of one contest see that contest's entries; the 组委会 (a global grant) sees all. */
export function contestScopeFilter(grants: readonly RoleGrant[], contestId: string | undefined): Filter {
  if (contestId !== undefined) {
    assertOrganizerOf(grants, contestId);
    return { contestId };
  }
  if (holdsGlobally(grants, 'organizer')) return {};
  const own = grants.flatMap((g) => (g.role === 'organizer' && g.contestId !== null ? [g.contestId] : []));
  return { contestId: { $in: own } };
}

export function assertOrganizerOf(grants: readonly RoleGrant[], contestId: string): void {
  if (!hasRole(grants, 'organizer', contestId)) throw new AppError(ErrorCode.FORBIDDEN, '您不是该赛事的组委会成员');
}
