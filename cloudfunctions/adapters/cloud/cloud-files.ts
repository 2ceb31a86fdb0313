import * as http from 'node:http';
import * as https from 'node:https';
import type { FileStat, Files, StoredFile, UploadTarget, UploadTargetOptions } from '../../ports';
import { checkStoragePath, checkTemporaryUrlSeconds, checkUploadOptions, mimeOf } from '../files-input';
import { isWxCloudSdkError } from './wx-cloud-types';
import type { WxStorageApi } from './wx-cloud-types';

/** CloudBase's code for a missing object (tcb error table: STORAGE_FILE_NONEXIST = -503003). */
const STORAGE_FILE_NONEXIST = -503003;

function checkCloudFileId(fileId: string): string {
  if (!fileId.startsWith('cloud://')) throw new Error(`不是云存储文件 ID：${JSON.stringify(fileId)}`);
  return fileId;
}

/**
 * wx-server-sdk maps CloudBase's STORAGE_FILE_NONEXIST to -503003, both as a thrown errCode and as a
 * getTempFileURL item's status (src/api/cloud/provider/tcb/api/getTempFileURL.ts, TCB_ERR_CODE).
 */
function isMissing(errCode: number | undefined, errMsg: string | undefined, code?: string): boolean {
  return (
    errCode === STORAGE_FILE_NONEXIST ||
    code === 'STORAGE_FILE_NONEXIST' ||
    /STORAGE_FILE_NONEXIST|NoSuchKey|not exist/i.test(errMsg ?? '')
  );
}

function missing(fileId: string): Error {
  return new Error(`文件不存在：${fileId}`);
}

/** Bytes as a plain Uint8Array view, so callers comparing with other adapters see the same type. */
function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** What a HEAD request answered; header names in lower case. */
export interface HeadResponse {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
}

/** Sends `HEAD url`. Injected so tests can answer for the storage CDN. */
export type HeadRequest = (url: string) => Promise<HeadResponse>;

export interface CloudFilesOptions {
  /** Defaults to a HEAD over node:http(s): the deployed runtime is Node.js 16, which has no fetch. */
  head?: HeadRequest;
}

const HEAD_TIMEOUT_MS = 10_000;

/** Link lifetime for stat's own HEAD request; it is used at once. */
const STAT_LINK_SECONDS = 60;

/**
 * Uploaded once per process by fileIdFor when no put() has shown this environment's fileID prefix yet.
 * A dot folder, so it sorts apart from the app's own paths in the console.
 */
export const FILE_ID_PROBE_PATH = '.system/fileid-probe.txt';

function nodeHead(url: string): Promise<HeadResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'http:' ? http : https;
    const request = client.request(target, { method: 'HEAD', timeout: HEAD_TIMEOUT_MS }, (response) => {
      response.resume();
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      resolve({ status: response.statusCode ?? 0, headers });
    });
    request.on('timeout', () => request.destroy(new Error(`HEAD 请求超时：${target.host}`)));
    request.on('error', reject);
    request.end();
  });
}

/**
 * Files on WeChat cloud storage. The fileId is the `cloud://` fileID; uploadFile takes no content type
 * (storage derives the served type from the path's extension), so `contentType` is not sent.
 *
 * What wx-server-sdk offers for storage is uploadFile, downloadFile, getTempFileURL and deleteFile
 * (its index.d.ts and `src/api/storage/api/api.ts`, v3 and v4): no metadata call, and no call that maps
 * a cloudPath to a fileID without writing. Hence:
 *  - stat: getTempFileURL (a missing file is an item with a non-zero status) and then a HEAD of that
 *    link for Content-Length / Content-Type. That is how @cloudbase/node-sdk's own `getFileInfo` works
 *    (the layer under wx-server-sdk 4, src/storage/index.ts), without moving the bytes; if the CDN
 *    refuses the HEAD, downloadFile measures the file instead (slow, but right).
 *  - fileIdFor: a fileID is `cloud://<env>.<bucket>/<cloudPath>`, and the bucket
 *    (`<hex>-<env>-<Tencent Cloud appid>`) is nowhere in the function's context. The prefix is taken
 *    from the fileID of the first put() in this process, else from uploading a tiny probe file once.
 */
