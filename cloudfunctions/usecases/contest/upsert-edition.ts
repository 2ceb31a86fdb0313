import { randomBytes } from 'node:crypto';
import type { UseCase } from '../context';
import { C, type EditionDoc } from '../collections';

/** 届次: only the whole-contest organizers (global grant, `globalOnly`) manage editions. */
export const upsertEdition: UseCase<'admin.edition.upsert'> = async (_ctx, input, ports) => {
  const id = input.id ?? `edition-${input.year}-${randomBytes(3).toString('hex')}`;
  await ports.db.collection<EditionDoc>(C.editions).set({ _id: id, name: input.name, year: input.year });
  return { id };
};
