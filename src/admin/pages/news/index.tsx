/**
 * 新闻管理 (organizers): every article, drafts and scheduled ones included, newest edit first, filtered
 * by status and paged on the server. Each row says where the article stands for readers: 草稿 /
 * 已发布 / 定时发布（时间）(published, its time not yet come) / 已下线, with 置顶 and the view count;
 * 编辑 opens the editor, 下线 hides a published article (it can be published again from the editor),
 * 删除 removes it for good; both ask first.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { AdminArticle } from '@core/news/views';
import { articleCategoryLabels } from '@core/news/types';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { Pager } from '../../components/Pager';
import { articleState } from '../../lib/article-form';
import { AdminEvent, emitAdminEvent, useAdminEvent } from '../../lib/events';
import '../../styles/admin.scss';
import './index.scss';

const PAGE_SIZE = 20;

type StatusFilter = 'draft' | 'published' | 'unpublished';
const statusChoices: Array<Choice<StatusFilter>> = [
  { value: 'draft', label: '草稿' },
  { value: 'published', label: '已发布（含定时发布）' },
  { value: 'unpublished', label: '已下线' },
];

function openEditor(id?: string): void {
  void Taro.navigateTo({
    url: id ? `/admin/pages/article/index?id=${encodeURIComponent(id)}` : '/admin/pages/article/index',
  });
}

export default function AdminNewsPage() {
  const access = useAreaAccess('admin');
  const [status, setStatus] = useState<StatusFilter | undefined>(undefined);
  const [paging, setPaging] = useState({ status, page: 1 });
  // A new filter starts at page 1 in the same render, so no request goes out for a page of the old one.
  const page = paging.status === status ? paging.page : 1;
  const list = useCloudQuery(
    'admin.article.list',
    { ...(status ? { status } : {}), page, pageSize: PAGE_SIZE },
    { enabled: access.allowed },
  );
  useAdminEvent(AdminEvent.newsChanged, list.reload);
  const removeAction = useCloudAction('admin.article.remove');
  const [removing, setRemoving] = useState<string | null>(null);
  const [actionDone, setActionDone] = useState<string | null>(null);
  const busyId = removeAction.busy ? removing : null;

  const remove = async (article: AdminArticle, mode: 'unpublish' | 'delete') => {
    if (removeAction.busy) return;
    const answer = await Taro.showModal({
      title: mode === 'delete' ? '删除文章' : '下线文章',
      content:
        mode === 'delete'
          ? `「${article.title}」将被永久删除，读者和组委会都不能再看到，且不能恢复。`
          : `「${article.title}」将从新闻列表和首页撤下，读者不能再打开；之后可在编辑页重新发布。`,
      confirmText: mode === 'delete' ? '删除' : '下线',
      confirmColor: '#c8102e',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setRemoving(article.id);
    setActionDone(null);
    const done = await removeAction.run({ id: article.id, mode });
    if (done === undefined) {
      // Refused (e.g. someone else removed it first): show the list as it is now.
      list.reload();
      return;
    }
    setActionDone(`已${mode === 'delete' ? '删除' : '下线'}「${article.title}」`);
    emitAdminEvent(AdminEvent.newsChanged);
  };

  const data = list.data;
  return (
    <View className="admin-wide">
      <PageShell title="新闻管理" {...shellFor(access, list)}>
        <View className="news-toolbar card">
          <ChoiceSelect
            className="news-filter-status"
            label="状态"
            allLabel="全部"
            value={status}
            options={statusChoices}
            onChange={setStatus}
          />
          <Button className="news-new button button--primary" size="mini" onClick={() => openEditor()}>
            写文章
          </Button>
        </View>
        {list.error && data !== undefined ? (
          <View className="news-list-error admin-error">
            {list.error.message}
            <Text className="news-list-retry admin-link" onClick={list.reload}>
              {' '}
              重试
            </Text>
          </View>
        ) : null}
        {removeAction.error ? (
          <View className="news-action-error admin-error">{removeAction.error.message}</View>
        ) : null}
        {actionDone ? <View className="news-action-done muted">{actionDone}</View> : null}
        {data && data.items.length === 0 ? (
          <View className="news-empty card muted">{status ? '没有此状态的文章' : '还没有文章，点「写文章」开始'}</View>
        ) : null}
        <View className={`news-list${list.loading ? ' news-list--refreshing' : ''}`}>
          {(data?.items ?? []).map((article) => (
            <NewsRow
              key={article.id}
              article={article}
              busy={busyId === article.id}
              disabled={busyId !== null}
              onRemove={(mode) => void remove(article, mode)}
            />
          ))}
        </View>
        {data && data.total > PAGE_SIZE ? (
          <Pager
            hook="news"
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={(p) => setPaging({ status, page: p })}
          />
        ) : null}
      </PageShell>
    </View>
  );
}

function NewsRow(props: {
  article: AdminArticle;
  busy: boolean;
  disabled: boolean;
  onRemove: (mode: 'unpublish' | 'delete') => void;
}) {
  const { article, busy, disabled, onRemove } = props;
  const { state, label } = articleState(article);
  return (
    <View className="news-row card" data-article-id={article.id} data-state={state}>
      <View className="news-row__main">
        <View className="news-row__head">
          <Text className={`news-row-status news-row-status--${state}`}>{label}</Text>
          {article.pinned ? <Text className="news-row-pinned admin-chip admin-chip--warn">置顶</Text> : null}
          <Text className="news-row-category admin-chip">{articleCategoryLabels[article.category]}</Text>
        </View>
        <Text className="news-row-title" onClick={() => openEditor(article.id)}>
          {article.title}
        </Text>
        <View className="news-row__meta muted">
          <Text className="news-row-time">发布时间 {formatShanghai(article.publishAt, 'YYYY-MM-DD HH:mm')}</Text>
          <Text> · </Text>
          <Text className="news-row-views">阅读 {article.views}</Text>
          <Text> · </Text>
          <Text className="news-row-updated">
            {article.author} 更新于 {formatShanghai(article.updatedAt, 'M月D日 HH:mm')}
          </Text>
        </View>
      </View>
      <View className="news-row__actions">
        <Button className="news-edit button" size="mini" disabled={disabled} onClick={() => openEditor(article.id)}>
          编辑
        </Button>
        {article.status === 'published' ? (
          <Button
            className="news-unpublish button"
            size="mini"
            disabled={disabled}
            onClick={() => onRemove('unpublish')}
          >
            {busy ? '正在处理…' : '下线'}
          </Button>
        ) : null}
        <Button
          className="news-delete button button--danger"
          size="mini"
          disabled={disabled}
          onClick={() => onRemove('delete')}
        >
          删除
        </Button>
      </View>
    </View>
  );
}
