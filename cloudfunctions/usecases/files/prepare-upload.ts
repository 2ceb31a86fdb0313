import { AppError, ErrorCode } from '@core/errors';
import { NEWS_FOLDER, entryFolder } from '@core/files/access';
import { UPLOAD_LIMITS } from '@core/files/uploads';
import { isInPublicity } from '@core/results/types';
import { hasRole } from '@core/roles';
import { randomBytes } from 'node:crypto';
import { C, type ResultListDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertRegistrationOpen, entryIdFor, loadContest } from '../registration/common';
import { EXTENSIONS, objectionPrefix } from './upload-paths';

/**
 * Where to upload a file. Type and size were checked by the schema before any byte moves; the server
 * picks the folder (the caller's entry, the caller's objection folder, or news for organizers), so the
 * form that refers to the file later can tell an upload of theirs from anybody else's file.
 */
export const prepareUpload: UseCase<'files.upload.prepare'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const now = ports.clock.now();
  const name = `${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}.${EXTENSIONS[input.contentType] ?? 'bin'}`;

  let path: string;
  switch (input.purpose) {
    case 'businessPlan': {
      const contest = await loadContest(ports.db, input.contestId);
      assertRegistrationOpen(contest, now);
      path = `${entryFolder(entryIdFor(contest._id, openid))}plan-${name}`;
      break;
    }
    case 'objection': {
      const list = await ports.db.collection<ResultListDoc>(C.resultLists).get(input.listId);
      if (list === null || !isInPublicity(list, now)) {
        throw new AppError(ErrorCode.INVALID_STATE, '该名单不在公示期内，不能提交异议');
      }
      path = `${objectionPrefix(list._id, openid)}${name}`;
      break;
    }
    case 'newsImage':
    case 'newsAttachment':
      if (!hasRole(ctx.caller.grants, 'organizer')) throw new AppError(ErrorCode.FORBIDDEN);
      path = `${NEWS_FOLDER}${input.purpose === 'newsImage' ? 'img' : 'att'}-${name}`;
      break;
  }
  const limit = UPLOAD_LIMITS[input.purpose];
  const target = await ports.files.uploadTarget(path, {
    maxBytes: limit.maxBytes,
    contentType: input.contentType,
    ttlSeconds: 15 * 60,
  });
  return { target, path, maxBytes: limit.maxBytes };
};
