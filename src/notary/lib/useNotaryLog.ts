import { useState } from 'react';
import type { LogEventView, NotaryLogView } from '@core/live/views';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';

export interface NotaryLog {
  /** The first page's query (the page's shell waits on it, 重试 reloads it). */
  query: ReturnType<typeof useCloudQuery<'notary.live.log'>>;
  /** Every page loaded so far: the events of all, the rest from the newest page. */
  log: NotaryLogView | null;
  loadMore: () => void;
  loadingMore: boolean;
  moreError: CloudError | null;
}

interface Pages {
  base: NotaryLogView;
  pages: NotaryLogView[];
}

function merge(base: NotaryLogView, pages: readonly NotaryLogView[]): NotaryLogView {
  const last = pages[pages.length - 1] ?? base;
  const seen = new Set<number>();
  const events: LogEventView[] = [];
  for (const page of [base, ...pages]) {
    for (const event of page.events) {
      if (seen.has(event.seq)) continue;
      seen.add(event.seq);
      events.push(event);
    }
  }
  events.sort((a, b) => a.seq - b.seq);
  return { ...last, events };
}

/** One show's log for the notary, paged with `after` while the cloud says there is `more`. */
export function useNotaryLog(liveId: string | null, enabled: boolean): NotaryLog {
  const query = useCloudQuery(
    'notary.live.log',
    { liveId: liveId ?? '', after: 0 },
    { enabled: enabled && liveId !== null },
  );
  const base = query.data?.log ?? null;
  const [extra, setExtra] = useState<Pages | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CloudError | null>(null);
  // Pages fetched on top of an older first page (before a reload) no longer belong.
  const pages = extra !== null && extra.base === base ? extra.pages : [];
  const log = base === null ? null : merge(base, pages);

  const loadMore = () => {
    if (loadingMore || log === null || !log.more || base === null) return;
    const after = log.events[log.events.length - 1]?.seq ?? 0;
    setLoadingMore(true);
    setMoreError(null);
    callCloud('notary.live.log', { liveId: log.liveId, after }).then(
      (answer) => {
        setExtra({ base, pages: [...pages, answer.log] });
        setLoadingMore(false);
      },
      (error: unknown) => {
        setMoreError(toCloudError(error));
        setLoadingMore(false);
      },
    );
  };

  return { query, log, loadMore, loadingMore, moreError };
}
