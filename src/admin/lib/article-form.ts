import type { ActionInput } from '@core/actions';
import type { AdminArticle } from '@core/news/views';
import type { FileRef } from '@core/files/uploads';
import type { ArticleCategory } from '@core/news/types';
import type { FieldErrors } from '@core/errors';
import { inShanghai } from '@core/time/shanghai';
import { bodyToHtml } from './article-html';

/**
 * The article editor's form as typed and its translation to `admin.article.upsert`; plain functions, so
 * the Beijing-time rule of the publish time and the row labels of 新闻管理 are tested without a page.
 */

export interface ArticleDraft {
  title: string;
  category: ArticleCategory | '';
  contestId: string | null;
  cover: FileRef | null;
  /** The body as typed: simple HTML, plain lines become paragraphs (see bodyToHtml). */
  body: string;
  attachments: FileRef[];
  pinned: boolean;
  /** Shanghai wall clock: YYYY-MM-DD and HH:mm. */
  publishOn: string;
  publishTime: string;
}

export type ArticleUpsert = ActionInput<'admin.article.upsert'>;

/** A new article: to be published at the current minute (server time), i.e. at once. */
export function emptyArticle(nowIso: string): ArticleDraft {
  const now = inShanghai(nowIso);
  return {
    title: '',
    category: '',
    contestId: null,
    cover: null,
    body: '',
    attachments: [],
    pinned: false,
    publishOn: now.format('YYYY-MM-DD'),
    publishTime: now.format('HH:mm'),
  };
}

export function draftFromArticle(article: AdminArticle): ArticleDraft {
  const at = inShanghai(article.publishAt);
  return {
    title: article.title,
    category: article.category,
    contestId: article.contestId,
    cover: article.cover,
    body: article.bodyHtml,
    attachments: [...article.attachments],
    pinned: article.pinned,
    publishOn: at.format('YYYY-MM-DD'),
    publishTime: at.format('HH:mm'),
  };
}

/** Organizers type Beijing time; the offset goes on the wire so no device's time zone can shift it. */
export function publishAtOf(day: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return '';
  return `${day}T${time}:00+08:00`;
}

/** What this draft asks for, or the problems the server would name first, keyed like its details. */
export function toArticleInput(
  draft: ArticleDraft,
  status: 'draft' | 'published',
  id: string | null,
): { ok: true; input: ArticleUpsert } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (draft.category === '') errors.category = '请选择栏目';
  const publishAt = publishAtOf(draft.publishOn, draft.publishTime);
  if (publishAt === '') errors.publishAt = '请选择发布日期和时间';
  if (draft.category === '' || publishAt === '') return { ok: false, errors };
  const input: ArticleUpsert = {
    title: draft.title,
    category: draft.category,
    contestId: draft.contestId,
    cover: draft.cover,
    bodyHtml: bodyToHtml(draft.body),
    attachments: draft.attachments,
    pinned: draft.pinned,
    publishAt,
    status,
  };
  if (id !== null) input.id = id;
  return { ok: true, input };
}

export type ArticleState = 'draft' | 'published' | 'scheduled' | 'unpublished';

/** 草稿 / 已发布 / 定时发布（时间）/ 已下线: a published article readers can't see yet is scheduled. */
export function articleState(article: Pick<AdminArticle, 'status' | 'visible' | 'publishAt'>): {
  state: ArticleState;
  label: string;
} {
  if (article.status === 'draft') return { state: 'draft', label: '草稿' };
  if (article.status === 'unpublished') return { state: 'unpublished', label: '已下线' };
  if (article.visible) return { state: 'published', label: '已发布' };
  return { state: 'scheduled', label: `定时发布（${inShanghai(article.publishAt).format('M月D日 HH:mm')}）` };
}

/** Field errors of the server (or of callCloud's own check) as the form shows them. */
export function articleErrors(details: Record<string, unknown> | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(details ?? {})) {
    if (typeof message !== 'string') continue;
    // cover.fileId → cover; attachments.2.name → attachments.2: the message belongs beside the file.
    const key = /^(attachments\.\d+)/.exec(path)?.[1] ?? path.split('.')[0] ?? path;
    out[key] ??= message;
  }
  return out;
}
