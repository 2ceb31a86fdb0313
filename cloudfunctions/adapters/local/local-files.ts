import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { lookup as mimeLookup } from 'mrmime';
import type { Clock, FileStat, Files, StoredFile, UploadTarget, UploadTargetOptions } from '../../ports';
import { checkStoragePath, checkTemporaryUrlSeconds, checkUploadOptions, mimeOf } from '../files-input';

const FILE_ID_PREFIX = 'local://';
const URL_PREFIX = '/files/';
const UPLOAD_PREFIX = '/upload/';
/** Half-written uploads live here until renamed into place; same folder tree, so rename is atomic. */
const INCOMING = '.incoming';

export interface LocalFilesOptions {
  /** Root folder; every file lives below it. */
  dir: string;
  /** Origin (and optional path prefix) the local cloud serves `/files/` under, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** HMAC key for temporary links (text or raw bytes). */
  secret: string | Uint8Array;
  clock: Clock;
}

/** What a verified upload URL allows: one file at `path`, of one type, up to `maxBytes`. */
export interface UploadGrant {
  readonly path: string;
  readonly maxBytes: number;
  readonly contentType: string;
}

export type UploadRefusal = 'TOO_LARGE' | 'WRONG_TYPE';

/** acceptUpload's refusal of the bytes themselves; the local server answers 413 / 415 with `message`. */
export class UploadRefusedError extends Error {
  readonly code: UploadRefusal;
  constructor(code: UploadRefusal, message: string) {
    super(message);
    this.name = 'UploadRefusedError';
    this.code = code;
  }
}

export interface LocalFiles extends Files {
  /**
   * Checks a temporary link as the local server receives it (`/files/<path>?exp=..&sig=..`, or the whole
   * URL). Returns the file it grants, or null when expired, tampered with or malformed.
   */
  verify(urlPathAndQuery: string): { fileId: string } | null;
  /**
   * Checks an upload URL from uploadTarget as the local server receives it
   * (`/upload/<path>?exp=..&max=..&type=..&sig=..`, or the whole URL). Returns what it grants, or null
   * when expired, tampered with, malformed, or a download link. The server should stop reading the body
   * past `maxBytes + 1` bytes and hand what it read to acceptUpload.
   */
  verifyUpload(urlPathAndQuery: string): UploadGrant | null;
  /**
   * Stores an upload's bytes, atomically like put(), if they keep to the grant: at most `maxBytes`
   * (else UploadRefusedError TOO_LARGE), sent as the granted type (`contentType` is the request's
   * Content-Type header) and, for PDF, PNG and JPEG, starting with that format's signature (else
   * WRONG_TYPE). Takes only grants returned by verifyUpload, so a route cannot skip the signature check.
   */
  acceptUpload(grant: UploadGrant, content: Uint8Array, contentType: string): Promise<StoredFile>;
  /** The absolute path of a file on disk (it may not exist). */
  resolve(fileId: string): string;
}

