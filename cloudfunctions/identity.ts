import type { CallIdentity } from './router';

/** The part of wx-server-sdk's getWXContext() we rely on. */
export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV?: string;
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

/** ADMIN_OPENIDS="oAbc…,oDef…": organizers before any grant exists. */
export function parseAdminOpenids(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}
