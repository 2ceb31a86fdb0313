import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import sirv from 'sirv';
import { lookup as mimeLookup } from 'mrmime';
import { ErrorCode, errorMessages } from '@core/errors';
import type { CallResult } from '@core/wire';
import { createApi, type Api } from '../router';
import { cronTick } from '../jobs';
import type { Logger, Ports } from '../ports';
import { jsonLogger } from '../log';
import { createLocalPorts, type LocalPorts } from '../adapters/local';
import { UploadRefusedError } from '../adapters/local/local-files';
import { createDevAuth, assertLocalRuntime } from './dev-auth';
import { refuseDevRequest } from './dev-guard';
import { readBody } from './http-body';
import { localTemplateIds } from '../usecases/notify/template-ids';
import { findByIds } from '../usecases/find-by-ids';
import { C, type UserDoc } from '../usecases/collections';
import { MAX_TEMPLATES_PER_REQUEST } from '@core/notify/actions';
import { TEMPLATE_ID_PATTERN } from '@core/notify/template-id';
import { seedDemoData } from './seed';
import { seedJudgingDemo } from './seed-judging';
import { seedLiveDemo } from './seed-live';
import { createLiveStreams, type LiveStreams } from './live-stream';
import { DEMO_ADMIN_OPENIDS, demoOpenid, demoUsers } from './seed-data';

export interface LocalCloudOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** The built H5 app; null or missing folder → a page that says how to build it. */
  h5Dir?: string | null;
  adminOpenids?: readonly string[];
  version?: string;
  log?: Logger;
  /** How often the local stand-in of the cron timer trigger fires; 0 turns it off. */
  cronIntervalMs?: number;
  /** More data written after the demo seeds, before the first request (e.g. the production-size set). */
  extraSeed?: (ports: LocalPorts) => Promise<unknown>;
}

export interface LocalCloud {
  url: string;
  port: number;
  ports: LocalPorts;
  api: Api;
  /** Runs one tick of the cron function, as its timer trigger would. */
  runCron(): ReturnType<typeof cronTick>;
  /** Cuts the open `/live/<liveId>/stream` connections (see LiveStreams.drop); new ones are served as before. */
  dropLiveStreams(): number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const SIGNED_OUT = '登录已失效，请重新选择演示用户登录';

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Sent with a 413: a client that sent too much once is not kept on a connection to send the next one over. */
const CLOSE = { connection: 'close' };

function failure(code: ErrorCode, message?: string): CallResult<never> {
  return { ok: false, error: { code, message: message ?? errorMessages[code] } };
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Answer with `connection: close`: set after an oversize body. */
    readonly close = false,
  ) {
    super(message);
  }
}

/** The body ran past the drain cap and its socket is gone: there is no one left to answer. */
class BodyAbandoned extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) throw new BodyAbandoned();
  if (body.size > MAX_BODY_BYTES) throw new BodyError(413, '请求内容超过 1 MB', true);
  if (body.size === 0) return {};
  try {
    return JSON.parse(body.kept.toString('utf8'));
  } catch {
    throw new BodyError(400, '请求不是有效的 JSON');
  }
}

/**
 * A demo user, or `guest-<id>`: a WeChat user seen for the first time, with no role but entrant, for
 * trying sign-up as many different people (and for the registration surge benchmark).
 */
const GUEST_KEY = /^guest-[a-z0-9]{1,24}$/;
function isSignInKey(key: string): boolean {
  return GUEST_KEY.test(key) || demoUsers.some((u) => u.key === key);
}

/** Types a page shows in place (article images in `<img>`); anything else is downloaded, never rendered. */
const INLINE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg']);

