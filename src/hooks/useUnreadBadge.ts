import { useEffect } from 'react';
import { refreshUnread } from '../services/inbox-badge';
import { usePageShowAgain } from './usePageLifecycle';

/** For the tab pages: the 我的 tab's unread badge, refreshed when the page opens and is shown again. */
export function useUnreadBadge(): void {
  useEffect(() => {
    void refreshUnread();
  }, []);
  usePageShowAgain(() => void refreshUnread());
}
