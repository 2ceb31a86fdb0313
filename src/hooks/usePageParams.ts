import { useState } from 'react';
import Taro from '@tarojs/taro';

/**
 * The query the page was opened with (`?id=…`), decoded. Read once at first render: on H5 earlier pages
 * stay mounted, and the router's current params belong to whichever page was opened last.
 */
export function usePageParams(): Record<string, string> {
  const [params] = useState<Record<string, string>>(() => {
    const raw = Taro.getCurrentInstance().router?.params ?? {};
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === 'string') out[key] = safeDecode(value);
    }
    return out;
  });
  return params;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
