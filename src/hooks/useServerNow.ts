import { useEffect, useRef, useState } from 'react';
import { hasServerTime, serverNow, syncServerClock } from '../services/server-clock';
import { usePageVisible } from './usePageLifecycle';

/**
 * The server's time in ms, from the latest server `now` the page received plus the time elapsed since;
 * re-renders every `tickMs` while `ticking`. null while the page has no server time (an answer without
 * `now`), so callers fall back to the server's own status fields rather than the phone's clock. One timer per page, not per card.
 * The timer stops while the page is hidden and the first frame after it is shown again counts from the clock.
 */
export function useServerNow(serverIso: string | undefined, ticking: boolean, tickMs = 1000): number | null {
  const synced = useRef<string | undefined>(undefined);
  // Anchored during render, once per answer, so the first frame after the answer already counts from it.
  if (serverIso !== undefined && synced.current !== serverIso) {
    synced.current = serverIso;
    syncServerClock(serverIso);
  }
  const [, setTick] = useState(0);
  const visible = usePageVisible();
  const running = ticking && visible;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setTick((n) => n + 1), tickMs);
    return () => clearInterval(timer);
  }, [running, tickMs]);
  return serverIso !== undefined && hasServerTime() ? serverNow() : null;
}
