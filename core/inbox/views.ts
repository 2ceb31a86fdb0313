import type { NotifyKind } from '../notify/templates';

/** One message in 我的 → 消息. */
export interface InboxItemView {
  /** Unique among the caller's messages (the source of the notification). */
  id: string;
  kind: NotifyKind;
  title: string;
  lines: Array<{ label: string; value: string }>;
  /** A longer text the organizer wrote (announcements); the WeChat card carries only the fields. */
  body: string | null;
  page: string;
  createdAt: string;
  read: boolean;
}
