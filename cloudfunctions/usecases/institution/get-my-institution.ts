import { C, type InstitutionDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { institutionIdFor } from './institution-id';
import { institutionView } from './institution-view';

export const getMyInstitution: UseCase<'institution.mine'> = async (ctx, _input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const doc = await ports.db.collection<InstitutionDoc>(C.institutions).get(institutionIdFor(openid));
  return { institution: doc ? institutionView(doc) : null };
};
