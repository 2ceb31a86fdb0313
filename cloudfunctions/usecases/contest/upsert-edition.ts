import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '@core/errors';
import { holdsGlobally } from '@core/roles';
import type { UseCase } from '../context';
import { C, type EditionDoc } from '../collections';

/** 届次: only the whole-contest organizers (global grant) manage editions. */
export const upsertEdition: UseCase<'admin.edition.upsert'> = async (ctx, input, ports) => {
  if (!holdsGlobally(ctx.caller.grants, 'organizer')) {
    throw new AppError(ErrorCode.FORBIDDEN, '只有大赛组委会可以管理届次');
  }
  const id = input.id ?? `edition-${input.year}-${randomBytes(3).toString('hex')}`;
  await ports.db.collection<EditionDoc>(C.editions).set({ _id: id, name: input.name, year: input.year });
  return { id };
};
