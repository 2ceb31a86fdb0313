import { AppError, ErrorCode } from '@core/errors';
import { hasRole } from '@core/roles';
import type { UseCase } from '../context';
import { C, type EntryDoc } from '../collections';

const LINK_SECONDS = 10 * 60;

/**
 * Attachments are private: a short-lived link for the entry's own entrant and the contest's
 * organizers (judges assigned to the entry will join them); anyone else gets FORBIDDEN, and so does a
 * guess at an entry that doesn't exist, so ids can't be probed.
 */
export const attachmentUrl: UseCase<'files.url'> = async (ctx, input, ports) => {
  const openid = ctx.caller.openid;
  if (openid === null) throw new AppError(ErrorCode.UNAUTHENTICATED);
  const entry = await ports.db.collection<EntryDoc>(C.entries).get(input.entryId);
  const allowed =
    entry !== null && (entry.ownerOpenid === openid || hasRole(ctx.caller.grants, 'organizer', entry.contestId));
  if (!allowed) throw new AppError(ErrorCode.FORBIDDEN, '没有权限查看该附件');
  const plan = entry.form.businessPlan;
  if (plan === undefined) throw new AppError(ErrorCode.NOT_FOUND, '该报名尚未上传商业计划书');
  const url = await ports.files.temporaryUrl(plan.fileId, LINK_SECONDS);
  return { url, expiresAt: new Date(ports.clock.now().getTime() + LINK_SECONDS * 1000).toISOString() };
};
