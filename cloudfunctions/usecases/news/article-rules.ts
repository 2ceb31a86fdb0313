import { createHash, randomBytes } from 'node:crypto';
import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import { UPLOAD_LIMITS, type FileRef } from '@core/files/uploads';
import { articleText, sanitizeArticleHtml } from '@core/news/sanitize';
import { hasRole, holdsGlobally, type RoleGrant } from '@core/roles';
import type { Filter } from '../../ports';
import type { UseCase } from '../context';
import { C, type ArticleDoc, type UserDoc } from '../collections';
import { checkUploadedFile } from '../files/uploaded-file';
import { NEWS_FOLDER, classifyFileId, storedSources } from '@core/files/access';
import { assertTextsClean } from '../registration/common';
import { adminArticle } from './article-views';

/**
 * The 组委会 writes and reads every article; an organizer of one contest only the articles of that contest
 * (drafts included). Articles of no contest belong to the 组委会.
 */
function mayManage(grants: readonly RoleGrant[], contestId: string | null): boolean {
  return holdsGlobally(grants, 'organizer') || (contestId !== null && hasRole(grants, 'organizer', contestId));
}

function assertMayWrite(grants: readonly RoleGrant[], contestId: string | null): void {
  if (!mayManage(grants, contestId)) throw new AppError(ErrorCode.FORBIDDEN, '只能管理本赛事的文章');
}

/** The articles a caller manages, as a filter. */
function manageableFilter(grants: readonly RoleGrant[]): Filter {
  if (holdsGlobally(grants, 'organizer')) return {};
  return {
    contestId: { $in: grants.flatMap((g) => (g.role === 'organizer' && g.contestId !== null ? [g.contestId] : [])) },
  };
}

const imageRule = {
  prefix: NEWS_FOLDER,
  maxBytes: UPLOAD_LIMITS.newsImage.maxBytes,
  types: UPLOAD_LIMITS.newsImage.types,
  messages: { missing: '请重新上传图片', tooLarge: '图片不能超过 5 MB', wrongType: '图片只接受 PNG 或 JPEG' },
};
const attachmentRule = {
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
async function checkBodyImages(
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

/**
 * Creates or edits an article. The body is sanitized here, on save, so nothing a browser would run
 * reaches a reader whatever the editor sent; a future publish time schedules it.
 */
export const upsertNews: UseCase<'admin.news.upsert'> = async (ctx, input, ports) => {
  const openid = ctx.caller.openid;
  if (openid === null) throw new AppError(ErrorCode.UNAUTHENTICATED);
  assertMayWrite(ctx.caller.grants, input.contestId);
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const current = input.id ? await articles.get(input.id) : null;
  if (input.id && current === null) throw new AppError(ErrorCode.NOT_FOUND, '文章不存在');
  if (current !== null) assertMayWrite(ctx.caller.grants, current.contestId);

  const sanitized = sanitizeArticleHtml(input.bodyHtml);
  const errors: FieldErrors = {};
  const accepted = [
    current?.cover?.fileId,
    ...(current?.attachments ?? []).map((a) => a.fileId),
    ...storedSources(current?.bodyHtml ?? ''),
  ].filter((id): id is string => typeof id === 'string');
  const body = await checkBodyImages(ports.files, sanitized, accepted);
  if (typeof body !== 'string') errors.bodyHtml = body.problem;
  const bodyHtml = typeof body === 'string' ? body : sanitized;
  const text = articleText(bodyHtml);
  if (errors.bodyHtml === undefined && text === '' && !/<img /.test(bodyHtml)) errors.bodyHtml = '正文不能为空';
  let cover: FileRef | null = null;
  if (input.cover) {
    const checked = await checkUploadedFile(ports.files, input.cover, imageRule, accepted);
    if (typeof checked === 'string') errors.cover = checked;
    else cover = checked;
  }
  const attachments: FileRef[] = [];
  for (const [i, ref] of input.attachments.entries()) {
    const checked = await checkUploadedFile(ports.files, ref, attachmentRule, accepted);
    if (typeof checked === 'string') errors[`attachments.${i}`] = checked;
    else attachments.push(checked);
  }
  if (Object.keys(errors).length > 0) throw new AppError(ErrorCode.INVALID_INPUT, undefined, errors);
  await assertTextsClean(ports.contentCheck, openid, { title: input.title, bodyHtml: text.slice(0, 2500) });

  const now = ports.clock.now();
  const at = now.toISOString();
  const author = await ports.db.collection<UserDoc>(C.users).get(openid);
  const id =
    current?._id ??
    (ctx.requestId
      ? `a-${createHash('sha256').update(`${openid}:${ctx.requestId}`).digest('hex').slice(0, 20)}`
      : `a-${randomBytes(10).toString('hex')}`);
  const doc: ArticleDoc = {
    _id: id,
    title: input.title,
    category: input.category,
    contestId: input.contestId,
    cover,
    bodyHtml,
    text,
    attachments,
    pinned: input.pinned,
    publishAt: new Date(input.publishAt).toISOString(),
    status: input.status,
    authorOpenid: current?.authorOpenid ?? openid,
    authorName: current?.authorName ?? author?.name ?? '组委会',
    views: current?.views ?? 0,
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
  };
  if (current === null) await articles.set(doc);
  else {
    // Everything but the view count, which readers may be incrementing at this very moment.
    const { _id, views: _views, ...fields } = doc;
    await articles.update(_id, fields);
  }
  return { article: await adminArticle(ports.files, doc, now) };
};

export const removeNews: UseCase<'admin.news.remove'> = async (ctx, input, ports) => {
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const doc = await articles.get(input.id);
  if (doc === null) throw new AppError(ErrorCode.NOT_FOUND, '文章不存在');
  assertMayWrite(ctx.caller.grants, doc.contestId);
  if (input.mode === 'delete') {
    await articles.remove(doc._id);
    return { id: doc._id, removed: 'deleted' };
  }
  await articles.update(doc._id, { status: 'unpublished', updatedAt: ports.clock.now().toISOString() });
  return { id: doc._id, removed: 'unpublished' };
};

export const listNewsAdmin: UseCase<'admin.news.list'> = async (ctx, input, ports) => {
  const filter: Filter = { $and: [manageableFilter(ctx.caller.grants), input.status ? { status: input.status } : {}] };
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const [docs, total] = await Promise.all([
    articles.find(filter, {
      orderBy: [['updatedAt', 'desc']],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    articles.count(filter),
  ]);
  const now = ports.clock.now();
  return {
    items: await Promise.all(docs.map((d) => adminArticle(ports.files, d, now))),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};

export const getNewsAdmin: UseCase<'admin.news.get'> = async (ctx, input, ports) => {
  const doc = await ports.db.collection<ArticleDoc>(C.articles).get(input.id);
  // Another contest's draft is as absent as a missing one.
  if (doc === null || !mayManage(ctx.caller.grants, doc.contestId))
    throw new AppError(ErrorCode.NOT_FOUND, '文章不存在');
  return { article: await adminArticle(ports.files, doc, ports.clock.now()) };
};
