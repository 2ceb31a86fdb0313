import { C, type ContestDoc, type JudgeDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { findByIds } from '../find-by-ids';
import { judgeView } from './judge-views';

export const getJudgeProfile: UseCase<'judge.profile.get'> = async (ctx, _input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const docs = await ports.db.collection<JudgeDoc>(C.judges).find({ openid }, { limit: 200 });
  const contests = await findByIds<ContestDoc>(
    ports.db,
    C.contests,
    docs.map((d) => d.contestId),
  );
  return {
    items: docs.map((doc) => ({
      ...judgeView(doc),
      contestId: doc.contestId,
      contestName: contests.get(doc.contestId)?.name ?? '',
      contestFields: contests.get(doc.contestId)?.fields ?? [],
    })),
  };
};
