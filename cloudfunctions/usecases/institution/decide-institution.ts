import { AppError, ErrorCode } from '@core/errors';
import { writeAuditTx } from '../audit';
import { C, roleGrantId, type InstitutionDoc, type RoleGrantDoc, type UserDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { institutionView } from './institution-view';

/** Approval grants the institution role to the applicant's account, in the same transaction as the audit. */
export const decideInstitution: UseCase<'admin.institution.decide'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const actor = await ports.db.collection<UserDoc>(C.users).get(openid);
  const at = ports.clock.now().toISOString();
  const reason = input.reason === undefined || input.reason === '' ? null : input.reason;
  const doc = await ports.db.transaction(async (tx) => {
    const current = await tx.get<InstitutionDoc>(C.institutions, input.id);
    if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '服务机构不存在');
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    const next: InstitutionDoc = { ...current, status, statusReason: reason, updatedAt: at };
    await tx.set<InstitutionDoc>(C.institutions, next);
    const grantId = roleGrantId(current.ownerOpenid, 'institution', null);
    if (status === 'approved') {
      await tx.set<RoleGrantDoc>(C.roles, {
        _id: grantId,
        openid: current.ownerOpenid,
        role: 'institution',
        contestId: null,
        createdAt: at,
      });
    } else {
      await tx.remove(C.roles, grantId);
    }
    await writeAuditTx(tx, {
      contestId: null,
      actorOpenid: openid,
      actorName: actor?.name ?? '组委会',
      action: status === 'approved' ? 'institution_approve' : 'institution_reject',
      before: current.status,
      after: status,
      reason,
      at,
    });
    return next;
  });
  return { institution: institutionView(doc) };
};
