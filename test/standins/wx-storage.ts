/**
 * In-memory stand-in of wx-server-sdk's storage calls, keeping the documented shapes and limits:
 * - uploadFile: cloudPath naming rules (not empty, no leading `/`, no `//`, ≤ 850 bytes, no CAN/EM/SUB/ESC),
 *   same path overwrites — https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/storage/naming.html
 * - getTempFileURL: at most 50 per call, validity default one day and at most one day, a missing file is a
 *   per-item non-zero status with errMsg rather than a thrown error —
 *   https://mp.weixin.qq.com/debug/minigame/dev/wxcloud/reference-server-api/storage/getTempFileURL.html
 * - deleteFile: at most 50 per call, per-item status —
 *   https://mp.weixin.qq.com/debug/minigame/dev/wxcloud/reference-server-api/storage/deleteFile.html
 *   For a missing file both give the item wx-server-sdk builds from CloudBase's STORAGE_FILE_NONEXIST:
 *   `{ status: -503003, errMsg: 'storage file not exists' }` with no `code` (wx-server-sdk 4.0.2,
 *   src/api/cloud/provider/tcb/api/getTempFileURL.ts and deleteFile.ts, src/config/error.config.ts).
 * - downloadFile: `{ fileContent: Buffer }`, a failure is thrown.
 * - fileIDs are `cloud://<env>.<bucket>/<cloudPath>`, the cloudPath verbatim.
 * - The CDN behind tempFileURL answers GET and HEAD (HEAD is what @cloudbase/node-sdk's getFileInfo sends
 *   for Content-Length / Content-Type, src/storage/index.ts). Objects are stored without a content type
 *   (uploadFile sends none), so the served type follows the extension, `application/octet-stream` when
 *   unknown; the stand-in's table is mrmime's, near enough to COS's for the common types.
 * - clientUpload is `wx.cloud.uploadFile({ cloudPath, filePath })` from the mini-program: the same naming
 *   rules and the same object store, any size and any bytes (no size or type can be bound to it).
 * Error codes the docs do not give are marked as the stand-in's choice.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { lookup as mimeLookup } from 'mrmime';
import type {
  WxCloudSdkError,
  WxDeleteFileParams,
  WxDeleteFileResult,
  WxDownloadFileParams,
  WxDownloadFileResult,
  WxGetTempFileURLParams,
  WxGetTempFileURLResult,
  WxStorageApi,
  WxTempFileResult,
  WxUploadFileParams,
  WxUploadFileResult,
} from '../../cloudfunctions/adapters/cloud/wx-cloud-types';

export const MAX_FILES_PER_CALL = 50;
export const DEFAULT_MAX_AGE_SECONDS = 24 * 60 * 60;
export const MAX_MAX_AGE_SECONDS = 24 * 60 * 60;
/** tcb error table: STORAGE_FILE_NONEXIST. */
export const STORAGE_FILE_NONEXIST = -503003;
/** wx-server-sdk's text for -503003 in per-item results. */
export const STORAGE_FILE_NONEXIST_MSG = 'storage file not exists';

/** Builds what wx-server-sdk throws: a CloudSDKError whose message reads `errCode: N | errMsg: ...`. */
export function sdkError(errCode: number, errMsg: string): WxCloudSdkError {
  const error = new Error(`errCode: ${errCode} | errMsg: ${errMsg}`) as WxCloudSdkError;
  error.name = 'CloudSDKError';
  error.errCode = errCode;
  error.errMsg = errMsg;
  return error;
}

export type TempFetchResult =
  | { status: 200; body: Uint8Array }
  | { status: 403 | 404; body: null; reason: 'bad-url' | 'bad-sign' | 'expired' | 'missing' };

export interface TempHeadResult {
  status: 200 | 403 | 404;
  /** Lower-case names, as node:http reports them. */
  headers: Record<string, string>;
}

export interface WxStorageStandin extends WxStorageApi {
  readonly envId: string;
  /** Follows a tempFileURL the way the CDN would at `nowSeconds`. */
  fetchTemp(url: string, nowSeconds: number): TempFetchResult;
  /** A HEAD of a tempFileURL at `nowSeconds`: the same checks as fetchTemp, headers instead of bytes. */
  headTemp(url: string, nowSeconds: number): TempHeadResult;
  /** `wx.cloud.uploadFile({ cloudPath, filePath })` from a client, with the file's bytes. */
  clientUpload(cloudPath: string, content: Uint8Array): Promise<{ fileID: string; statusCode: number; errMsg: string }>;
  has(cloudPath: string): boolean;
  readonly fileCount: number;
}

