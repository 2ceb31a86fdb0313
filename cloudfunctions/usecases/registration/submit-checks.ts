import { AppError, ErrorCode } from '@core/errors';
import { entryFolder } from '@core/files/access';
import { BUSINESS_PLAN_MAX_BYTES, type BusinessPlan } from '@core/registration/forms';
import { type Db, type Files } from '../../ports';
import { type EntryKeyDoc } from '../collections';
import { checkUploadedFile } from '../files/uploaded-file';
import { queueJob } from '../queue-job';

/**
 * The business plan must be the caller's own upload under their entry's folder, within 20 MB and
 * really a PDF; a file already on the entry was checked when it was first submitted.
 */
export async function checkBusinessPlan(
  files: Files,
  entryId: string,
  plan: BusinessPlan,
  alreadyAccepted: string | undefined,
): Promise<BusinessPlan | string> {
  return checkUploadedFile(
    files,
    plan,
    {
      prefix: entryFolder(entryId),
      maxBytes: BUSINESS_PLAN_MAX_BYTES,
      types: ['application/pdf'],
      messages: {
        missing: '请重新上传商业计划书',
        tooLarge: '商业计划书不能超过 20 MB',
        wrongType: '商业计划书只接受 PDF 文件',
      },
    },
    alreadyAccepted ? [alreadyAccepted] : [],
  );
}

export function duplicateOf(held: EntryKeyDoc): AppError {
  return new AppError(
    ErrorCode.DUPLICATE_ENTRY,
    `该企业或创客已报名本届大赛的「${held.contestName}」，同一届只能报名一项赛事`,
    {
      contestId: held.contestId,
      contestName: held.contestName,
    },
  );
}

/** The plagiarism hint is worked out by cron, off the entrant's request. */
export async function queueSimilarityScan(db: Db, entryId: string, at: string): Promise<void> {
  await queueJob(db, {
    id: `similarity:${entryId}:${at}`,
    kind: 'entries.similarity',
    payload: { entryId },
    runAt: at,
  });
}
