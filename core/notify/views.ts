import type { SubscribeResult } from './credits';
import type { NotifyKind } from './templates';

/** One kind in 我的 → 消息设置. */
export interface NotifySettingView {
  kind: NotifyKind;
  title: string;
  purpose: string;
  /** Null when this deployment has no template id for the kind: messages of it reach the inbox only. */
  templateId: string | null;
  /** Messages of this kind WeChat will still deliver to the caller (the platform's count; WeChat has none to read). */
  credits: number;
  lastResult: SubscribeResult | null;
}

export interface NotifySettingsView {
  kinds: NotifySettingView[];
  /** The user turned 订阅消息 off in the mini-program's settings (error 20004): no popup appears until they turn it on. */
  mainSwitchOff: boolean;
  /** Contests whose 赛事提醒 the caller subscribed to. */
  contests: Array<{ contestId: string; name: string }>;
}

export type TemplateIds = Record<NotifyKind, string | null>;
