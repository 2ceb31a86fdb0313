import Taro from '@tarojs/taro';

/**
 * Scrolls the page (to a selector or an offset) after the render that is about to happen. A courtesy:
 * it never throws, because the content is on the page either way.
 */
export function scrollPageSoon(options: { selector: string } | { scrollTop: number }): void {
  setTimeout(() => {
    try {
      Promise.resolve(Taro.pageScrollTo({ ...options, duration: 200 })).catch(() => undefined);
    } catch {
      // Not available here (tests, an old base library).
    }
  }, 50);
}
