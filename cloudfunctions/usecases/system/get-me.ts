import { areasFor } from '@core/roles';
import { C, type ContestDoc, type UserDoc } from '../collections';
import type { UseCase } from '../context';
import { findByIds } from '../find-by-ids';

/** Who am I, what may I do: the 我的 tab and every role check in the app start here. */
export const getMe: UseCase<'auth.me'> = async (ctx, _input, ports) => {
  const { openid, grants } = ctx.caller;
  if (openid === null) return { user: null, roles: [], areas: [] };

  const [user, contests] = await Promise.all([
    ports.db.collection<UserDoc>(C.users).get(openid),
    findByIds<ContestDoc>(
      ports.db,
      C.contests,
      grants.flatMap((g) => (g.contestId === null ? [] : [g.contestId])),
    ),
  ]);

  return {
    user: { openid, name: user?.name ?? '微信用户' },
    roles: grants.map((g) => ({
      ...g,
      contestName: g.contestId === null ? null : (contests.get(g.contestId)?.name ?? null),
    })),
    areas: areasFor(grants),
  };
};
