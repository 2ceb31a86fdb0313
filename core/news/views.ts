import type { FileRef } from '../files/uploads';
import type { ArticleCategory } from './types';

export interface ArticleSummary {
  id: string;
  title: string;
  category: ArticleCategory;
  contestId: string | null;
  coverUrl: string | null;
  pinned: boolean;
  publishAt: string;
  author: string;
  views: number;
  excerpt: string;
}

export interface ArticleDetail extends ArticleSummary {
  /** Sanitized on save; stored file ids in img src already turned into links. */
  bodyHtml: string;
  attachments: Array<{ name: string; size: number; url: string }>;
}

/** The organizers' view of an article, drafts and scheduled ones included. */
export interface AdminArticle {
  id: string;
  title: string;
  category: ArticleCategory;
  contestId: string | null;
  cover: FileRef | null;
  coverUrl: string | null;
  bodyHtml: string;
  attachments: FileRef[];
  /** Links to the stored images in the body and to the attachments, by fileId, for the editor. */
  fileLinks: Record<string, string>;
  pinned: boolean;
  publishAt: string;
  status: 'draft' | 'published' | 'unpublished';
  /** Published and its time has come. */
  visible: boolean;
  views: number;
  author: string;
  updatedAt: string;
}
