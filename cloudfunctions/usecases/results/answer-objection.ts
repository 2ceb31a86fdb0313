import { AppError, ErrorCode } from '@core/errors';
import { C, type ObjectionDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { objectionView } from './result-views';

export const answerObjection: UseCase<'admin.objection.answer'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const objections = ports.db.collection<ObjectionDoc>(C.objections);
  const doc = await objections.get(input.id);
  if (doc === null) throw new AppError(ErrorCode.NOT_FOUND, '异议不存在');
  assertOrganizerOf(ctx.caller.grants, doc.contestId);
  const answered: ObjectionDoc = {
    ...doc,
    status: 'answered',
    answer: input.answer,
    answeredBy: openid,
    answeredAt: ports.clock.now().toISOString(),
  };
  await objections.set(answered);
  return { objection: objectionView(answered) };
};
