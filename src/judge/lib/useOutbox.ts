import { useEffect, useRef, useSyncExternalStore } from 'react';
import { outboxItems, subscribeOutbox, type OutboxEvent, type OutboxItem } from '../../services/outbox';

/** The outbox as it stands, re-rendering on every change. */
export function useOutboxItems(): readonly OutboxItem[] {
  return useSyncExternalStore(subscribeOutbox, outboxItems, outboxItems);
}

/** Calls `listener` for each outbox event while mounted (e.g. "the score was sent: here is the answer"). */
export function useOutboxEvents(listener: (event: OutboxEvent) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribeOutbox((event) => latest.current(event)), []);
}
