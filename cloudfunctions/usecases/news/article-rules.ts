import { AppError, ErrorCode } from '@core/errors';
import { NEWS_FOLDER, classifyFileId, storedSources } from '@core/files/access';
import { UPLOAD_LIMITS } from '@core/files/uploads';
import { hasRole, holdsGlobally, type RoleGrant } from '@core/roles';
import type { Filter } from '../../ports';
import { checkUploadedFile } from '../files/uploaded-file';

/**
 * The 组委会 writes and reads every article; an organizer of one contest only the articles of that contest
 * (drafts included). Articles of no contest belong to the 组委会.
 */
export function mayManage(grants: readonly RoleGrant[], contestId: string | null): boolean {
  return holdsGlobally(grants, 'organizer') || (contestId !== null && hasRole(grants, 'organizer', contestId));
}

export function assertMayWrite(grants: readonly RoleGrant[], contestId: string | null): void {
  if (!mayManage(grants, contestId)) throw new AppError(ErrorCode.FORBIDDEN, '只能管理本赛事的文章');
}

/** The articles a caller manages, as a filter. */
export function manageableFilter(grants: readonly RoleGrant[]): Filter {
  if (holdsGlobally(grants, 'organizer')) return {};
  return {
    contestId: { $in: grants.flatMap((g) => (g.role === 'organizer' && g.contestId !== null ? [g.contestId] : [])) },
  };
}

export const imageRule = {
  prefix: NEWS_FOLDER,
  maxBytes: UPLOAD_LIMITS.newsImage.maxBytes,
  types: UPLOAD_LIMITS.newsImage.types,
  messages: { missing: '请重新上传图片', tooLarge: '图片不能超过 5 MB', wrongType: '图片只接受 PNG 或 JPEG' },
};
export const attachmentRule = {
  prefix: NEWS_FOLDER,
  maxBytes: UPLOAD_LIMITS.newsAttachment.maxBytes,
  types: UPLOAD_LIMITS.newsAttachment.types,
  messages: {
    missing: '请重新上传附件',
    tooLarge: '附件不能超过 20 MB',
    wrongType: '附件只接受 PDF、Excel（xlsx）或 Word（docx）',
  },
};

/**
 * Images in the body are readers' to load, so they may only be article images (news/): a stored id of a
 * business plan, an objection's evidence or an export is refused with the reason, never published. Each
 * new one passes the same checks as a cover (this caller's upload folder, PNG / JPEG bytes, 5 MB), and
 * its id is rebuilt from the path, so the body keeps this environment's ids only.
 */
export async function checkBodyImages(
  files: Parameters<typeof checkUploadedFile>[0],
  html: string,
  accepted: readonly string[],
): Promise<string | { problem: string }> {
  let out = html;
  for (const source of storedSources(html)) {
    if (classifyFileId(source)?.kind !== 'newsMedia') {
      return { problem: '正文图片只能使用在编辑器里上传的新闻图片，不能引用报名材料、异议附件或导出文件' };
    }
    const checked = await checkUploadedFile(files, { fileId: source, name: 'image', size: 1 }, imageRule, accepted);
    if (typeof checked === 'string') return { problem: `正文图片：${checked}` };
    if (checked.fileId !== source) out = out.split(`src="${source}"`).join(`src="${checked.fileId}"`);
  }
  return out;
}
