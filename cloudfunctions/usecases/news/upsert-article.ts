import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import { storedSources } from '@core/files/access';
import { type FileRef } from '@core/files/uploads';
import { articleText, sanitizeArticleHtml } from '@core/news/sanitize';
import { createHash, randomBytes } from 'node:crypto';
import { C, type ArticleDoc, type UserDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { checkUploadedFile } from '../files/uploaded-file';
import { assertTextsClean } from '../text-check';
import { assertMayWrite, attachmentRule, checkBodyImages, imageRule } from './article-rules';
import { adminArticle } from './article-views';

/**
 * Creates or edits an article. The body is sanitized here, on save, so nothing a browser would run
 * reaches a reader whatever the editor sent; a future publish time schedules it.
 */
export const upsertArticle: UseCase<'admin.article.upsert'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
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
