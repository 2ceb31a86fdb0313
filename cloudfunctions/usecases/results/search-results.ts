import { C, type ResultItemDoc } from '../collections';
import type { UseCase } from '../context';

/** Find a project or company on any published list. */
export const searchResults: UseCase<'results.search'> = async (_ctx, input, ports) => {
  const docs = await ports.db.collection<ResultItemDoc>(C.resultItems).find(
    {
      listStatus: 'published',
      $or: [{ projectName: { $contains: input.q } }, { orgName: { $contains: input.q } }],
    },
    { orderBy: [['publishedAt', 'desc']], limit: 50 },
  );
  return {
    items: docs.map((d) => ({
      entryId: d.entryId,
      projectName: d.projectName,
      orgName: d.orgName,
      group: d.group,
      field: d.field,
      district: d.district,
      prize: d.prize,
      listId: d.listId,
      listTitle: d.listTitle,
      contestName: d.contestName,
      kind: d.kind,
    })),
  };
};
