import { useEffect, useState } from 'react';

function matches(query: string): boolean {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(query).matches
    : false;
}

/**
 * Whether the H5 build runs in a desktop-wide window, where a table beats cards. Always false on
 * WeChat: the mini-program is a phone, and `window` there is Taro's stand-in without matchMedia.
 */
export function useWideScreen(minWidth = 1024): boolean {
  const query = `(min-width: ${minWidth}px)`;
  const [wide, setWide] = useState(() => matches(query));
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const onChange = () => setWide(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return wide;
}
