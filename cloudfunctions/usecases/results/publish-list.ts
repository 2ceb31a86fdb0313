import type { Prize } from '@core/contest/types';
import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import type { EntryStatus } from '@core/registration/entry-status';
import { resultKindLabels, type ResultItem, type ResultKind } from '@core/results/types';
import type { Ports } from '../../ports';
import { C, type ContestDoc, type EntryDoc, type ResultItemDoc, type ResultListDoc } from '../collections';
import { eachLimited } from '../each-limited';
import { findByIds } from '../find-by-ids';
import { queueResultsReminder } from '../notify/reminders';

/** Entries that may appear on a public list: in the contest, and not out of it. */
export const LISTABLE: readonly EntryStatus[] = ['submitted', 'approved', 'semifinalist', 'finalist', 'awarded'];

/**
 * Publishes a list with a known id: the admin action above, and the judging cut-off and awards, which
 * publish what the organizer confirmed. Publishing the same id again rewrites the same snapshot, so a
 * step that crashed halfway is finished by running it again. The contest's followers are told by a cron job
 * (reminders.results), one per list.
 */
export async function publishList(
  ports: Ports,
  args: {
    id: string;
    contest: ContestDoc;
    kind: ResultKind;
    title?: string;
    entries: ReadonlyArray<{ entryId: string; prize: Prize | null }>;
    publicityDays: number;
    publishedBy: string;
  },
): Promise<ResultListDoc> {
  const { contest, id } = args;
  const entries = await findByIds<EntryDoc>(
    ports.db,
    C.entries,
    args.entries.map((e) => e.entryId),
  );
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  args.entries.forEach((choice, i) => {
    const entry = entries.get(choice.entryId);
    if (seen.has(choice.entryId)) errors[`entries.${i}.entryId`] = '同一项目不能重复列入';
    else if (entry === undefined || entry.contestId !== contest._id)
      errors[`entries.${i}.entryId`] = '该项目不属于本赛事';
    else if (!LISTABLE.includes(entry.status))
      errors[`entries.${i}.entryId`] = `「${entry.projectName}」当前状态不能列入名单`;
    seen.add(choice.entryId);
  });
  if (Object.keys(errors).length > 0) throw new AppError(ErrorCode.INVALID_INPUT, '名单中有不能列入的项目', errors);

  const items: ResultItem[] = args.entries.map((choice) => {
    const entry = entries.get(choice.entryId) as EntryDoc;
    return {
      entryId: entry._id,
      projectName: entry.projectName,
      orgName: entry.orgName,
      group: entry.group,
      field: entry.field,
      district: entry.district,
      prize: choice.prize,
    };
  });
  const now = ports.clock.now();
  const at = now.toISOString();
  const lists = ports.db.collection<ResultListDoc>(C.resultLists);
  const list: ResultListDoc = {
    _id: id,
    contestId: contest._id,
    contestName: contest.name,
    kind: args.kind,
    title: args.title || `${contest.name} ${resultKindLabels[args.kind]}`,
    items,
    status: 'publishing',
    publishedAt: at,
    publicityEndsAt:
      args.publicityDays > 0 ? new Date(now.getTime() + args.publicityDays * 86400_000).toISOString() : null,
    publishedBy: args.publishedBy,
    withdrawnReason: null,
  };
  await lists.set(list);
  // The followers' 成绩公布通知 is queued before the list appears: a crash after it appears still tells them.
  await queueResultsReminder(ports, id);
  // The searchable lines, then the list becomes visible: readers never see half a list.
  const lines = ports.db.collection<ResultItemDoc>(C.resultItems);
  await eachLimited(items, 8, async (item) => {
    await lines.set({
      ...item,
      _id: `${id}:${item.entryId}`,
      listId: id,
      listTitle: list.title,
      listStatus: 'published',
      contestId: contest._id,
      contestName: contest.name,
      kind: args.kind,
      publishedAt: at,
    });
  });
  await lists.update(id, { status: 'published' });
  return { ...list, status: 'published' };
}
