import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotifyKind } from '@core/notify/templates';
import { askToSubscribe, preloadTemplates, type SubscribeOutcome } from '../services/subscribe';

/**
 * A page's opt-in point: the template ids are loaded when the page opens, so that the tap can ask at once
 * (WeChat shows its prompt only inside the tap). Call `ask` directly in the tap handler, before anything awaited.
 */
export function useSubscribePrompt(options: { enabled?: boolean } = {}): {
  ask: (kinds: readonly NotifyKind[], options?: { contestId?: string }) => Promise<SubscribeOutcome | null>;
  asking: boolean;
} {
  const [asking, setAsking] = useState(false);
  const inFlight = useRef(false);
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (enabled) void preloadTemplates();
  }, [enabled]);
  const ask = useCallback((kinds: readonly NotifyKind[], options: { contestId?: string } = {}) => {
    if (inFlight.current) return Promise.resolve(null);
    inFlight.current = true;
    setAsking(true);
    return askToSubscribe(kinds, options)
      .catch(() => null)
      .finally(() => {
        inFlight.current = false;
        setAsking(false);
      });
  }, []);
  return { ask, asking };
}
