import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '@core/errors';

/**
 * Who may reach the local cloud's `/dev/*` routes (sign-in as any demo user, the clock). A web page
 * open on the developer's machine can reach 127.0.0.1 too, so the remote address alone is not enough:
 * - a DNS-rebinding page talks to us under its own name, which shows in `Host`;
 * - a cross-site page can send "simple" requests (text/plain, form types) without a CORS preflight,
 *   so state-changing requests must be JSON, which a browser only sends cross-site after a preflight
 *   this server never grants;
 * - a browser names the page that made a request in `Origin`; only pages served from loopback pass.
 *   Requests without `Origin` (curl, Node's fetch, same-origin GET in a browser) pass.
 */

export interface DevRefusal {
  status: number;
  code: ErrorCode;
  message: string;
}

/** 127.0.0.1, localhost or [::1], with an optional port; the whole value must match, so no suffix tricks. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
const LOOPBACK_ORIGIN = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
const JSON_TYPE = /^application\/json[ \t]*(?:;[ \t]*charset=[^;]*)?$/i;

const FOREIGN_PAGE = '开发接口只接受本机页面访问';

function isLoopbackAddress(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/** An absent Origin is fine; `null` (sandboxed frames, file: pages) is as foreign as any other. */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  return origin === undefined || LOOPBACK_ORIGIN.test(origin);
}

export function isJsonContentType(type: string | undefined): boolean {
  return type !== undefined && JSON_TYPE.test(type.trim());
}

/** Null when the request may go on to the dev router; otherwise the answer to send instead. */
export function refuseDevRequest(req: IncomingMessage): DevRefusal | null {
  if (!isLoopbackAddress(req)) return { status: 403, code: ErrorCode.FORBIDDEN, message: '开发接口只接受本机访问' };
  if (!isLoopbackHost(req.headers.host) || !isLoopbackOrigin(req.headers.origin)) {
    return { status: 403, code: ErrorCode.FORBIDDEN, message: FOREIGN_PAGE };
  }
  // Any method that can carry a body, not only POST, so a route added later is covered too.
  const safe = req.method === 'GET' || req.method === 'HEAD';
  if (!safe && !isJsonContentType(req.headers['content-type'])) {
    return { status: 415, code: ErrorCode.INVALID_INPUT, message: '请以 JSON（application/json）提交' };
  }
  return null;
}