/** Leading bytes each type must start with; a header alone is whatever the client claims. */
const SIGNATURES: Readonly<Record<string, readonly Uint8Array[]>> = {
  'application/pdf': [Uint8Array.from(Buffer.from('%PDF-', 'latin1'))],
  'image/png': [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  'image/jpeg': [Uint8Array.of(0xff, 0xd8, 0xff)],
};

/** How refusals name a type to people; other types are named by their MIME type. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF 文件',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
};

function startsWith(content: Uint8Array, signature: Uint8Array): boolean {
  return content.byteLength >= signature.byteLength && signature.every((byte, i) => content[i] === byte);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

/** Signed payloads start with what they are for, so a download link never verifies as an upload link. */
const DOWNLOAD = 'download';
const UPLOAD = 'upload';

function missing(fileId: string): Error {
  return new Error(`文件不存在：${fileId}`);
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** Files in a local folder with HMAC-signed expiring links, standing in for cloud storage on the local cloud. */
export function createLocalFiles(options: LocalFilesOptions): LocalFiles {
  const root = nodePath.resolve(options.dir);
  const incoming = nodePath.join(root, INCOMING);
  const base = options.baseUrl.replace(/\/+$/, '');
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  const { secret, clock } = options;
  if (secret.length === 0) throw new Error('本地文件存储需要签名密钥');

  const checkPath = (path: string): string => {
    checkStoragePath(path);
    if (path === INCOMING || path.startsWith(`${INCOMING}/`)) {
      throw new Error(`文件路径不合法（保留目录）：${JSON.stringify(path)}`);
    }
    return path;
  };

  /** Joins under the root and re-checks, so no path ever leaves the folder whatever slipped through. */
  const absolute = (path: string): string => {
    const target = nodePath.resolve(root, ...checkPath(path).split('/'));
    if (!target.startsWith(root + nodePath.sep)) throw new Error(`文件路径不合法（越出存储目录）：${path}`);
    return target;
  };

  const pathOf = (fileId: string): string => {
    if (!fileId.startsWith(FILE_ID_PREFIX)) throw new Error(`不是本地文件 ID：${JSON.stringify(fileId)}`);
    return checkPath(fileId.slice(FILE_ID_PREFIX.length));
  };

  // Paths cannot hold control characters (checkStoragePath), so newline-joined fields cannot run together.
  const sign = (...fields: ReadonlyArray<string | number>): string =>
    createHmac('sha256', secret).update(fields.join('\n'), 'utf8').digest('hex');

  const signatureMatches = (given: string, expected: string): boolean =>
    /^[0-9a-f]{64}$/.test(given) && timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given, 'hex'));

  /** The storage path and query of a link under `prefix` (`/files/`, `/upload/`), or null if it is not one. */
  const parseLink = (urlPathAndQuery: string, prefix: string): { path: string; query: URLSearchParams } | null => {
    let url: URL;
    try {
      url = new URL(urlPathAndQuery, 'http://local.invalid');
    } catch {
      return null;
    }
    let pathname = url.pathname;
    if (basePath && pathname.startsWith(`${basePath}${prefix}`)) pathname = pathname.slice(basePath.length);
    if (!pathname.startsWith(prefix)) return null;
    try {
      const path = pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/');
      return { path: checkPath(path), query: url.searchParams };
    } catch {
      return null;
    }
  };

  const expiry = (ttlSeconds: number): number => Math.floor(clock.now().getTime() / 1000) + ttlSeconds;
  const expired = (exp: number): boolean => clock.now().getTime() >= exp * 1000;
  const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

  /** Grants verifyUpload handed out; acceptUpload takes no other. */
  const grants = new WeakSet<UploadGrant>();

  const write = async (path: string, content: Uint8Array): Promise<StoredFile> => {
    const target = absolute(path);
    await fs.mkdir(nodePath.dirname(target), { recursive: true });
    await fs.mkdir(incoming, { recursive: true });
    const temp = nodePath.join(incoming, `${randomBytes(12).toString('hex')}.part`);
    try {
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(content);
        // Flush before the rename, or a power cut could leave the new name pointing at empty blocks.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    return { fileId: `${FILE_ID_PREFIX}${path}`, size: content.byteLength };
  };

  return {
    async put(path: string, content: Uint8Array, _contentType: string): Promise<StoredFile> {
      return write(path, content);
    },

    async read(fileId: string): Promise<Uint8Array> {
      const target = absolute(pathOf(fileId));
      try {
        const buffer = await fs.readFile(target);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (error) {
        if (isNotFound(error)) throw missing(fileId);
        throw error;
      }
    },

    async temporaryUrl(fileId: string, ttlSeconds: number): Promise<string> {
      const path = pathOf(fileId);
      const ttl = checkTemporaryUrlSeconds(ttlSeconds);
      // Like getTempFileURL, a link to a file that is not there is an error, not a dead link.
      const stat = await fs.stat(absolute(path)).catch((error: unknown) => {
        if (isNotFound(error)) throw missing(fileId);
        throw error;
      });
      if (!stat.isFile()) throw missing(fileId);
      const exp = expiry(ttl);
      return `${base}${URL_PREFIX}${encodePath(path)}?exp=${exp}&sig=${sign(DOWNLOAD, path, exp)}`;
    },

    async remove(fileId: string): Promise<void> {
      // force: removing what is already gone succeeds, so a retried removal does not fail.
      await fs.rm(absolute(pathOf(fileId)), { force: true });
    },

    async uploadTarget(path: string, options: UploadTargetOptions): Promise<UploadTarget> {
      checkPath(path);
      const { maxBytes, contentType } = checkUploadOptions(options);
      const exp = expiry(options.ttlSeconds);
      const query = new URLSearchParams({
        exp: String(exp),
        max: String(maxBytes),
        type: contentType,
        sig: sign(UPLOAD, path, exp, maxBytes, contentType),
      });
      return { kind: 'http', url: `${base}${UPLOAD_PREFIX}${encodePath(path)}?${query}`, method: 'PUT' };
    },

    async stat(fileId: string): Promise<FileStat | null> {
      const path = pathOf(fileId);
      try {
        const stats = await fs.stat(absolute(path));
        // The type the local server's /files/ route serves the file with.
        return stats.isFile()
          ? { size: stats.size, contentType: mimeLookup(path) ?? 'application/octet-stream' }
          : null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async fileIdFor(path: string): Promise<string> {
      return `${FILE_ID_PREFIX}${checkPath(path)}`;
    },

    verify(urlPathAndQuery: string): { fileId: string } | null {
      const link = parseLink(urlPathAndQuery, URL_PREFIX);
      if (link === null) return null;
      const expText = link.query.get('exp') ?? '';
      if (!/^\d{1,12}$/.test(expText)) return null;
      const exp = Number(expText);
      if (!signatureMatches(link.query.get('sig') ?? '', sign(DOWNLOAD, link.path, exp))) return null;
      if (expired(exp)) return null;
      return { fileId: `${FILE_ID_PREFIX}${link.path}` };
    },

    verifyUpload(urlPathAndQuery: string): UploadGrant | null {
      const link = parseLink(urlPathAndQuery, UPLOAD_PREFIX);
      if (link === null) return null;
      const expText = link.query.get('exp') ?? '';
      const maxText = link.query.get('max') ?? '';
      const contentType = link.query.get('type') ?? '';
      if (!/^\d{1,12}$/.test(expText) || !/^[1-9]\d{0,14}$/.test(maxText)) return null;
      const exp = Number(expText);
      const maxBytes = Number(maxText);
      const expected = sign(UPLOAD, link.path, exp, maxBytes, contentType);
      if (!signatureMatches(link.query.get('sig') ?? '', expected)) return null;
      if (expired(exp)) return null;
      const grant: UploadGrant = Object.freeze({ path: link.path, maxBytes, contentType });
      grants.add(grant);
      return grant;
    },

    async acceptUpload(grant: UploadGrant, content: Uint8Array, contentType: string): Promise<StoredFile> {
      if (!grants.has(grant)) throw new Error('上传凭证无效：须先用 verifyUpload 校验上传链接');
      if (content.byteLength > grant.maxBytes) {
        throw new UploadRefusedError('TOO_LARGE', `文件超过大小上限 ${formatBytes(grant.maxBytes)}`);
      }
      const signatures = SIGNATURES[grant.contentType];
      const sentAs = mimeOf(contentType);
      if (sentAs !== grant.contentType || (signatures && !signatures.some((sig) => startsWith(content, sig)))) {
        const name = TYPE_NAMES[grant.contentType] ?? grant.contentType;
        throw new UploadRefusedError('WRONG_TYPE', `文件类型不符，只接受 ${name}`);
      }
      return write(grant.path, content);
    },

    resolve(fileId: string): string {
      return absolute(pathOf(fileId));
    },
  };
}
