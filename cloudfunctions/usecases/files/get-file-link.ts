import { AppError, ErrorCode } from '@core/errors';
import { C, type EntryDoc, type ObjectionDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { entryFilesAccess, signedLink } from './file-links';

const LINK_SECONDS = 10 * 60;

/**
 * A private file's ten-minute link, for whoever the file's folder admits (file-links.ts). A guess at a
 * record that doesn't exist is FORBIDDEN like one the caller may not see, so ids can't be probed.
 */
export const getFileLink: UseCase<'files.link.get'> = async (ctx, input, ports) => {
  requireOpenid(ctx.caller.openid);
  const expiresAt = () => new Date(ports.clock.now().getTime() + LINK_SECONDS * 1000).toISOString();
  if (input.attachment === 'businessPlan') {
    const entry = await ports.db.collection<EntryDoc>(C.entries).get(input.entryId);
    // Only someone who may see the plan learns whether there is one.
    const access = entry === null ? null : await entryFilesAccess(ports, ctx.caller, entry);
    if (entry === null || access === null || !access.ok) throw new AppError(ErrorCode.FORBIDDEN, '没有权限查看该附件');
    const plan = entry.form.businessPlan;
    if (plan === undefined) throw new AppError(ErrorCode.NOT_FOUND, '该报名尚未上传商业计划书');
    const url = await signedLink(ports, ctx.caller, plan.fileId, LINK_SECONDS, { grant: access.grant });
    return { url, expiresAt: expiresAt() };
  }
  const objection = await ports.db.collection<ObjectionDoc>(C.objections).get(input.objectionId);
  if (objection === null || objection.attachment === null) {
    throw new AppError(ErrorCode.FORBIDDEN, '没有权限查看该附件');
  }
  const url = await signedLink(ports, ctx.caller, objection.attachment.fileId, LINK_SECONDS);
  return { url, expiresAt: expiresAt() };
};
