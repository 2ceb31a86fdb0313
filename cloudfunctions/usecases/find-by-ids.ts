import type { Db, Doc } from '../ports';

/** The documents with these ids, in one query (none when there are no ids), keyed by id. */
export async function findByIds<T extends Doc>(
  db: Db,
  collection: string,
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const docs = await db.collection<T>(collection).find({ _id: { $in: unique } }, { limit: unique.length });
  return new Map(docs.map((doc) => [doc._id, doc]));
}
