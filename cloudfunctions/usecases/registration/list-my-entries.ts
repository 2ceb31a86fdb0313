import { registrationStatus } from '@core/contest/types';
import { C, type ContestDoc, type EntryDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { findByIds } from '../find-by-ids';
import { ENTRANT_EDITABLE } from './common';

/** 我的报名: every entry of the caller, drafts included, with its status timeline. */
export const listMyEntries: UseCase<'registration.mine'> = async (ctx, _input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const entries = await ports.db
    .collection<EntryDoc>(C.entries)
    .find({ ownerOpenid: openid }, { orderBy: [['updatedAt', 'desc']], limit: 50 });
  const contests = await findByIds<ContestDoc>(
    ports.db,
    C.contests,
    entries.map((e) => e.contestId),
  );
  const now = ports.clock.now();
  return {
    items: entries.map((entry) => {
      const contest = contests.get(entry.contestId);
      const open = contest !== undefined && registrationStatus(contest.registration, now) === 'open';
      // The hash matches duplicates; it is nobody's business, the entrant's included.
      const { idHash: _hash, ...form } = entry.form as typeof entry.form & { idHash?: string };
      return {
        id: entry._id,
        contestId: entry.contestId,
        contestName: contest?.name ?? '',
        group: entry.group,
        status: entry.status,
        statusReason: entry.statusReason,
        form,
        history: entry.history,
        editable: open && ENTRANT_EDITABLE.includes(entry.status),
        updatedAt: entry.updatedAt,
        submittedAt: entry.submittedAt,
      };
    }),
  };
};
