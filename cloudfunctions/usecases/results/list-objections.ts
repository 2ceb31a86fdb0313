import { C, type ObjectionDoc } from '../collections';
import type { UseCase } from '../context';
import { contestScopeFilter } from '../scope';
import { objectionView } from './result-views';

export const listObjections: UseCase<'admin.objection.list'> = async (ctx, input, ports) => {
  const docs = await ports.db
    .collection<ObjectionDoc>(C.objections)
    .find(
      { $and: [contestScopeFilter(ctx.caller.grants, undefined), input.status ? { status: input.status } : {}] },
      { orderBy: [['createdAt', 'desc']], limit: 500 },
    );
  return { items: docs.map(objectionView) };
};
