/**
 * 我的 → 消息: every notification the platform sent the caller, whether WeChat delivered it or not (a user without
 * a subscription finds it only here). Tapping one marks it read and opens its page.
 */
import '../../lib/actions';
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { InboxItemView } from '@core/inbox/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { usePageReachBottom, usePageShowAgain } from '../../../hooks/usePageLifecycle';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { callCloud, toCloudError, type CloudError } from '../../../services/cloud';
import { showUnread } from '../../../services/inbox-badge';
import { openStoredPage } from '../../../services/open-page';
import { routes } from '../../../services/routes';
import './index.scss';

const PAGE_SIZE = 20;

export default function InboxPage() {
  const { user, shell } = useSignedIn('请先登录后查看消息');
  const inbox = useInbox(user?.openid ?? null);
  const markRead = useCloudAction('inbox.read');
  usePageShowAgain(inbox.reload);
  usePageReachBottom(inbox.more);

  const open = async (item: InboxItemView) => {
    if (!item.read) {
      inbox.markRead([item.id]);
      const answer = await markRead.run({ ids: [item.id] });
      if (answer) showUnread(answer.unread);
    }
    openStoredPage(item.page);
  };
  const readAll = async () => {
    const answer = await markRead.run({ all: true });
    if (answer) {
      inbox.markRead(inbox.items.map((i) => i.id));
      showUnread(answer.unread);
    }
  };

  return (
    <PageShell title="消息" {...shellFor({ allowed: user !== null, shell }, inbox)}>
      <View className="inbox-head">
        <Text className="inbox-unread muted">{inbox.unread > 0 ? `${inbox.unread} 条未读` : '没有未读消息'}</Text>
        <View className="inbox-head__links">
          <Text className="inbox-settings" onClick={() => void Taro.navigateTo({ url: routes.notifySettings })}>
            消息设置
          </Text>
          {inbox.unread > 0 ? (
            <Button className="inbox-read-all button" disabled={markRead.busy} onClick={() => void readAll()}>
              全部已读
            </Button>
          ) : null}
        </View>
      </View>
      {markRead.error ? <View className="inbox-error note">{markRead.error.message}</View> : null}
      {inbox.items.length === 0 ? (
        <View className="inbox-empty muted card">还没有消息。报名审核、晋级、获奖和赛事通知都会出现在这里。</View>
      ) : null}
      {inbox.items.map((item) => (
        <View
          key={item.id}
          className={`inbox-item card${item.read ? '' : ' inbox-item--unread'}`}
          hoverClass="inbox-item--active"
          onClick={() => void open(item)}
        >
          <View className="inbox-item__head">
            <Text className="inbox-item-title">{item.title}</Text>
            <Text className="inbox-item__time muted">{formatShanghai(item.createdAt, 'M月D日 HH:mm')}</Text>
          </View>
          {item.lines.map((line) => (
            <View key={line.label} className="inbox-item__line">
              <Text className="inbox-item__label muted">{line.label}</Text>
              <Text className="inbox-item__value">{line.value}</Text>
            </View>
          ))}
          {item.body ? <View className="inbox-item-body">{item.body}</View> : null}
        </View>
      ))}
      {inbox.hasMore ? (
        <Button className="inbox-more button" loading={inbox.loadingMore} onClick={inbox.more}>
          加载更多
        </Button>
      ) : null}
    </PageShell>
  );
}

/** The first page, more on demand, and local read marks so a tap shows at once. */
function useInbox(openid: string | null) {
  const [items, setItems] = useState<InboxItemView[]>([]);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [unread, setUnread] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<CloudError | null>(null);

  const load = useCallback(
    async (next: number) => {
      if (openid === null) return;
      if (next === 1) setLoading(true);
      else setLoadingMore(true);
      try {
        const answer = await callCloud('inbox.list', { page: next, pageSize: PAGE_SIZE });
        setItems((before) => (next === 1 ? answer.items : [...before, ...answer.items]));
        setPage(next);
        setHasMore(answer.hasMore);
        setUnread(answer.unread);
        setLoaded(true);
        setError(null);
        showUnread(answer.unread);
      } catch (caught) {
        setError(toCloudError(caught));
      } finally {
        setLoading(false);
        setLoadingMore(false);
      }
    },
    [openid],
  );

  useEffect(() => {
    void load(1);
  }, [load]);

  return {
    /** For shellFor: undefined until the first answer. */
    data: loaded ? items : undefined,
    items,
    unread,
    hasMore,
    loading,
    loadingMore,
    error,
    reload: () => void load(1),
    more: () => {
      if (hasMore && !loadingMore) void load(page + 1);
    },
    markRead: (ids: readonly string[]) => {
      const set = new Set(ids);
      setItems((before) => before.map((i) => (set.has(i.id) ? { ...i, read: true } : i)));
      setUnread((n) => Math.max(0, n - items.filter((i) => set.has(i.id) && !i.read).length));
    },
  };
}
