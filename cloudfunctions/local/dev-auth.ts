import { createHmac, timingSafeEqual } from 'node:crypto';

/** Environment variables set by WeChat Cloud / Tencent SCF; their presence means we are not the local cloud. */
const CLOUD_MARKERS = ['TENCENTCLOUD_RUNENV', 'SCF_FUNCTIONNAME', 'TCB_ENV', 'WX_API_TOKEN'] as const;

/** The dev sign-in names any user it likes, so it must never run anywhere but the local cloud. */
export function assertLocalRuntime(env: NodeJS.ProcessEnv = process.env): void {
  const found = CLOUD_MARKERS.filter((name) => env[name] !== undefined && env[name] !== '');
  if (found.length > 0) {
    throw new Error(`开发登录只能在本地云运行（检测到云端环境变量 ${found.join(', ')}）`);
  }
}

const TOKEN_DAYS = 30;

export interface DevAuth {
  issue(userKey: string, now: Date): string;
  /** The demo user key, or null for a forged, malformed or expired token. */
  verify(token: string, now: Date): string | null;
}

/** Signed bearer tokens naming a demo user: `<base64url payload>.<hmac>`. */
export function createDevAuth(secret: Buffer): DevAuth {
  assertLocalRuntime();
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

  return {
    issue(userKey, now) {
      const payload = Buffer.from(JSON.stringify({ u: userKey, exp: now.getTime() + TOKEN_DAYS * 86400_000 })).toString(
        'base64url',
      );
      return `${payload}.${sign(payload)}`;
    },
    verify(token, now) {
      const [payload, signature, extra] = token.split('.');
      if (payload === undefined || signature === undefined || extra !== undefined) return null;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof claims !== 'object' || claims === null) return null;
        const { u, exp } = claims as { u?: unknown; exp?: unknown };
        if (typeof u !== 'string' || typeof exp !== 'number' || exp < now.getTime()) return null;
        return u;
      } catch {
        return null;
      }
    },
  };
}
