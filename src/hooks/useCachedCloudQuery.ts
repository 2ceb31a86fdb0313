import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '@core/actions';
import { readCache, writeCache } from '../services/cache';
import { callCloud, toCloudError, type CloudError } from '../services/cloud';

export interface CachedCloudQuery<A extends ActionName> {
  /** The newest answer this page has: from the network, else the stored copy; undefined when neither. */
  data: ActionOutput<A> | undefined;
  /** When `data` was fetched (ms, phone clock); null without data. */
  fetchedAt: number | null;
  /**
   * `data` arrived from the network while this page was open. A stored copy is not fresh: its server
   * times (`now`) are from back then, so clocks and countdowns must not be set from it.
   */
  fresh: boolean;
  /** A request is under way (with or without data on screen). */
  loading: boolean;
  /** The last request failed; `data`, if any, is then older content (see OfflineNote). */
  error: CloudError | null;
  reload: () => void;
  /** Reloads when the data on screen is older than `ms` (or there is none), e.g. when a tab is shown again. */
  reloadIfOlderThan: (ms: number) => void;
}

interface Settled<A extends ActionName> {
  /** The input (and cache key) this answer belongs to. */
  base: string;
  /** The attempt it answered; a newer attempt means a request is under way. */
  request: string | null;
  data: ActionOutput<A> | undefined;
  at: number | null;
  error: CloudError | null;
}

/**
 * Stale-while-revalidate over one read action: the page draws at once from the copy stored under
 * `cacheKey` (with the time it was fetched), asks the network once, then shows and stores the answer.
 * Without network the stored copy stays on screen with `error` set, so the page can say how old it is.
 * `cacheKey: null` skips storage (e.g. a search: one-off inputs would only fill the phone).
 */
export function useCachedCloudQuery<A extends ActionName>(
  action: A,
  input: ActionInput<A>,
  options: { cacheKey: string | null; enabled?: boolean },
): CachedCloudQuery<A> {
  const { cacheKey } = options;
  const enabled = options.enabled ?? true;
  const [attempt, setAttempt] = useState(0);
  // Callers write the input inline; compare it by value so a re-render doesn't refetch.
  const base = `${action}|${JSON.stringify(input ?? null)}|${cacheKey ?? ''}`;
  const request = `${base}|${attempt}`;
  const inputRef = useRef(input);
  inputRef.current = input;

  // Read once per input, during render: the first frame already has the stored copy.
  const stored = useMemo(
    () => (cacheKey === null ? null : readCache<ActionOutput<A>>(cacheKey)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `base` includes the cache key and the input.
    [base],
  );

  const [settled, setSettled] = useState<Settled<A>>({
    base: '',
    request: null,
    data: undefined,
    at: null,
    error: null,
  });

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    callCloud(action, inputRef.current).then(
      (data) => {
        if (!current) return;
        const at = Date.now();
        if (cacheKey !== null) writeCache(cacheKey, data, at);
        setSettled({ base, request, data, at, error: null });
      },
      (error: unknown) => {
        if (!current) return;
        setSettled((prev) => ({
          base,
          request,
          data: prev.base === base ? prev.data : undefined,
          at: prev.base === base ? prev.at : null,
          error: toCloudError(error),
        }));
      },
    );
    return () => {
      current = false;
    };
  }, [action, base, request, cacheKey, enabled]);

  const mine = settled.base === base;
  const networkData = mine ? settled.data : undefined;
  const data = networkData ?? stored?.data;
  const fetchedAt = networkData !== undefined ? settled.at : (stored?.at ?? null);
  // Derived rather than stored, so the render that changes the input already counts as loading.
  const loading = enabled && settled.request !== request;

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const fetchedAtRef = useRef(fetchedAt);
  fetchedAtRef.current = fetchedAt;
  const reloadIfOlderThan = useCallback((ms: number) => {
    const at = fetchedAtRef.current;
    if (at === null || Date.now() - at > ms) setAttempt((n) => n + 1);
  }, []);

  return {
    data,
    fetchedAt,
    fresh: networkData !== undefined,
    loading,
    error: loading || !mine ? null : settled.error,
    reload,
    reloadIfOlderThan,
  };
}
