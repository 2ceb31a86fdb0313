import { countBy, countByShanghaiDay } from '@core/registration/stats';
import { C, type EntryDoc } from '../collections';
import type { UseCase } from '../context';
import { contestScopeFilter } from '../scope';

/** Entries by status, group, field, district and submission day, for the charts on 赛事管理. */
export const getEntryStats: UseCase<'admin.entry.stats'> = async (ctx, input, ports) => {
  const scope = contestScopeFilter(ctx.caller.grants, input.contestId);
  const entries = await ports.db
    .collection<EntryDoc>(C.entries)
    .find({ $and: [scope, { status: { $nin: ['draft', 'withdrawn'] } }] });
  return {
    total: entries.length,
    byStatus: countBy(entries, (e) => e.status),
    byGroup: countBy(entries, (e) => e.group),
    byField: countBy(entries, (e) => e.field || '未填写'),
    byDistrict: countBy(entries, (e) => e.district || '未填写'),
    byDay: countByShanghaiDay(entries.flatMap((e) => (e.submittedAt ? [e.submittedAt] : []))),
  };
};
