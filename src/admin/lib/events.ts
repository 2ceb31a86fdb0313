import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/**
 * What one admin page changes and another shows. H5 keeps the pages below in the stack mounted, and
 * WeChat keeps them alive too, so a list would otherwise show an entry's old status after a decision.
 */
export const AdminEvent = {
  entriesChanged: 'admin:entries-changed',
  contestsChanged: 'admin:contests-changed',
  newsChanged: 'admin:news-changed',
  resultsChanged: 'admin:results-changed',
  /** A round was saved, assigned, advanced or awarded: 评审轮次 and the round's pages show it. */
  roundsChanged: 'admin:rounds-changed',
  /** A campaign was saved or sent: 消息推送 shows it. */
  campaignsChanged: 'admin:campaigns-changed',
} as const;
export type AdminEvent = (typeof AdminEvent)[keyof typeof AdminEvent];

export function emitAdminEvent(event: AdminEvent): void {
  Taro.eventCenter.trigger(event);
}

/** Calls `listener` (the latest one) whenever `event` is emitted while the component is mounted. */
export function useAdminEvent(event: AdminEvent, listener: () => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const handler = () => latest.current();
    Taro.eventCenter.on(event, handler);
    return () => {
      Taro.eventCenter.off(event, handler);
    };
  }, [event]);
}
