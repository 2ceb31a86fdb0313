import { similarity } from '@core/registration/similarity';
import type { JobHandler } from './run-due-jobs';
import { C, type EntryDoc } from '../usecases/collections';

/** The "near-duplicate": character-shingle similarity of 0.8 or more. */
const SIMILARITY_THRESHOLD = 0.8;

/**
 * Plagiarism hint for one submitted entry: the most similar other summary of the same edition. A hint
 * for a person, never a block; both entries point at each other when the match beats what they had.
 */
export const scanSimilarity: JobHandler = async (payload, ports) => {
  const entryId = typeof payload.entryId === 'string' ? payload.entryId : null;
  if (entryId === null) throw new Error('entries.similarity needs an entryId');
  const entries = ports.db.collection<EntryDoc>(C.entries);
  const entry = await entries.get(entryId);
  if (entry === null || entry.status === 'draft' || entry.status === 'withdrawn') return { skipped: true };

  const others = await entries.find({
    editionId: entry.editionId,
    status: { $nin: ['draft', 'withdrawn'] },
    _id: { $ne: entry._id },
  });
  let best: { other: EntryDoc; score: number } | null = null;
  for (const other of others) {
    const score = similarity(entry.form.summary ?? '', other.form.summary ?? '');
    if (score >= SIMILARITY_THRESHOLD && (best === null || score > best.score)) best = { other, score };
  }
  const rounded = (n: number) => Math.round(n * 1000) / 1000;
  // The entry's hint follows its current text: cleared when an edit removed the likeness.
  await entries.update(entry._id, {
    similar: best ? { entryId: best.other._id, projectName: best.other.projectName, score: rounded(best.score) } : null,
  });
  if (best && (best.other.similar === null || best.other.similar.score < best.score)) {
    await entries.update(best.other._id, {
      similar: { entryId: entry._id, projectName: entry.projectName, score: rounded(best.score) },
    });
  }
  return { compared: others.length, match: best ? best.other._id : null };
};
