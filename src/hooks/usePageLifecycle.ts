import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';

/**
 * Page lifecycle hooks that degrade to nothing where Taro's framework runtime has not attached them to
 * the Taro object (jsdom tests): the runtime adds useDidShow & co. when the app starts.
 */
type LifecycleHook = (callback: () => void) => void;

/** 转发给朋友: the card's title, the page it opens (with its query) and, optionally, its picture. */
export interface ShareMessage {
  title: string;
  path: string;
  imageUrl?: string;
}
/** 分享到朋友圈: no path; the timeline opens the sharing page itself with this query. */
export interface ShareTimeline {
  title: string;
  query: string;
  imageUrl?: string;
}

interface TaroHooks {
  useDidShow?: LifecycleHook;
  useDidHide?: LifecycleHook;
  useReachBottom?: LifecycleHook;
  useShareAppMessage?: (callback: () => ShareMessage) => void;
  useShareTimeline?: (callback: () => ShareTimeline) => void;
}

const hooks = (): TaroHooks => Taro as unknown as TaroHooks;
const useNothing = (): void => undefined;

/**
 * Runs `callback` each time the page is shown again after being hidden (another page on top, another
 * tab, the app in the background); not on the first show, when the page loads its data anyway.
 */
export function usePageShowAgain(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  // Tracked from mount, so a component mounted after the page's first show still counts right.
  const hidden = useRef(false);
  const taro = hooks();
  const useDidHide = taro.useDidHide ?? useNothing;
  const useDidShow = taro.useDidShow ?? useNothing;
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    latest.current();
  });
}

/** Runs `callback` when the page is hidden (another page on top, app to background) and when it unloads. */
export function usePageHide(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  const useDidHide = hooks().useDidHide ?? useNothing;
  useDidHide(() => latest.current());
  useEffect(() => () => latest.current(), []);
  useEffect(() => {
    // A browser tab going to the background gets no page hide from Taro.
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') latest.current();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);
}

/**
 * Whether the page is on screen: false from its hide (another page or tab on top, the app or the browser tab in
 * the background) until it is shown again. Timers that only redraw (countdowns, polling) stop meanwhile: a tab
 * page lives all session, and a setData every second on a hidden page is work nobody sees.
 */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  usePageHide(() => setVisible(false));
  usePageShowAgain(() => setVisible(true));
  useEffect(() => {
    // A browser tab brought back gets no page show from Taro.
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    const onVisibility = () => {
      if (document.visibilityState === 'visible') setVisible(true);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);
  return visible;
}

/** 转发给朋友: the share card's title and the page it opens (WeChat; nothing on H5). */
export function useShareMessage(share: () => ShareMessage): void {
  const latest = useRef(share);
  latest.current = share;
  const useShareAppMessage = hooks().useShareAppMessage ?? useNothing;
  useShareAppMessage(() => latest.current());
}

/**
 * 分享到朋友圈 (WeChat; the page config needs enableShareTimeline, and WeChat offers it only on pages
 * that also share to chats). Nothing on H5.
 */
export function useShareTimelineMessage(share: () => ShareTimeline): void {
  const latest = useRef(share);
  latest.current = share;
  const useShareTimeline = hooks().useShareTimeline ?? useNothing;
  useShareTimeline(() => latest.current());
}

/** The page was scrolled to its bottom (onReachBottomDistance in the page config), e.g. to load the next page. */
export function usePageReachBottom(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  const useReachBottom = hooks().useReachBottom ?? useNothing;
  useReachBottom(() => latest.current());
}
