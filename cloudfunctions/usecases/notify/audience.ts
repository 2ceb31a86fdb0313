import { AppError, ErrorCode } from '@core/errors';
import type { Audience, AudienceCount } from '@core/notify/campaigns';
import { holdsGlobally, type RoleGrant } from '@core/roles';
import type { Filter, Ports } from '../../ports';
import {
  C,
  subscriptionId,
  type AssignmentDoc,
  type EntryDoc,
  type FollowDoc,
  type InstitutionDoc,
  type JudgeDoc,
  type RoundDoc,
  type SubscriptionDoc,
} from '../collections';

/**
 * Checks an audience against the contest before it is stored or counted: a round of another contest is not
 * this contest's, and institutions belong to the 组委会 (no one contest), so only it may write to them.
 */
export async function assertAudience(
  ports: Ports,
  grants: readonly RoleGrant[],
  contestId: string,
  audience: Audience,
): Promise<void> {
  if (audience.role === 'institutions' && !holdsGlobally(grants, 'organizer')) {
    throw new AppError(ErrorCode.FORBIDDEN, '只有大赛组委会可以向服务机构发送通知');
  }
  if (audience.roundId !== undefined) {
    if (audience.role !== 'judges') {
      throw new AppError(ErrorCode.INVALID_INPUT, undefined, { 'audience.roundId': '只有发给评委时才能选择评审轮次' });
    }
    const round = await ports.db.collection<RoundDoc>(C.rounds).get(audience.roundId);
    if (round === null || round.contestId !== contestId) {
      throw new AppError(ErrorCode.NOT_FOUND, '该赛事没有这个评审轮次');
    }
  }
}

/** Everyone the audience names, each once, in a stable order (a fan-out resumes by position). */
export async function audienceOpenids(ports: Ports, contestId: string, audience: Audience): Promise<string[]> {
  const db = ports.db;
  let openids: string[];
  switch (audience.role) {
    case 'entrants': {
      const filter: Filter = {
        contestId,
        status: audience.statuses?.length ? { $in: audience.statuses } : { $ne: 'draft' },
      };
      if (audience.group) filter.group = audience.group;
      if (audience.field) filter.field = audience.field;
      if (audience.district) filter.district = audience.district;
      openids = (await db.collection<EntryDoc>(C.entries).find(filter)).map((e) => e.ownerOpenid);
      break;
    }
    case 'judges': {
      if (audience.roundId !== undefined) {
        const assigned = await db.collection<AssignmentDoc>(C.assignments).find({
          roundId: audience.roundId,
          status: 'active',
          ...(audience.pendingOnly ? { score: null } : {}),
        });
        openids = assigned.map((a) => a.judgeOpenid);
      } else {
        openids = (await db.collection<JudgeDoc>(C.judges).find({ contestId })).map((j) => j.openid);
      }
      break;
    }
    case 'institutions':
      openids = (await db.collection<InstitutionDoc>(C.institutions).find({ status: 'approved' })).map(
        (i) => i.ownerOpenid,
      );
      break;
    case 'followers':
      openids = (await db.collection<FollowDoc>(C.follows).find({ contestId })).map((f) => f.openid);
      break;
  }
  return [...new Set(openids)].sort();
}

const LEDGER_BATCH = 500;

/** Of these users, how many WeChat can reach now with this template (a credit in the ledger). */
export async function countReachable(
  ports: Ports,
  openids: readonly string[],
  templateId: string | null,
): Promise<number> {
  if (templateId === null) return 0;
  let reachable = 0;
  const ledger = ports.db.collection<SubscriptionDoc>(C.subscriptions);
  for (let i = 0; i < openids.length; i += LEDGER_BATCH) {
    const ids = openids.slice(i, i + LEDGER_BATCH).map((openid) => subscriptionId(openid, templateId));
    reachable += await ledger.count({ _id: { $in: ids }, credits: { $gt: 0 } });
  }
  return reachable;
}

export async function audienceCount(
  ports: Ports,
  contestId: string,
  audience: Audience,
  templateId: string | null,
): Promise<AudienceCount & { openids: string[] }> {
  const openids = await audienceOpenids(ports, contestId, audience);
  const reachable = await countReachable(ports, openids, templateId);
  return { audience: openids.length, reachable, unreachable: openids.length - reachable, openids };
}
