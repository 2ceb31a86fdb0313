export const ARTICLE_CATEGORIES = ['notice', 'news', 'policy', 'media'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];
export const articleCategoryLabels: Record<ArticleCategory, string> = {
  notice: '通知公告',
  news: '赛事动态',
  policy: '政策解读',
  media: '媒体报道',
};

/** Visible to readers: published, and its publish time has come (scheduled publishing). */
export function isArticleVisible(article: { status: string; publishAt: string }, now: Date): boolean {
  return article.status === 'published' && Date.parse(article.publishAt) <= now.getTime();
}