export interface WxStorageStandinOptions {
  envId?: string;
  /** The Tencent Cloud account id that ends real bucket names. */
  appId?: string;
  /** Milliseconds since the epoch, read when a link is signed. */
  now?: () => number;
}

function namingProblem(cloudPath: string): string | null {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0) return 'cloudPath 不能为空';
  if (cloudPath.startsWith('/')) return 'cloudPath 不能以 / 开头';
  if (cloudPath.includes('//')) return 'cloudPath 不能出现连续 /';
  if (Buffer.byteLength(cloudPath, 'utf8') > 850) return 'cloudPath 编码长度超过 850 字节';
  // CAN, EM, SUB, ESC (24-27) are the control characters the naming rules name.
  if (Array.from(cloudPath).some((ch) => ch.charCodeAt(0) >= 24 && ch.charCodeAt(0) <= 27)) {
    return 'cloudPath 含不支持的控制字符';
  }
  return null;
}

export function createWxStorageStandin(options: WxStorageStandinOptions = {}): WxStorageStandin {
  const envId = options.envId ?? 'contest-dev-1a2b3c';
  const appId = options.appId ?? '1250000000';
  const now = options.now ?? Date.now;
  // Real buckets start with the hex of the env id's first two characters ("te" → 7465 in
  // cloud://test2-4a89da.7465-test2-4a89da/A.png).
  const bucket = `${Buffer.from(envId.slice(0, 2), 'utf8').toString('hex')}-${envId}-${appId}`;
  const idPrefix = `cloud://${envId}.${bucket}/`;
  const host = `${bucket}.tcb.qcloud.la`;
  const secret = `standin-${envId}-${Math.random()}`;
  const objects = new Map<string, Buffer>();

  const pathOf = (fileID: string): string | null =>
    typeof fileID === 'string' && fileID.startsWith(idPrefix) ? fileID.slice(idPrefix.length) : null;
  const sign = (path: string, t: number): string =>
    createHmac('sha256', secret).update(`${path}|${t}`).digest('hex').slice(0, 32);

  /** What the CDN does with a tempFileURL: check host, signature and expiry, then find the object. */
  const follow = (
    url: string,
    nowSeconds: number,
  ):
    | { path: string; stored: Buffer }
    | { status: 403 | 404; reason: 'bad-url' | 'bad-sign' | 'expired' | 'missing' } => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { status: 403, reason: 'bad-url' };
    }
    if (parsed.protocol !== 'https:' || parsed.host !== host) return { status: 403, reason: 'bad-url' };
    let path: string;
    try {
      path = parsed.pathname.slice(1).split('/').map(decodeURIComponent).join('/');
    } catch {
      return { status: 403, reason: 'bad-url' };
    }
    const tText = parsed.searchParams.get('t') ?? '';
    const given = parsed.searchParams.get('sign') ?? '';
    if (!/^\d+$/.test(tText) || !/^[0-9a-f]{32}$/.test(given)) return { status: 403, reason: 'bad-sign' };
    const t = Number(tText);
    if (!timingSafeEqual(Buffer.from(sign(path, t)), Buffer.from(given))) return { status: 403, reason: 'bad-sign' };
    if (nowSeconds >= t) return { status: 403, reason: 'expired' };
    const stored = objects.get(path);
    if (!stored) return { status: 404, reason: 'missing' };
    return { path, stored };
  };

  const checkBatch = (api: string, list: readonly unknown[] | undefined): void => {
    if (!Array.isArray(list) || list.length === 0) throw sdkError(-1, `${api}:fail fileList 不能为空`);
    if (list.length > MAX_FILES_PER_CALL) {
      throw sdkError(-1, `${api}:fail fileList 一次最多 ${MAX_FILES_PER_CALL} 个，收到 ${list.length} 个`);
    }
  };

  return {
    envId,

    async uploadFile({ cloudPath, fileContent }: WxUploadFileParams): Promise<WxUploadFileResult> {
      const problem = namingProblem(cloudPath);
      // The code for a bad name is not documented; -1 is the SDK's generic failure.
      if (problem) throw sdkError(-1, `uploadFile:fail ${problem}`);
      if (!Buffer.isBuffer(fileContent)) throw sdkError(-1, 'uploadFile:fail fileContent 须为 Buffer 或 ReadStream');
      // Copy: what was uploaded must not change when the caller reuses its buffer.
      objects.set(cloudPath, Buffer.from(fileContent));
      return { fileID: `${idPrefix}${cloudPath}`, statusCode: 200 };
    },

    async getTempFileURL({ fileList }: WxGetTempFileURLParams): Promise<WxGetTempFileURLResult> {
      checkBatch('getTempFileURL', fileList);
      const nowSeconds = Math.floor(now() / 1000);
      return {
        errMsg: 'getTempFileURL:ok',
        fileList: fileList.map((entry): WxTempFileResult => {
          const fileID = typeof entry === 'string' ? entry : entry.fileID;
          const asked = typeof entry === 'string' ? DEFAULT_MAX_AGE_SECONDS : entry.maxAge;
          const path = pathOf(fileID);
          if (path === null || !objects.has(path)) {
            return { fileID, tempFileURL: '', status: STORAGE_FILE_NONEXIST, errMsg: STORAGE_FILE_NONEXIST_MSG };
          }
          if (typeof asked !== 'number' || !Number.isFinite(asked) || asked <= 0) {
            return { fileID, tempFileURL: '', status: -1, errMsg: 'maxAge 无效', code: 'INVALID_PARAM' };
          }
          const maxAge = Math.min(Math.floor(asked), MAX_MAX_AGE_SECONDS);
          const t = nowSeconds + maxAge;
          const encoded = path.split('/').map(encodeURIComponent).join('/');
          const tempFileURL = `https://${host}/${encoded}?sign=${sign(path, t)}&t=${t}`;
          return { fileID, tempFileURL, status: 0, errMsg: 'ok', maxAge };
        }),
      };
    },

    async deleteFile({ fileList }: WxDeleteFileParams): Promise<WxDeleteFileResult> {
      checkBatch('deleteFile', fileList);
      return {
        errMsg: 'deleteFile:ok',
        fileList: fileList.map((fileID) => {
          const path = pathOf(fileID);
          if (path === null || !objects.delete(path)) {
            return { fileID, status: STORAGE_FILE_NONEXIST, errMsg: STORAGE_FILE_NONEXIST_MSG };
          }
          return { fileID, status: 0, errMsg: 'ok' };
        }),
      };
    },

    async downloadFile({ fileID }: WxDownloadFileParams): Promise<WxDownloadFileResult> {
      const path = pathOf(fileID);
      const stored = path === null ? undefined : objects.get(path);
      if (!stored) throw sdkError(STORAGE_FILE_NONEXIST, 'downloadFile:fail STORAGE_FILE_NONEXIST');
      return { fileContent: Buffer.from(stored), statusCode: 200 };
    },

    fetchTemp(url: string, nowSeconds: number): TempFetchResult {
      const answer = follow(url, nowSeconds);
      if ('reason' in answer) return { status: answer.status, body: null, reason: answer.reason };
      return { status: 200, body: new Uint8Array(answer.stored) };
    },

    headTemp(url: string, nowSeconds: number): TempHeadResult {
      const answer = follow(url, nowSeconds);
      if ('reason' in answer) return { status: answer.status, headers: { 'content-type': 'application/xml' } };
      return {
        status: 200,
        headers: {
          'content-length': String(answer.stored.byteLength),
          'content-type': mimeLookup(answer.path) ?? 'application/octet-stream',
        },
      };
    },

    async clientUpload(cloudPath: string, content: Uint8Array) {
      const problem = namingProblem(cloudPath);
      if (problem) throw sdkError(-1, `cloud.uploadFile:fail ${problem}`);
      objects.set(cloudPath, Buffer.from(content));
      return { fileID: `${idPrefix}${cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
    },

    has(cloudPath: string): boolean {
      return objects.has(cloudPath);
    },

    get fileCount(): number {
      return objects.size;
    },
  };
}
