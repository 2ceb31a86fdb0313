import { useCallback, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '@core/actions';
import { callCloud, toCloudError, type CloudError } from '../services/cloud';
import { useRequestId } from './useRequestId';

export interface CloudAction<A extends ActionName> {
  /**
   * Sends the write once (a tap while one is on its way does nothing) and resolves with the answer, or with
   * undefined after a failure, which is then in `error`. `key` tells whether it is the same write as the
   * last one (default: the input itself): the same write retried while its outcome is unknown keeps its
   * requestId, so the server answers from its record instead of acting twice.
   */
  run: (input: ActionInput<A>, options?: { key?: string }) => Promise<ActionOutput<A> | undefined>;
  busy: boolean;
  error: CloudError | null;
  /** Forget the last failure (e.g. when the user edits the form again). */
  reset: () => void;
}

/** The busy / error / requestId logic of a button that writes: one hook for every page. */
export function useCloudAction<A extends ActionName>(action: A): CloudAction<A> {
  const request = useRequestId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CloudError | null>(null);
  const inFlight = useRef(false);

  const run = useCallback(
    async (input: ActionInput<A>, options: { key?: string } = {}) => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      setError(null);
      const requestId = request.idFor(options.key ?? JSON.stringify(input ?? null));
      try {
        const answer = await callCloud(action, input, { requestId });
        request.settle();
        return answer;
      } catch (caught) {
        const failure = toCloudError(caught);
        request.settle(failure);
        setError(failure);
        return undefined;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [action, request],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, busy, error, reset };
}
