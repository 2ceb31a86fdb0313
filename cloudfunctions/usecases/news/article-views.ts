import { storedSources } from '@core/files/access';
import { isArticleVisible } from '@core/news/types';
import type { AdminArticle, ArticleDetail, ArticleSummary } from '@core/news/views';
import type { Files, Filter } from '../../ports';
import type { ArticleDoc } from '../collections';
import { publicLink, resolvePublicLinks } from '../files/file-links';

/** Public images are served through day-long links; clients cache pages for less than that. */
const PUBLIC_LINK_SECONDS = 24 * 3600;

/** What readers may see: published, and its time has come (scheduled articles stay hidden until then). */
export function visibleFilter(now: Date): Filter {
  return { status: 'published', publishAt: { $lte: now.toISOString() } };
}

export async function articleSummary(files: Files, doc: ArticleDoc): Promise<ArticleSummary> {
  return {
    id: doc._id,
    title: doc.title,
    category: doc.category,
    contestId: doc.contestId,
    coverUrl: doc.cover ? (await publicLink(files, doc.cover.fileId, PUBLIC_LINK_SECONDS)) || null : null,
    pinned: doc.pinned,
    publishAt: doc.publishAt,
    author: doc.authorName,
    views: doc.views,
    excerpt: doc.text.slice(0, 80),
  };
}

export async function articleDetail(files: Files, doc: ArticleDoc): Promise<ArticleDetail> {
  const [summary, bodyHtml, attachments] = await Promise.all([
    articleSummary(files, doc),
    resolvePublicLinks(files, doc.bodyHtml, PUBLIC_LINK_SECONDS),
    Promise.all(
      doc.attachments.map(async (a) => ({
        name: a.name,
        size: a.size,
        url: await publicLink(files, a.fileId, PUBLIC_LINK_SECONDS),
      })),
    ),
  ]);
  return { ...summary, bodyHtml, attachments };
}

export async function adminArticle(files: Files, doc: ArticleDoc, now: Date): Promise<AdminArticle> {
  const ids = [...storedSources(doc.bodyHtml), ...doc.attachments.map((a) => a.fileId)];
  const fileLinks = Object.fromEntries(
    await Promise.all(
      [...new Set(ids)].map(async (id) => [id, await publicLink(files, id, PUBLIC_LINK_SECONDS)] as const),
    ),
  );
  return {
    id: doc._id,
    title: doc.title,
    category: doc.category,
    contestId: doc.contestId,
    cover: doc.cover,
    coverUrl: doc.cover ? (await publicLink(files, doc.cover.fileId, PUBLIC_LINK_SECONDS)) || null : null,
    bodyHtml: doc.bodyHtml,
    attachments: doc.attachments,
    fileLinks,
    pinned: doc.pinned,
    publishAt: doc.publishAt,
    status: doc.status,
    visible: isArticleVisible(doc, now),
    views: doc.views,
    author: doc.authorName,
    updatedAt: doc.updatedAt,
  };
}
