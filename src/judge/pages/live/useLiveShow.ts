/**
 * One live show as this judge sees it: the released screen from the feed (services/live-feed.ts: push, or
 * polling when the venue's network is poor) and the judge's own view (`judge.live`), fetched again once for
 * every move of the screen's `version` that the view has not caught up with. The feed stops while the page is
 * hidden and starts again (with a fresh view) when it is shown.
 */
import { useEffect, useRef, useState } from 'react';
import type { LiveScreenView } from '@core/live/views';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageVisible } from '../../../hooks/usePageLifecycle';
import { followLive, type FeedStatus } from '../../../services/live-feed';

/** How soon a failed refetch is tried again while the view is behind the show. */
const RETRY_MS = 3000;

export function useLiveShow(liveId: string, openid: string, enabled: boolean) {
  const [refetch, setRefetch] = useState(0);
  const [screen, setScreen] = useState<LiveScreenView | null>(null);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const query = useCloudQuery(
    'judge.live',
    { liveId },
    { enabled: enabled && liveId !== '', key: `${openid}|${refetch}` },
  );
  const view = query.data?.shows.find((s) => s.liveId === liveId) ?? null;
  // The newest screen version a refetch was asked for (one refetch per move, even if the view lags behind),
  // and the screen that asked: after a failed refetch, the next screen that arrives asks again.
  const asked = useRef<{ version: number; screen: LiveScreenView | null }>({ version: -1, screen: null });

  // The feed stops while the page is hidden; shown again, the view is read afresh (the show moved on meanwhile).
  const active = usePageVisible();
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) setRefetch((n) => n + 1);
    wasActive.current = active;
  }, [active]);

  useEffect(() => {
    if (!enabled || !active || liveId === '') return;
    setStatus('connecting');
    return followLive(liveId, setScreen, setStatus);
  }, [liveId, enabled, active]);

  const viewVersion = view?.version ?? -1;
  const { loading, error } = query;
  useEffect(() => {
    // Waits for the call in flight: its answer may already be as new as the screen.
    if (screen === null || loading || screen.version <= viewVersion) return;
    const last = asked.current;
    if (screen.version > last.version || (error !== null && screen !== last.screen)) {
      asked.current = { version: screen.version, screen };
      setRefetch((n) => n + 1);
    }
  }, [screen, viewVersion, loading, error]);

  // A refetch that failed while the view is behind the screen is tried again every few seconds: the push channel
  // may stay quiet (nothing moves on stage) after the network comes back.
  const behind = screen !== null && screen.version > viewVersion;
  useEffect(() => {
    if (!behind || loading || error === null || !active) return;
    const timer = setTimeout(() => setRefetch((n) => n + 1), RETRY_MS);
    return () => clearTimeout(timer);
  }, [behind, loading, error, active]);

  return { query, view, screen, status };
}