export function createCloudFiles(cloud: WxStorageApi, options: CloudFilesOptions = {}): Files {
  const head = options.head ?? nodeHead;
  let prefix: Promise<string> | undefined;

  /** Remembers `cloud://<env>.<bucket>/` when a fileID shows it, i.e. ends with the path it was stored at. */
  const learn = (fileID: string, cloudPath: string): string | null => {
    const found = fileID.endsWith(`/${cloudPath}`) ? fileID.slice(0, fileID.length - cloudPath.length) : '';
    // Exactly `cloud://<env>.<bucket>/`: anything else means fileIDs are not built the way we assume.
    if (!/^cloud:\/\/[^/]+\/$/.test(found)) return null;
    prefix ??= Promise.resolve(found);
    return found;
  };

  const upload = async (cloudPath: string, content: Uint8Array): Promise<string> => {
    const result = await cloud.uploadFile({
      cloudPath,
      fileContent: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
    });
    if (typeof result.fileID !== 'string' || !result.fileID.startsWith('cloud://')) {
      throw new Error(`上传文件失败：未返回文件 ID（${cloudPath}）`);
    }
    return result.fileID;
  };

  const probe = async (): Promise<string> => {
    const fileID = await upload(FILE_ID_PROBE_PATH, Buffer.from('fileID probe\n', 'utf8'));
    const found = learn(fileID, FILE_ID_PROBE_PATH);
    if (found === null) throw new Error(`无法确定云存储文件 ID 的格式：${fileID}`);
    return found;
  };

  /** The fileID's link, or null when storage says the file does not exist. */
  const link = async (fileId: string, maxAge: number): Promise<string | null> => {
    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge }] });
    const item = fileList.find((entry) => entry.fileID === fileId) ?? fileList[0];
    // A failed item comes back with status ≠ 0 and an empty tempFileURL: never hand '' to a caller.
    if (!item || item.status !== 0 || !item.tempFileURL) {
      if (item && isMissing(item.status, item.errMsg, item.code)) return null;
      throw new Error(`无法生成临时链接：${fileId}（${item ? `${item.status} ${item.errMsg}` : '无返回'}）`);
    }
    return item.tempFileURL;
  };

  const read = async (fileId: string): Promise<Uint8Array | null> => {
    try {
      const { fileContent } = await cloud.downloadFile({ fileID: fileId });
      return asBytes(fileContent);
    } catch (error) {
      if (isWxCloudSdkError(error) && isMissing(error.errCode, error.errMsg)) return null;
      throw error;
    }
  };

  return {
    async put(path: string, content: Uint8Array, _contentType: string): Promise<StoredFile> {
      const cloudPath = checkStoragePath(path);
      const fileId = await upload(cloudPath, content);
      learn(fileId, cloudPath);
      return { fileId, size: content.byteLength };
    },

    async read(fileId: string): Promise<Uint8Array> {
      checkCloudFileId(fileId);
      const content = await read(fileId);
      if (content === null) throw missing(fileId);
      return content;
    },

    async temporaryUrl(fileId: string, ttlSeconds: number): Promise<string> {
      checkCloudFileId(fileId);
      const url = await link(fileId, checkTemporaryUrlSeconds(ttlSeconds));
      if (url === null) throw missing(fileId);
      return url;
    },

    async remove(fileId: string): Promise<void> {
      checkCloudFileId(fileId);
      const { fileList } = await cloud.deleteFile({ fileList: [fileId] });
      const item = fileList.find((entry) => entry.fileID === fileId) ?? fileList[0];
      if (!item) throw new Error(`删除文件失败：${fileId}（无返回）`);
      // Already gone is what the caller wanted; a retried removal must not fail.
      if (item.status === 0 || isMissing(undefined, item.errMsg, item.code)) return;
      throw new Error(`删除文件失败：${fileId}（${item.status} ${item.errMsg}）`);
    },

    async uploadTarget(path: string, options: UploadTargetOptions): Promise<UploadTarget> {
      // WeChat cannot bind a size or type to a client's wx.cloud.uploadFile: the options are checked so
      // callers fail the same way on both stores, and the use case checks the file with stat afterwards.
      checkUploadOptions(options);
      return { kind: 'wx-cloud', cloudPath: checkStoragePath(path) };
    },

    async stat(fileId: string): Promise<FileStat | null> {
      checkCloudFileId(fileId);
      const url = await link(fileId, STAT_LINK_SECONDS);
      if (url === null) return null;
      // new URL() percent-encodes raw non-ASCII path characters and keeps existing escapes, so the
      // request line is valid whether or not storage encoded the link.
      const answer = await head(new URL(url).href);
      if (answer.status === 404) return null;
      const length = answer.headers['content-length'] ?? '';
      if (answer.status === 200 && /^\d{1,15}$/.test(length)) {
        return { size: Number(length), contentType: mimeOf(answer.headers['content-type']) };
      }
      const content = await read(fileId);
      return content === null ? null : { size: content.byteLength, contentType: null };
    },

    async fileIdFor(path: string): Promise<string> {
      const cloudPath = checkStoragePath(path);
      if (prefix === undefined) {
        const probing = probe();
        prefix = probing;
        // A failed probe must not stick: the next call tries again.
        probing.catch(() => {
          if (prefix === probing) prefix = undefined;
        });
      }
      return `${await prefix}${cloudPath}`;
    },
  };
}
