/**
 * One article in a list (新闻, 首页 latest): cover thumbnail when there is one, title, 置顶 badge,
 * category and Shanghai date. Tapping opens the article.
 */
import { Image, Text, View } from '@tarojs/components';
import type { ArticleSummary } from '@core/news/views';
import { articleCategoryLabels } from '@core/news/types';
import { formatShanghai } from '@core/time/shanghai';
import './index.scss';

export interface ArticleRowProps {
  article: ArticleSummary;
  className?: string;
  /** Show the 置顶 badge (新闻 sorts pinned first; on 首页 they are the banners already). */
  showPinned?: boolean;
  onClick: () => void;
}

export function ArticleRow({ article, className, showPinned = true, onClick }: ArticleRowProps) {
  const pinned = showPinned && article.pinned;
  return (
    <View
      className={`article-row${pinned ? ' article-row--pinned' : ''}${className ? ` ${className}` : ''}`}
      data-id={article.id}
      hoverClass="article-row--active"
      onClick={onClick}
    >
      <View className="article-row__text">
        <View className="article-row-title">
          {pinned ? <Text className="article-row-pinned">置顶</Text> : null}
          {article.title}
        </View>
        <View className="article-row__meta">
          <Text className="article-row-category">{articleCategoryLabels[article.category]}</Text>
          <Text className="article-row-date">{formatShanghai(article.publishAt, 'YYYY-MM-DD')}</Text>
        </View>
      </View>
      {article.coverUrl ? (
        <Image className="article-row-cover" src={article.coverUrl} mode="aspectFill" lazyLoad />
      ) : null}
    </View>
  );
}

export default ArticleRow;
