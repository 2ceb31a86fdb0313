import type { Files, StoredFile } from '../../ports';
import { isWxCloudSdkError } from './wx-cloud-types';
import type { WxStorageApi } from './wx-cloud-types';

/**
 * getTempFileURL links last at most one day ("默认一天且最大不超过一天",
 * https://mp.weixin.qq.com/debug/minigame/dev/wxcloud/reference-server-api/storage/getTempFileURL.html).
 * Both adapters refuse longer links instead of silently handing out one that dies early.
 */
export const MAX_TEMPORARY_URL_SECONDS = 24 * 60 * 60;

/** CloudBase's code for a missing object (tcb error table: STORAGE_FILE_NONEXIST = -503003). */
const STORAGE_FILE_NONEXIST = -503003;

/** CloudBase naming rule: the encoded path is at most 850 bytes. */
const MAX_PATH_BYTES = 850;

/**
 * Checks a storage path against CloudBase's naming rules
 * (https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/storage/naming.html: not empty, no leading `/`,
 * no `//`, ≤ 850 bytes, no CAN/EM/SUB/ESC) and refuses `.`/`..` segments and backslashes, so that the same
 * path is safe both as a cloud key and under the local folder. Shared by the local adapter.
 */
export function checkStoragePath(path: string): string {
  const refuse = (why: string): never => {
    throw new Error(`文件路径不合法（${why}）：${JSON.stringify(path)}`);
  };
  if (path.length === 0) refuse('为空');
  if (path.startsWith('/')) refuse('不能以 / 开头');
  if (path.includes('//')) refuse('不能包含连续的 /');
  if (path.endsWith('/')) refuse('不能以 / 结尾');
  if (path.includes('\\')) refuse('不能包含 \\');
  // Control characters cannot be carried safely in a URL or a file name.
  if (Array.from(path).some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) refuse('不能包含控制字符');
  if (Buffer.byteLength(path, 'utf8') > MAX_PATH_BYTES) refuse(`超过 ${MAX_PATH_BYTES} 字节`);
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) refuse('不能包含 . 或 .. 目录');
  return path;
}

export function checkTemporaryUrlSeconds(ttlSeconds: number): number {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TEMPORARY_URL_SECONDS) {
    throw new Error(`临时链接有效期须为 1 到 ${MAX_TEMPORARY_URL_SECONDS} 秒之间的整数，收到 ${ttlSeconds}`);
  }
  return ttlSeconds;
}

function checkCloudFileId(fileId: string): string {
  if (!fileId.startsWith('cloud://')) throw new Error(`不是云存储文件 ID：${JSON.stringify(fileId)}`);
  return fileId;
}

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

/**
 * Files on WeChat cloud storage. The fileId is the `cloud://` fileID; uploadFile takes no content type
 * (the CDN infers it from the path's extension), so `contentType` is not sent.
 */
export function createCloudFiles(cloud: WxStorageApi): Files {
  return {
    async put(path: string, content: Uint8Array, _contentType: string): Promise<StoredFile> {
      const cloudPath = checkStoragePath(path);
      const result = await cloud.uploadFile({
        cloudPath,
        fileContent: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
      });
      if (typeof result.fileID !== 'string' || !result.fileID.startsWith('cloud://')) {
        throw new Error(`上传文件失败：未返回文件 ID（${cloudPath}）`);
      }
      return { fileId: result.fileID, size: content.byteLength };
    },

    async read(fileId: string): Promise<Uint8Array> {
      checkCloudFileId(fileId);
      try {
        const { fileContent } = await cloud.downloadFile({ fileID: fileId });
        return asBytes(fileContent);
      } catch (error) {
        if (isWxCloudSdkError(error) && isMissing(error.errCode, error.errMsg)) throw missing(fileId);
        throw error;
      }
    },

    async temporaryUrl(fileId: string, ttlSeconds: number): Promise<string> {
      checkCloudFileId(fileId);
      const maxAge = checkTemporaryUrlSeconds(ttlSeconds);
      const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge }] });
      const item = fileList.find((entry) => entry.fileID === fileId) ?? fileList[0];
      // A failed item comes back with status ≠ 0 and an empty tempFileURL: never hand '' to a caller.
      if (!item || item.status !== 0 || !item.tempFileURL) {
        if (item && isMissing(undefined, item.errMsg, item.code)) throw missing(fileId);
        throw new Error(`无法生成临时链接：${fileId}（${item ? `${item.status} ${item.errMsg}` : '无返回'}）`);
      }
      return item.tempFileURL;
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
  };
}
