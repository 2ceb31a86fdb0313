/**
 * Taro's page lifecycle for pages rendered in jsdom. In the builds, Taro's framework runtime attaches
 * useDidShow, useReachBottom, useShareAppMessage … to the Taro object and calls them from the page's
 * lifecycle; jsdom has no page host, so these stand-ins record the callbacks and let a test play the
 * host: "the page was scrolled to the bottom", "the user tapped 转发".
 */
import { useLayoutEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

const HOOKS = ['useDidShow', 'useDidHide', 'useReachBottom', 'useShareAppMessage', 'useShareTimeline'] as const;
export type PageHookName = (typeof HOOKS)[number];

type Callback = () => unknown;

export interface PageHost {
  /** Calls every callback registered for `name` (as the page host would); returns the last one's result. */
  fire: (name: PageHookName) => unknown;
  /** How many mounted components registered for `name`. */
  count: (name: PageHookName) => number;
  uninstall: () => void;
}

/** Install before rendering the page, uninstall after unmounting it (hooks must not change between renders). */
export function installPageHost(): PageHost {
  const registered = new Map<PageHookName, Set<{ current: Callback }>>();
  const taro = Taro as unknown as Record<string, unknown>;
  for (const name of HOOKS) {
    taro[name] = function usePageHook(callback: Callback) {
      const latest = useRef(callback);
      latest.current = callback;
      useLayoutEffect(() => {
        const set = registered.get(name) ?? new Set();
        registered.set(name, set);
        set.add(latest);
        return () => {
          set.delete(latest);
        };
      }, []);
    };
  }
  return {
    fire: (name) => {
      let result: unknown;
      for (const ref of registered.get(name) ?? []) result = ref.current();
      return result;
    },
    count: (name) => registered.get(name)?.size ?? 0,
    uninstall: () => {
      for (const name of HOOKS) delete taro[name];
    },
  };
}
