import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { MeOutput } from '@core/system/views';
import { onAuthChange } from '../services/auth';
import { callCloud, toCloudError, type CloudError } from '../services/cloud';

export interface MeState {
  /** null until the first answer arrives. */
  me: MeOutput | null;
  loading: boolean;
  error: CloudError | null;
}

/**
 * One `auth.me` per app session, shared by every page: tab pages stay mounted, so they all see a
 * sign-in or sign-out at once through the subscription instead of each keeping its own copy.
 */
let state: MeState = { me: null, loading: false, error: null };
let started = false;
let generation = 0;
const subscribers = new Set<() => void>();

function setState(next: MeState): void {
  state = next;
  for (const notify of [...subscribers]) notify();
}

export function refreshMe(): Promise<void> {
  started = true;
  const mine = ++generation;
  setState({ me: state.me, loading: true, error: null });
  return callCloud('auth.me', {}).then(
    (me) => {
      // A sign-in during the call makes this answer stale; the newer call will report.
      if (mine === generation) setState({ me, loading: false, error: null });
    },
    (error: unknown) => {
      if (mine === generation) setState({ me: state.me, loading: false, error: toCloudError(error) });
    },
  );
}

onAuthChange(() => {
  // Forget the old identity at once so no page shows the previous user's areas while refetching.
  state = { me: null, loading: false, error: null };
  if (started) void refreshMe();
});

function subscribe(notify: () => void): () => void {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

const getSnapshot = (): MeState => state;

export function useMe(): MeState & { reload: () => void } {
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  useEffect(() => {
    if (!started) void refreshMe();
  }, []);
  const reload = useCallback(() => void refreshMe(), []);
  return {
    ...snapshot,
    loading: snapshot.loading || (snapshot.me === null && snapshot.error === null),
    reload,
  };
}
