import { C, type ObjectionDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { objectionView } from './result-views';

/** The filer reads their objections and the organizers' answers. */
export const listMyObjections: UseCase<'results.objection.mine'> = async (ctx, _input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const docs = await ports.db
    .collection<ObjectionDoc>(C.objections)
    .find({ filerOpenid: openid }, { orderBy: [['createdAt', 'desc']], limit: 100 });
  return { items: docs.map(objectionView) };
};
