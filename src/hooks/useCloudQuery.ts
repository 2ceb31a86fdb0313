import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '@core/actions';
import { callCloud, toCloudError, type CloudError } from '../services/cloud';

export interface CloudQuery<A extends ActionName> {
  /** The last answer; kept while reloading so the page doesn't flash empty. */
  data: ActionOutput<A> | undefined;
  loading: boolean;
  error: CloudError | null;
  reload: () => void;
}

interface Settled<A extends ActionName> {
  request: string | null;
  data: ActionOutput<A> | undefined;
  error: CloudError | null;
}

/**
 * Runs a read action on mount and again when its input changes. `enabled: false` holds the call
 * back, e.g. until useMe has shown the caller may see the page at all. `key` refetches when it changes
 * although the input did not, e.g. the signed-in user of a per-user read like registration.mine.
 */
export function useCloudQuery<A extends ActionName>(
  action: A,
  input: ActionInput<A>,
  options: { enabled?: boolean; key?: string } = {},
): CloudQuery<A> {
  const enabled = options.enabled ?? true;
  const [attempt, setAttempt] = useState(0);
  // Callers write the input inline; compare it by value so a re-render doesn't refetch.
  const request = `${action}|${JSON.stringify(input ?? null)}|${options.key ?? ''}|${attempt}`;
  const inputRef = useRef(input);
  inputRef.current = input;

  const [settled, setSettled] = useState<Settled<A>>({ request: null, data: undefined, error: null });

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    callCloud(action, inputRef.current).then(
      (data) => current && setSettled({ request, data, error: null }),
      (error: unknown) => current && setSettled((prev) => ({ request, data: prev.data, error: toCloudError(error) })),
    );
    return () => {
      current = false;
    };
  }, [action, request, enabled]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Derived rather than stored, so the render that enables a query already counts as loading.
  const loading = enabled && settled.request !== request;
  return { data: settled.data, loading, error: loading ? null : settled.error, reload };
}
