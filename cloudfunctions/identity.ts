import type { CallIdentity } from './router';

/** The part of wx-server-sdk's getWXContext() we rely on. */
export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV?: string;
  /** What started this run: `wx_client`, `wx_trigger` (a timer trigger), `scf` (another function) …; set by the platform. */
  SOURCE?: string;
}

/**
 * The one place a cloud call's identity is read: OPENID from the platform context, which WeChat
 * fills from the signed-in mini-program user. Never a field of the call's data. (Web callers signed
 * in through CloudBase custom login will be resolved here too.)
 */
export function wechatIdentity(getWXContext: () => WxContext): CallIdentity {
  const { OPENID } = getWXContext();
  return { openid: typeof OPENID === 'string' && OPENID !== '' ? OPENID : null };
}

/**
 * Whether this run is the cron function's own timer trigger: the platform says the run came from a timer
 * (`SOURCE` is exactly `wx_trigger`, not a chain such as `wx_client,scf`), no user is behind it, and the event
 * names our trigger. A web, anonymous or mini-program caller can forge the event but not the context.
 */
export function isOwnTimerTrigger(event: unknown, context: WxContext, triggerName: string): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown };
  const openid = context.OPENID;
  return (
    context.SOURCE === 'wx_trigger' &&
    (openid === undefined || openid === '') &&
    Type === 'Timer' &&
    TriggerName === triggerName
  );
}

/** ADMIN_OPENIDS="oAbc…,oDef…": organizers before any grant exists. */
export function parseAdminOpenids(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}
