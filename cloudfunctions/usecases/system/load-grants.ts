import type { RoleGrant } from '@core/roles';
import type { Db } from '../../ports';
import { C, type RoleGrantDoc } from '../collections';

/**
 * Every grant of a caller: the stored ones, organizer for openids in ADMIN_OPENIDS (the bootstrap
 * before any grant exists), and entrant for anyone signed in (any WeChat user may sign up).
 */
export async function loadGrants(db: Db, openid: string, adminOpenids: ReadonlySet<string>): Promise<RoleGrant[]> {
  const stored = await db.collection<RoleGrantDoc>(C.roles).find({ openid }, { limit: 200 });
  const grants: RoleGrant[] = [{ role: 'entrant', contestId: null }];
  if (adminOpenids.has(openid)) grants.push({ role: 'organizer', contestId: null });
  for (const doc of stored) {
    if (!grants.some((g) => g.role === doc.role && g.contestId === doc.contestId)) {
      grants.push({ role: doc.role, contestId: doc.contestId });
    }
  }
  return grants;
}