/** RFC 8187 ext-value: encodeURIComponent leaves a few characters that are not attr-chars. */
function contentDisposition(type: string, file: string): string {
  const name = encodeURIComponent(basename(file)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${INLINE_TYPES.has(type) ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`;
}

/** The signing secret lives in DATA_DIR so tokens and file links survive restarts. */
function loadSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

const notBuiltPage = `<!doctype html><meta charset="utf-8"><title>创客中国 · 本地云</title>
<p>H5 应用尚未构建。请先运行 <code>npm run build:h5</code>（<code>npm start</code> 会自动构建）。</p>
<p>接口已可用：<code>POST /api/api</code>、<code>GET /healthz</code>。</p>`;

/**
 * The local cloud: serves the H5 app, runs the same `api` handler the cloud function runs
 * (POST /api/api), signs demo users in, and ticks the cron function, all on an embedded database
 * under DATA_DIR.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  assertLocalRuntime();
  const log = options.log ?? jsonLogger;
  const host = options.host ?? '127.0.0.1';
  const version = options.version ?? '0.0.0';
  mkdirSync(options.dataDir, { recursive: true });
  const secret = loadSecret(options.dataDir);
  const auth = createDevAuth(secret);

  // File links need the server's address, known only after listen(): requests wait for `ready`.
  interface Runtime {
    ports: LocalPorts;
    api: Api;
    streams: LiveStreams;
  }
  let markReady: (runtime: Runtime) => void = () => undefined;
  const ready = new Promise<Runtime>((resolve) => {
    markReady = resolve;
  });

  const h5Dir = options.h5Dir && existsSync(join(options.h5Dir, 'index.html')) ? options.h5Dir : null;
  const serveH5 = h5Dir
    ? sirv(h5Dir, {
        // Look files up on each request instead of listing them once at start: a rebuild of dist/h5 while the
        // local cloud runs (npm run dev:h5) is served at once, and a file removed by it is a 404, not a crash.
        dev: true,
        single: true,
        etag: true,
        // scripts/compress-h5.mjs writes .br / .gz beside each asset.
        brotli: true,
        gzip: true,
        setHeaders(res, pathname) {
          // Built assets carry content hashes; index.html must be revalidated to pick up a new build.
          res.setHeader(
            'cache-control',
            pathname.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
          );
        },
      })
    : null;

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    fn: string,
    { ports, api, streams }: Runtime,
  ): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure(ErrorCode.INVALID_INPUT, '请使用 POST 调用云函数'));
    if (fn !== 'api') {
      // cron runs on its timer only (see runCron); other names do not exist.
      const exists = fn === 'cron';
      return sendJson(
        res,
        exists ? 403 : 404,
        failure(
          exists ? ErrorCode.FORBIDDEN : ErrorCode.UNKNOWN_ACTION,
          exists ? '定时函数只能由定时触发器调用' : `云函数 ${fn} 不存在`,
        ),
      );
    }
    const openid = signedIn(req, ports);
    if (openid === false) return sendJson(res, 200, failure(ErrorCode.UNAUTHENTICATED, SIGNED_OUT));
    const body = await readJson(req);
    const answer = await api(body, { openid });
    // A live show changed: the screens following it hear it now rather than at the next poll.
    const action = (body as { action?: unknown } | null)?.action;
    if (answer.ok && typeof action === 'string' && /\.live(\.|$)/.test(action)) streams.poke();
    sendJson(res, 200, answer);
  }

  /** The demo user of the request's token; null without one; false for a token that no longer holds. */
  function signedIn(req: IncomingMessage, ports: LocalPorts): string | null | false {
    const header = req.headers.authorization;
    if (header === undefined || header === '') return null;
    const match = /^Bearer (.+)$/.exec(header);
    const key = match?.[1] ? auth.verify(match[1], ports.clock.now()) : null;
    if (key === null || !isSignInKey(key)) return false;
    return demoOpenid(key);
  }

  async function handleDev(req: IncomingMessage, res: ServerResponse, path: string, { ports }: Runtime): Promise<void> {
    if (path === '/dev/users' && req.method === 'GET') {
      return sendJson(res, 200, { users: demoUsers.map(({ key, name, description }) => ({ key, name, description })) });
    }
    if (path === '/dev/login' && req.method === 'POST') {
      const body = await readJson(req);
      const key = typeof body === 'object' && body !== null ? (body as { as?: unknown }).as : undefined;
      if (typeof key !== 'string' || !isSignInKey(key)) {
        return sendJson(
          res,
          400,
          failure(
            ErrorCode.INVALID_INPUT,
            `没有这个演示用户，可选：${demoUsers.map((u) => u.key).join('、')}，或 guest-<编号> 作为新的微信用户`,
          ),
        );
      }
      const name = demoUsers.find((u) => u.key === key)?.name ?? '微信用户';
      return sendJson(res, 200, { token: auth.issue(key, ports.clock.now()), user: { key, name } });
    }
    if (path === '/dev/clock') {
      // Moves the local cloud's clock (scheduled publishing, deadlines) without waiting: tests and demos.
      if (req.method === 'POST') {
        const body = (await readJson(req)) as { advanceMs?: unknown; set?: unknown } | null;
        if (typeof body?.advanceMs === 'number' && Number.isFinite(body.advanceMs)) ports.clock.advance(body.advanceMs);
        else if (typeof body?.set === 'string' && !Number.isNaN(Date.parse(body.set)))
          ports.clock.set(new Date(body.set));
        else return sendJson(res, 400, failure(ErrorCode.INVALID_INPUT, '请提供 advanceMs（毫秒）或 set（ISO 时间）'));
      }
      return sendJson(res, 200, { now: ports.clock.now().toISOString(), offsetMs: ports.clock.offsetMs });
    }
    if (path === '/dev/subscribe' && req.method === 'POST') {
      // The H5 build's wx.requestSubscribeMessage: the signed-in user taps 允许 (or 取消) for these templates.
      const openid = signedIn(req, ports);
      if (openid === null || openid === false) {
        return sendJson(res, 401, failure(ErrorCode.UNAUTHENTICATED, SIGNED_OUT));
      }
      const body = (await readJson(req)) as { templateIds?: unknown; result?: unknown } | null;
      const ids = body?.templateIds;
      if (
        !Array.isArray(ids) ||
        ids.length === 0 ||
        ids.length > MAX_TEMPLATES_PER_REQUEST ||
        !ids.every((id): id is string => typeof id === 'string' && TEMPLATE_ID_PATTERN.test(id))
      ) {
        return sendJson(
          res,
          400,
          failure(ErrorCode.INVALID_INPUT, `templateIds 应为 1–${MAX_TEMPLATES_PER_REQUEST} 个模板 ID`),
        );
      }
      const result = body?.result === 'reject' ? 'reject' : 'accept';
      if (result === 'accept') await ports.wechat.accept(openid, ids);
      return sendJson(res, 200, {
        errMsg: 'requestSubscribeMessage:ok',
        ...Object.fromEntries(ids.map((id) => [id, result])),
      });
    }
    if (path === '/dev/messages' && req.method === 'GET') {
      // What the stand-in of WeChat delivered (and refused), newest first, as the dev page shows it.
      const messages = await ports.wechat.messages(200);
      const names = await findByIds<UserDoc>(
        ports.db,
        C.users,
        messages.map((m) => m.message.toOpenid),
      );
      return sendJson(res, 200, {
        messages: messages.map((m) => ({
          to: m.message.toOpenid,
          toName: names.get(m.message.toOpenid)?.name ?? null,
          templateId: m.message.templateId,
          page: m.message.page,
          fields: m.message.data,
          at: m.sentAt,
          delivered: m.result.ok,
          ...(m.result.ok ? {} : { errCode: m.result.errCode, errMsg: m.result.errMsg }),
        })),
      });
    }
    return sendJson(res, 404, failure(ErrorCode.NOT_FOUND));
  }

  /** PUT /upload/…: the local stand-in of a client's upload to cloud storage, on a signed link. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, { ports }: Runtime): Promise<void> {
    if (req.method !== 'PUT') return sendJson(res, 405, failure(ErrorCode.INVALID_INPUT, '请使用 PUT 上传文件'));
    const grant = ports.localFiles.verifyUpload(url.pathname + url.search);
    if (grant === null) return sendJson(res, 403, failure(ErrorCode.FORBIDDEN, '上传链接无效或已过期，请重新选择文件'));
    // Keep one byte past the limit, so acceptUpload can tell "too large" from "exactly the limit".
    const body = await readBody(req, grant.maxBytes + 1);
    if (body === null) return;
    try {
      const stored = await ports.localFiles.acceptUpload(grant, body.kept, req.headers['content-type'] ?? '');
      sendJson(res, 200, { ok: true, data: stored });
    } catch (error) {
      if (error instanceof UploadRefusedError) {
        const tooLarge = error.code === 'TOO_LARGE';
        return sendJson(
          res,
          tooLarge ? 413 : 415,
          failure(ErrorCode.INVALID_INPUT, error.message),
          tooLarge ? CLOSE : {},
        );
      }
      throw error;
    }
  }

  function handleFile(res: ServerResponse, url: URL, { ports }: Runtime): void {
    const verified = ports.localFiles.verify(url.pathname + url.search);
    if (verified === null) return sendJson(res, 403, failure(ErrorCode.FORBIDDEN, '文件链接无效或已过期'));
    const file = ports.localFiles.resolve(verified.fileId);
    if (!existsSync(file)) return sendJson(res, 404, failure(ErrorCode.NOT_FOUND, '文件不存在'));
    const type = mimeLookup(file) ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      'cache-control': 'private, no-store',
      // An uploaded file that sniffs as HTML must not run as a page on this origin, where the dev routes live.
      'x-content-type-options': 'nosniff',
      'content-disposition': contentDisposition(type, file),
    });
    createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const handle = async () => {
      const runtime = await ready;
      const { ports } = runtime;
      if (path === '/healthz') {
        return sendJson(res, 200, { ok: true, runtime: 'local', version, time: ports.clock.now().toISOString() });
      }
      const fn = /^\/api\/([A-Za-z0-9_-]+)$/.exec(path);
      if (fn?.[1]) return handleApi(req, res, fn[1], runtime);
      if (path.startsWith('/api/')) return sendJson(res, 404, failure(ErrorCode.NOT_FOUND, '接口不存在'));
      if (path.startsWith('/dev/')) {
        // One guard for every dev route, present and future: they sign anyone in and move the clock.
        const refusal = refuseDevRequest(req);
        if (refusal) return sendJson(res, refusal.status, failure(refusal.code, refusal.message));
        return handleDev(req, res, path, runtime);
      }
      const live = /^\/live\/([^/]{1,200})\/stream$/.exec(path);
      if (live?.[1] && req.method === 'GET') {
        // Clients encode the id (its colons become %3A); only an id of the wire's shape reaches the database.
        let liveId = '';
        try {
          liveId = decodeURIComponent(live[1]);
        } catch {
          // A malformed escape is no id at all.
        }
        if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(liveId))
          return sendJson(res, 404, failure(ErrorCode.NOT_FOUND, '该场决赛不存在'));
        return runtime.streams.handle(req, res, liveId);
      }
      if (path.startsWith('/files/')) return handleFile(res, url, runtime);
      if (path.startsWith('/upload/')) return handleUpload(req, res, url, runtime);
      if (serveH5) return serveH5(req, res, () => sendJson(res, 404, failure(ErrorCode.NOT_FOUND)));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notBuiltPage);
    };
    handle().catch((error: unknown) => {
      if (error instanceof BodyAbandoned) return;
      if (error instanceof BodyError)
        return sendJson(res, error.status, failure(ErrorCode.INVALID_INPUT, error.message), error.close ? CLOSE : {});
      log.error('local server error', { path, error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) sendJson(res, 500, failure(ErrorCode.INTERNAL));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const baseUrl = `http://${shownHost}:${port}`;
  let ports: LocalPorts;
  try {
    ports = createLocalPorts({ dataDir: options.dataDir, secret, baseUrl, log });
    await seedDemoData(ports);
    await seedJudgingDemo(ports);
    await seedLiveDemo(ports);
    await options.extraSeed?.(ports);
  } catch (error) {
    server.close();
    throw error;
  }
  const api = createApi({
    ports,
    adminOpenids: new Set(options.adminOpenids ?? DEMO_ADMIN_OPENIDS),
    runtime: 'local',
    version,
    // A key of its own, derived so that it survives restarts with the data dir.
    idHashKey: createHmac('sha256', secret).update('id-number-hash').digest(),
    templates: localTemplateIds(),
  });
  const streams = createLiveStreams(ports.db, ports.clock);
  markReady({ ports, api, streams });
  const runCron = () => cronTick(ports, `local-${randomUUID()}`, { templates: localTemplateIds() });

  const interval = options.cronIntervalMs ?? 60_000;
  let ticking = false;
  const timer =
    interval > 0
      ? setInterval(() => {
          if (ticking) return;
          ticking = true;
          runCron()
            .catch((error: unknown) => log.error('cron tick failed', { error: String(error) }))
            .finally(() => {
              ticking = false;
            });
        }, interval)
      : null;
  timer?.unref();
  // A fresh data dir gets its recurring jobs at once instead of a minute later.
  if (interval > 0) await runCron().catch((error: unknown) => log.error('cron tick failed', { error: String(error) }));

  return {
    url: baseUrl,
    port,
    ports,
    api,
    runCron,
    dropLiveStreams: () => streams.drop(),
    async close() {
      if (timer) clearInterval(timer);
      streams.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      ports.close();
    },
  };
}

export type { Ports };
