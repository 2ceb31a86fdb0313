import { createHash, randomBytes } from 'node:crypto';
import { requireOpenid, type UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { publishList } from './publish-list';
import { resultListView } from './result-views';

/**
 * Publishes a result list as an immutable snapshot of the chosen entries (names, group, field,
 * district, prize; never phone or ID numbers), with an optional 公示 period for objections. The judging
 * cut-off and awards publish what the organizer confirmed through publishList below.
 */
export const publishResults: UseCase<'admin.result.publish'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  // Derived from the request, so a retry after a crash finishes the same list instead of starting another.
  const id = ctx.requestId
    ? `r-${createHash('sha256').update(`${openid}:${ctx.requestId}`).digest('hex').slice(0, 20)}`
    : `r-${randomBytes(10).toString('hex')}`;
  const now = ports.clock.now();
  const list = await publishList(ports, {
    id,
    contest,
    kind: input.kind,
    title: input.title,
    entries: input.entries,
    publicityDays: input.publicityDays,
    publishedBy: openid,
  });
  return { list: resultListView(list, now) };
};
