import { AppError, ErrorCode } from '@core/errors';
import { UPLOAD_LIMITS, type FileRef } from '@core/files/uploads';
import { isInPublicity } from '@core/results/types';
import { randomBytes } from 'node:crypto';
import { C, type ObjectionDoc, type ResultListDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { objectionPrefix } from '../files/upload-paths';
import { checkUploadedFile } from '../files/uploaded-file';
import { assertTextsClean } from '../text-check';
import { objectionView } from './result-views';

/** 异议: anyone signed in, during the list's 公示 period, about the list or one project on it. */
export const fileObjection: UseCase<'results.objection.file'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const list = await ports.db.collection<ResultListDoc>(C.resultLists).get(input.listId);
  if (list === null || list.status === 'publishing') throw new AppError(ErrorCode.NOT_FOUND, '名单不存在');
  const now = ports.clock.now();
  if (!isInPublicity(list, now)) throw new AppError(ErrorCode.INVALID_STATE, '该名单不在公示期内，不能提交异议');
  const item = input.entryId ? list.items.find((i) => i.entryId === input.entryId) : undefined;
  if (input.entryId && item === undefined) {
    throw new AppError(ErrorCode.INVALID_INPUT, undefined, { entryId: '该项目不在此名单中' });
  }
  let attachment: FileRef | null = null;
  if (input.attachment) {
    const checked = await checkUploadedFile(ports.files, input.attachment, {
      prefix: objectionPrefix(list._id, openid),
      maxBytes: UPLOAD_LIMITS.objection.maxBytes,
      types: UPLOAD_LIMITS.objection.types,
      messages: {
        missing: '请重新上传附件',
        tooLarge: '异议附件不能超过 10 MB',
        wrongType: '异议附件只接受 PDF 或图片',
      },
    });
    if (typeof checked === 'string') throw new AppError(ErrorCode.INVALID_INPUT, undefined, { attachment: checked });
    attachment = checked;
  }
  await assertTextsClean(ports.contentCheck, openid, { reason: input.reason, contact: input.contact });
  const doc: ObjectionDoc = {
    _id: `o-${randomBytes(10).toString('hex')}`,
    listId: list._id,
    listTitle: list.title,
    contestId: list.contestId,
    contestName: list.contestName,
    entryId: item?.entryId ?? null,
    projectName: item?.projectName ?? null,
    filerOpenid: openid,
    reason: input.reason,
    contact: input.contact,
    attachment,
    status: 'open',
    answer: null,
    answeredBy: null,
    answeredAt: null,
    createdAt: now.toISOString(),
  };
  await ports.db.collection<ObjectionDoc>(C.objections).create(doc);
  return { objection: objectionView(doc) };
};
