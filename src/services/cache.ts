import Taro from '@tarojs/taro';

/**
 * Answers kept in Taro storage (localStorage on H5, the mini-program's own storage on WeChat) so a page
 * can draw its last content at once and without network. Each copy is stamped with the app version:
 * a new build may read answers of another shape, and a stale copy is worth less than a loading state.
 * Storage can be full or unavailable; the cache then simply has nothing, it never fails a page.
 */
const PREFIX = 'chuangke.cache.';

export interface CachedCopy<T> {
  /** When the copy was fetched, ms since the epoch (the phone's clock). */
  at: number;
  data: T;
}

interface Stored {
  version: string;
  at: number;
  data: unknown;
}

function isStored(value: unknown): value is Stored {
  const v = value as Partial<Stored> | null;
  return typeof v === 'object' && v !== null && typeof v.version === 'string' && typeof v.at === 'number';
}

/** The stored copy under `key`, or null when there is none or it came from another version of the app. */
export function readCache<T>(key: string): CachedCopy<T> | null {
  try {
    const value: unknown = Taro.getStorageSync(PREFIX + key);
    if (!isStored(value) || value.version !== APP_VERSION || value.data === undefined) return null;
    return { at: value.at, data: value.data as T };
  } catch {
    return null;
  }
}

export function writeCache<T>(key: string, data: T, at: number): void {
  try {
    const stored: Stored = { version: APP_VERSION, at, data };
    Taro.setStorageSync(PREFIX + key, stored);
  } catch {
    // Full storage (WeChat allows 10 MB per app): the page still works, only without an offline copy.
  }
}
