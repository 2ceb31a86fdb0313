import { AppError, ErrorCode } from '@core/errors';
import { C, type ResultItemDoc, type ResultListDoc } from '../collections';
import type { UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { resultListView } from './result-views';

export const withdrawResults: UseCase<'admin.result.withdraw'> = async (ctx, input, ports) => {
  const lists = ports.db.collection<ResultListDoc>(C.resultLists);
  const list = await lists.get(input.id);
  if (list === null) throw new AppError(ErrorCode.NOT_FOUND, '名单不存在');
  assertOrganizerOf(ctx.caller.grants, list.contestId);
  if (list.status === 'withdrawn') throw new AppError(ErrorCode.INVALID_STATE, '该名单已撤回');
  await lists.update(list._id, { status: 'withdrawn', withdrawnReason: input.reason });
  await ports.db
    .collection<ResultItemDoc>(C.resultItems)
    .updateWhere({ listId: list._id }, { listStatus: 'withdrawn' });
  return { list: resultListView({ ...list, status: 'withdrawn', withdrawnReason: input.reason }, ports.clock.now()) };
};
