import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { Clock, Files, StoredFile } from '../../ports';
import { checkStoragePath, checkTemporaryUrlSeconds } from '../cloud/cloud-files';

const FILE_ID_PREFIX = 'local://';
const URL_PREFIX = '/files/';
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

export interface LocalFiles extends Files {
  /**
   * Checks a temporary link as the local server receives it (`/files/<path>?exp=..&sig=..`, or the whole
   * URL). Returns the file it grants, or null when expired, tampered with or malformed.
   */
  verify(urlPathAndQuery: string): { fileId: string } | null;
  /** The absolute path of a file on disk (it may not exist). */
  resolve(fileId: string): string;
}

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

  const sign = (path: string, exp: number): string =>
    createHmac('sha256', secret).update(`${path}\n${exp}`, 'utf8').digest('hex');

  return {
    async put(path: string, content: Uint8Array, _contentType: string): Promise<StoredFile> {
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
      const exp = Math.floor(clock.now().getTime() / 1000) + ttl;
      const encoded = path.split('/').map(encodeURIComponent).join('/');
      return `${base}${URL_PREFIX}${encoded}?exp=${exp}&sig=${sign(path, exp)}`;
    },

    async remove(fileId: string): Promise<void> {
      // force: removing what is already gone succeeds, so a retried removal does not fail.
      await fs.rm(absolute(pathOf(fileId)), { force: true });
    },

    verify(urlPathAndQuery: string): { fileId: string } | null {
      let url: URL;
      try {
        url = new URL(urlPathAndQuery, 'http://local.invalid');
      } catch {
        return null;
      }
      let pathname = url.pathname;
      if (basePath && pathname.startsWith(`${basePath}${URL_PREFIX}`)) pathname = pathname.slice(basePath.length);
      if (!pathname.startsWith(URL_PREFIX)) return null;

      let path: string;
      try {
        path = pathname.slice(URL_PREFIX.length).split('/').map(decodeURIComponent).join('/');
        checkPath(path);
      } catch {
        return null;
      }

      const expText = url.searchParams.get('exp') ?? '';
      const sig = url.searchParams.get('sig') ?? '';
      if (!/^\d{1,12}$/.test(expText) || !/^[0-9a-f]{64}$/.test(sig)) return null;
      const exp = Number(expText);
      const expected = Buffer.from(sign(path, exp), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return null;
      if (clock.now().getTime() >= exp * 1000) return null;
      return { fileId: `${FILE_ID_PREFIX}${path}` };
    },

    resolve(fileId: string): string {
      return absolute(pathOf(fileId));
    },
  };
}
