import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '@core/errors';
import { BUSINESS_PLAN_MAX_BYTES } from '@core/registration/forms';
import type { UseCase } from '../context';
import { assertRegistrationOpen, entryIdFor, loadContest, uploadPrefix } from '../registration/common';

/**
 * Where the entrant may upload a business plan. Type and size were checked by the schema before any
 * byte moves; the server picks a path under the caller's own entry, so the entry's submit can tell
 * an upload of theirs from anybody else's file.
 */
export const uploadTarget: UseCase<'files.uploadTarget'> = async (ctx, input, ports) => {
  const openid = ctx.caller.openid;
  if (openid === null) throw new AppError(ErrorCode.UNAUTHENTICATED);
  const contest = await loadContest(ports.db, input.contestId);
  const now = ports.clock.now();
  assertRegistrationOpen(contest, now);
  const entryId = entryIdFor(contest._id, openid);
  const path = `${uploadPrefix(entryId)}plan-${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}.pdf`;
  const target = await ports.files.uploadTarget(path, {
    maxBytes: BUSINESS_PLAN_MAX_BYTES,
    contentType: 'application/pdf',
    ttlSeconds: 15 * 60,
  });
  return { target, path, maxBytes: BUSINESS_PLAN_MAX_BYTES };
};
