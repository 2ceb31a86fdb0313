import { areasFor } from '@core/roles';
import type { UseCase } from '../context';
import { C, type ContestDoc, type UserDoc } from '../collections';

/** Who am I, what may I do: the 我的 tab and every role check in the app start here. */
export const me: UseCase<'auth.me'> = async (ctx, _input, ports) => {
  const { openid, grants } = ctx.caller;
  if (openid === null) return { user: null, roles: [], areas: [] };

  const user = await ports.db.collection<UserDoc>(C.users).get(openid);
  const contestIds = [...new Set(grants.flatMap((g) => (g.contestId === null ? [] : [g.contestId])))];
  const contests =
    contestIds.length === 0
      ? []
      : await ports.db
          .collection<ContestDoc>(C.contests)
          .find({ _id: { $in: contestIds } }, { limit: contestIds.length });
  const names = new Map(contests.map((c) => [c._id, c.name]));

  return {
    user: { openid, name: user?.name ?? '微信用户' },
    roles: grants.map((g) => ({ ...g, contestName: g.contestId === null ? null : (names.get(g.contestId) ?? null) })),
    areas: areasFor(grants),
  };
};
