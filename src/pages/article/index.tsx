/**
 * 文章 (`/pages/article/index?id=`): title, category, Shanghai time, author, views, cover, the body
 * (sanitized HTML from the server, drawn by RichText: WeChat's rich-text, innerHTML on H5), and the
 * attachments (H5: a PDF opens in a tab, others download; WeChat: the document viewer). Shared to chats
 * and the timeline with its title and cover; it is a main-package page, so a shared card opens it
 * directly, cold start included. An unpublished, scheduled or removed article is PageShell's error.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, RichText, Text, View } from '@tarojs/components';
import type { ArticleDetail } from '@core/news/views';
import { articleCategoryLabels } from '@core/news/types';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, openToAll, shellFor } from '../../components/PageShell';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { usePageParams } from '../../hooks/usePageParams';
import { useShareMessage, useShareTimelineMessage } from '../../hooks/usePageLifecycle';
import { toCloudError } from '../../services/cloud';
import { openAttachment } from '../../services/open-file';
import { routes } from '../../services/routes';
import { formatFileSize } from '../../services/file-size';
import './index.scss';

export default function ArticlePage() {
  const { id = '' } = usePageParams();
  // One call: news.get also counts the view, so the page never asks twice for the same open.
  const query = useCloudQuery('news.get', { id }, { enabled: id !== '' });
  const article = query.data?.article;

  useShareMessage(() => ({
    title: article?.title ?? '创客中国 · 新闻公告',
    path: routes.article(id),
    ...(article?.coverUrl ? { imageUrl: article.coverUrl } : {}),
  }));
  useShareTimelineMessage(() => ({
    title: article?.title ?? '创客中国 · 新闻公告',
    query: `id=${encodeURIComponent(id)}`,
    ...(article?.coverUrl ? { imageUrl: article.coverUrl } : {}),
  }));

  return (
    <PageShell
      {...shellFor(openToAll, query)}
      // An article that is not there will not be there on 重试 either.
      onRetry={query.error?.code === 'NOT_FOUND' ? undefined : query.reload}
      empty={id === ''}
      emptyText="没有指定文章"
    >
      {article ? <ArticleView article={article} /> : null}
      <HomeLink />
    </PageShell>
  );
}

function ArticleView({ article }: { article: ArticleDetail }) {
  return (
    <View className="article card">
      <View className="article-title">{article.title}</View>
      <View className="article-meta">
        <Text className="article-category">{articleCategoryLabels[article.category]}</Text>
        <Text className="article-time">{formatShanghai(article.publishAt)}</Text>
        {article.author ? <Text className="article-author">{article.author}</Text> : null}
        <Text className="article-views">阅读 {article.views}</Text>
      </View>
      {article.coverUrl ? <Image className="article-cover" src={article.coverUrl} mode="widthFix" /> : null}
      {/* Sanitized on save (core/news/sanitize.ts); images carry their own max-width for rich-text. */}
      <RichText className="article-body" nodes={article.bodyHtml} userSelect />
      {article.attachments.length > 0 ? <Attachments files={article.attachments} /> : null}
    </View>
  );
}

function Attachments({ files }: { files: ArticleDetail['attachments'] }) {
  const [error, setError] = useState<string | null>(null);
  const open = (file: ArticleDetail['attachments'][number]) => {
    setError(null);
    if (file.url === '') {
      setError('附件暂时无法打开，请稍后重试');
      return;
    }
    openAttachment(file.url, file.name).catch((caught: unknown) => setError(toCloudError(caught).message));
  };
  return (
    <View className="article-attachments">
      <View className="article-attachments__title">附件</View>
      {files.map((file) => (
        <View
          key={`${file.name}:${file.url}`}
          className="article-attachment"
          data-name={file.name}
          hoverClass="article-attachment--active"
          onClick={() => open(file)}
        >
          <Text className="article-attachment__name">{file.name}</Text>
          <Text className="muted">{formatFileSize(file.size)}</Text>
        </View>
      ))}
      {error ? <View className="article-attachment-error error-text">{error}</View> : null}
    </View>
  );
}

/** Opened from a share, the article is the only page: offer the way to the rest of the app. */
function HomeLink() {
  const [alone] = useState(() => {
    try {
      return Taro.getCurrentPages().length <= 1;
    } catch {
      return false;
    }
  });
  if (!alone) return null;
  return (
    <View className="article-home" onClick={() => void Taro.switchTab({ url: routes.home })}>
      回到首页
    </View>
  );
}
