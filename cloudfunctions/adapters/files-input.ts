import type { UploadTargetOptions } from '../ports';

/** Checks of what use cases hand the Files port, shared by both adapters so the local one refuses what CloudBase would. */

/**
 * getTempFileURL links last at most one day ("默认一天且最大不超过一天",
 * https://mp.weixin.qq.com/debug/minigame/dev/wxcloud/reference-server-api/storage/getTempFileURL.html).
 * Both adapters refuse longer links instead of silently handing out one that dies early.
 */
export const MAX_TEMPORARY_URL_SECONDS = 24 * 60 * 60;

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

/** `type/subtype` as RFC 6838 allows it (no parameters), lower case. */
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** Checks uploadTarget's options (shared by the local adapter); returns the content type in lower case. */
export function checkUploadOptions(options: UploadTargetOptions): { maxBytes: number; contentType: string } {
  const { maxBytes, contentType, ttlSeconds } = options;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new Error(`上传大小上限须为正整数（字节），收到 ${maxBytes}`);
  }
  const type = typeof contentType === 'string' ? contentType.trim().toLowerCase() : '';
  if (!MIME_TYPE.test(type)) throw new Error(`上传文件类型不合法：${JSON.stringify(contentType)}`);
  checkTemporaryUrlSeconds(ttlSeconds);
  return { maxBytes, contentType: type };
}

/** The `type/subtype` of a Content-Type header value, lower case; null when there is none. */
export function mimeOf(header: string | null | undefined): string | null {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' ? null : type;
}
