/**
 * The unread count on the 我的 tab (`setTabBarBadge`). Refreshed when a tab page is shown and after messages are
 * read, at most every few seconds from page shows (a tab switch should not cost a call each time).
 */
import Taro from '@tarojs/taro';
import { getToken } from './auth';
import { callCloud } from './cloud';

/** 我的 is the fourth tab (app.config.ts). */
const ME_TAB = 3;
const MIN_INTERVAL_MS = 15_000;

let lastAt = 0;
let shown: number | null = null;

export function showUnread(unread: number): void {
  if (unread === shown) return;
  shown = unread;
  const done = () => undefined;
  if (unread > 0) {
    Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done);
  } else {
    Taro.removeTabBarBadge({ index: ME_TAB }).catch(done);
  }
}

/** Asks the cloud for the count (signed-in users only; a visitor has no inbox). `force` skips the interval. */
export function refreshUnread(options: { force?: boolean } = {}): Promise<void> {
  // A visitor in the browser has no inbox; on WeChat everyone is signed in.
  if (process.env.TARO_ENV !== 'weapp' && getToken() === null) return Promise.resolve();
  const now = Date.now();
  if (!options.force && now - lastAt < MIN_INTERVAL_MS) return Promise.resolve();
  lastAt = now;
  return callCloud('inbox.count', {}).then(
    (answer) => showUnread(answer.unread),
    // Not signed in, or offline: the badge stays as it was.
    () => undefined,
  );
}
