import { AppError, ErrorCode } from '@core/errors';
import { C, type InstitutionDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertTextsClean } from '../text-check';
import { institutionIdFor } from './institution-id';
import { institutionView } from './institution-view';

/**
 * A fund, bank, incubator or service platform applies; organizers approve. One application per
 * account; a pending or rejected one may be corrected and sent again, an approved one is settled.
 */
export const registerInstitution: UseCase<'institution.register'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  await assertTextsClean(ports.contentCheck, openid, { name: input.name, contactName: input.contactName });
  const id = institutionIdFor(openid);
  const at = ports.clock.now().toISOString();
  const doc = await ports.db.transaction(async (tx) => {
    const current = await tx.get<InstitutionDoc>(C.institutions, id);
    if (current?.status === 'approved') {
      throw new AppError(ErrorCode.INVALID_STATE, '机构已通过审核，如需修改信息请联系组委会');
    }
    const next: InstitutionDoc = {
      _id: id,
      ownerOpenid: openid,
      ...input,
      status: 'pending',
      statusReason: null,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
    };
    await tx.set<InstitutionDoc>(C.institutions, next);
    return next;
  });
  return { institution: institutionView(doc) };
};
