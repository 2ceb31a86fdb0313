import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAdjustableClock } from '../../cloudfunctions/adapters/local/clock';
import { createLocalFiles, UploadRefusedError } from '../../cloudfunctions/adapters/local/local-files';
import type { LocalFiles } from '../../cloudfunctions/adapters/local/local-files';
import type { UploadTarget } from '../../cloudfunctions/ports';
import { describeFilesContract } from './files-contract';

const BASE_URL = 'http://127.0.0.1:8787';

async function setUp(baseUrl = BASE_URL) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-files-'));
  const clock = createAdjustableClock(new Date('2025-03-01T08:00:00+08:00'));
  clock.freeze();
  const files = createLocalFiles({ dir, baseUrl, secret: 'test-secret', clock });
  return { dir, clock, files };
}

/** What the local cloud's PUT /upload/ route does: check the link, then hand the bytes to acceptUpload. */
async function putUpload(files: LocalFiles, target: UploadTarget, content: Uint8Array, contentType: string) {
  if (target.kind !== 'http') throw new Error(`the local cloud gives http targets, not ${target.kind}`);
  if (!target.url.startsWith(BASE_URL)) return false;
  const grant = files.verifyUpload(target.url.slice(BASE_URL.length));
  if (grant === null) return false;
  try {
    await files.acceptUpload(grant, content, contentType);
    return true;
  } catch (error) {
    if (error instanceof UploadRefusedError) return false;
    throw error;
  }
}

const PDF = Uint8Array.from(Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'));

describeFilesContract('local folder', async () => {
  const { dir, clock, files } = await setUp();
  return {
    files,
    advanceSeconds: (seconds) => clock.advance(seconds * 1000),
    // What the local cloud's /files/ route does: check the signature, then read the file.
    async open(url) {
      if (!url.startsWith(BASE_URL)) return null;
      const granted = files.verify(url.slice(BASE_URL.length));
      if (!granted) return null;
      return files.read(granted.fileId).catch(() => null);
    },
    clientUpload: (target, content, contentType) => putUpload(files, target, content, contentType),
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
});

describe('local files', () => {
  let ctx: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    ctx = await setUp();
  });
  afterEach(async () => {
    await fs.rm(ctx.dir, { recursive: true, force: true });
  });

  it('stores under dir with a local:// id and leaves no partial files behind', async () => {
    const stored = await ctx.files.put('entries/e1/plan.pdf', Uint8Array.from([1, 2, 3]), 'application/pdf');
    expect(stored.fileId).toBe('local://entries/e1/plan.pdf');
    const onDisk = ctx.files.resolve(stored.fileId);
    expect(onDisk).toBe(path.join(ctx.dir, 'entries', 'e1', 'plan.pdf'));
    expect([...(await fs.readFile(onDisk))]).toEqual([1, 2, 3]);
    expect(await fs.readdir(path.join(ctx.dir, '.incoming'))).toEqual([]);
  });

  it('leaves nothing half-written when the final rename fails', async () => {
    const { fileId } = await ctx.files.put('a/b.bin', Uint8Array.from([1, 2, 3]), 'application/octet-stream');
    // A non-empty folder where the file should go makes the rename fail after the bytes were written.
    await fs.mkdir(path.join(ctx.dir, 'a', 'c', 'd'), { recursive: true });
    await expect(ctx.files.put('a/c', Uint8Array.from([9, 9]), 'application/octet-stream')).rejects.toThrow();
    expect(await fs.readdir(path.join(ctx.dir, '.incoming'))).toEqual([]);
    expect(await fs.readdir(path.join(ctx.dir, 'a', 'c'))).toEqual(['d']);
    expect([...(await ctx.files.read(fileId))]).toEqual([1, 2, 3]);
  });

  it('signs links as baseUrl/files/<path>?exp=<unix seconds>&sig=<hex>', async () => {
    const { fileId } = await ctx.files.put('entries/e1/商业计划书 v2.pdf', Uint8Array.from([1]), 'application/pdf');
    const url = new URL(await ctx.files.temporaryUrl(fileId, 600));
    expect(url.origin).toBe(BASE_URL);
    expect(decodeURIComponent(url.pathname)).toBe('/files/entries/e1/商业计划书 v2.pdf');
    expect(Number(url.searchParams.get('exp'))).toBe(Date.parse('2025-03-01T00:00:00Z') / 1000 + 600);
    expect(url.searchParams.get('sig')).toMatch(/^[0-9a-f]{64}$/);
    expect(ctx.files.verify(url.pathname + url.search)).toEqual({ fileId });
    expect(ctx.files.verify(url.href)).toEqual({ fileId });
  });

  it('refuses tampered, malformed and expired links', async () => {
    const { fileId } = await ctx.files.put('x/a.bin', Uint8Array.from([1]), 'application/octet-stream');
    const url = new URL(await ctx.files.temporaryUrl(fileId, 60));
    const query = (exp: string | null, sig: string | null) => {
      const params = new URLSearchParams();
      if (exp !== null) params.set('exp', exp);
      if (sig !== null) params.set('sig', sig);
      return `${url.pathname}?${params}`;
    };
    const exp = url.searchParams.get('exp') ?? '';
    const sig = url.searchParams.get('sig') ?? '';
    const flipped = (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1);
    expect(ctx.files.verify(query(exp, sig))).toEqual({ fileId });
    expect(ctx.files.verify(query(String(Number(exp) + 3600), sig))).toBeNull();
    expect(ctx.files.verify(query(exp, flipped))).toBeNull();
    expect(ctx.files.verify(query(exp, sig.slice(2)))).toBeNull();
    expect(ctx.files.verify(query(null, sig))).toBeNull();
    expect(ctx.files.verify(query(exp, null))).toBeNull();
    expect(ctx.files.verify(`/other/x/a.bin?exp=${exp}&sig=${sig}`)).toBeNull();
    expect(ctx.files.verify(`/files/x/%2e%2e/a.bin?exp=${exp}&sig=${sig}`)).toBeNull();
    expect(ctx.files.verify(`/files/%E0%A4%A?exp=${exp}&sig=${sig}`)).toBeNull();
    ctx.clock.advance(60_000);
    expect(ctx.files.verify(query(exp, sig))).toBeNull();
  });

  it('does not accept another secret’s links', async () => {
    const { fileId } = await ctx.files.put('x/a.bin', Uint8Array.from([1]), 'application/octet-stream');
    const other = createLocalFiles({ dir: ctx.dir, baseUrl: BASE_URL, secret: 'other', clock: ctx.clock });
    const url = await ctx.files.temporaryUrl(fileId, 60);
    expect(other.verify(url)).toBeNull();
  });

  it('works under a base URL with a path prefix', async () => {
    const prefixed = await setUp('http://localhost:8787/cloud/');
    try {
      const { fileId } = await prefixed.files.put('x/a.bin', Uint8Array.from([1]), 'application/octet-stream');
      const url = new URL(await prefixed.files.temporaryUrl(fileId, 60));
      expect(url.pathname).toBe('/cloud/files/x/a.bin');
      expect(prefixed.files.verify(url.pathname + url.search)).toEqual({ fileId });
    } finally {
      await fs.rm(prefixed.dir, { recursive: true, force: true });
    }
  });

  it('refuses ids of other stores and the reserved upload folder', async () => {
    await expect(ctx.files.read('cloud://env.bucket/x/a.bin')).rejects.toThrow(/不是本地文件/);
    expect(() => ctx.files.resolve('local://../x')).toThrow(/文件路径不合法/);
    await expect(ctx.files.put('.incoming/x.bin', Uint8Array.from([1]), 'text/plain')).rejects.toThrow(
      /文件路径不合法/,
    );
  });

  describe('uploads', () => {
    const options = { maxBytes: 64, contentType: 'application/pdf', ttlSeconds: 600 };
    const target = async (path = 'entries/e1/plan.pdf', opts = options) => {
      const made = await ctx.files.uploadTarget(path, opts);
      if (made.kind !== 'http') throw new Error('expected an http target');
      return new URL(made.url);
    };
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => error,
      );
    const grantFor = (url: URL) => {
      const grant = ctx.files.verifyUpload(url.pathname + url.search);
      if (grant === null) throw new Error('expected a grant');
      return grant;
    };

    it('signs upload URLs as baseUrl/upload/<path>?exp&max&type&sig', async () => {
      const url = await target('entries/e1/商业计划书 v2.pdf');
      expect(url.origin).toBe(BASE_URL);
      expect(decodeURIComponent(url.pathname)).toBe('/upload/entries/e1/商业计划书 v2.pdf');
      expect(Number(url.searchParams.get('exp'))).toBe(Date.parse('2025-03-01T00:00:00Z') / 1000 + 600);
      expect(url.searchParams.get('max')).toBe('64');
      expect(url.searchParams.get('type')).toBe('application/pdf');
      expect(url.searchParams.get('sig')).toMatch(/^[0-9a-f]{64}$/);
      const grant = { path: 'entries/e1/商业计划书 v2.pdf', maxBytes: 64, contentType: 'application/pdf' };
      expect(ctx.files.verifyUpload(url.pathname + url.search)).toEqual(grant);
      expect(ctx.files.verifyUpload(url.href)).toEqual(grant);
    });

    it('stores accepted bytes atomically under the granted path', async () => {
      const stored = await ctx.files.acceptUpload(grantFor(await target()), PDF, 'application/pdf');
      expect(stored).toEqual({ fileId: 'local://entries/e1/plan.pdf', size: PDF.byteLength });
      expect([...(await fs.readFile(path.join(ctx.dir, 'entries', 'e1', 'plan.pdf')))]).toEqual([...PDF]);
      expect(await fs.readdir(path.join(ctx.dir, '.incoming'))).toEqual([]);
    });

    it('takes exactly maxBytes and refuses one byte more with TOO_LARGE, writing nothing', async () => {
      const url = await target('a/x.pdf', { ...options, maxBytes: PDF.byteLength });
      const padded = Uint8Array.from([...PDF, 0x0a]);
      const error = await refusal(ctx.files.acceptUpload(grantFor(url), padded, 'application/pdf'));
      expect(error).toBeInstanceOf(UploadRefusedError);
      expect(error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/超过大小上限/) });
      expect(await ctx.files.stat('local://a/x.pdf')).toBeNull();
      await expect(ctx.files.acceptUpload(grantFor(url), PDF, 'application/pdf')).resolves.toMatchObject({
        size: PDF.byteLength,
      });
    });

    it('refuses with WRONG_TYPE another declared type, or a PDF that does not start with %PDF-', async () => {
      const grant = grantFor(await target());
      const html = Uint8Array.from(Buffer.from('<html>%PDF-</html>'));
      for (const [content, type] of [
        [PDF, 'text/html'],
        [PDF, ''],
        [html, 'application/pdf'],
        [new Uint8Array(0), 'application/pdf'],
        [Uint8Array.from(Buffer.from('%PDF')), 'application/pdf'],
      ] as const) {
        const error = await refusal(ctx.files.acceptUpload(grant, content, type));
        expect(error).toBeInstanceOf(UploadRefusedError);
        expect(error).toMatchObject({ code: 'WRONG_TYPE', message: expect.stringMatching(/文件类型不符/) });
      }
      expect(await ctx.files.stat('local://entries/e1/plan.pdf')).toBeNull();
      await expect(ctx.files.acceptUpload(grant, PDF, 'Application/PDF; charset=binary')).resolves.toBeDefined();
    });

    it('checks PNG and JPEG signatures, and only the header for other types', async () => {
      const png = grantFor(await target('a/logo.png', { ...options, contentType: 'image/png' }));
      const pngBytes = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0);
      await expect(ctx.files.acceptUpload(png, pngBytes, 'image/png')).resolves.toBeDefined();
      await expect(ctx.files.acceptUpload(png, PDF, 'image/png')).rejects.toMatchObject({ code: 'WRONG_TYPE' });
      const jpeg = grantFor(await target('a/photo.jpg', { ...options, contentType: 'image/jpeg' }));
      await expect(
        ctx.files.acceptUpload(jpeg, Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'),
      ).resolves.toBeDefined();
      await expect(ctx.files.acceptUpload(jpeg, pngBytes, 'image/jpeg')).rejects.toMatchObject({ code: 'WRONG_TYPE' });
      const text = grantFor(await target('a/readme.txt', { ...options, contentType: 'text/plain' }));
      await expect(ctx.files.acceptUpload(text, PDF, 'text/plain')).resolves.toBeDefined();
    });

    it('refuses tampered, malformed and expired upload URLs', async () => {
      const url = await target('x/a.pdf', { ...options, ttlSeconds: 60 });
      const variant = (change: (params: URLSearchParams) => void, pathname = url.pathname) => {
        const params = new URLSearchParams(url.search);
        change(params);
        return `${pathname}?${params}`;
      };
      const sig = url.searchParams.get('sig') ?? '';
      expect(ctx.files.verifyUpload(variant(() => undefined))).not.toBeNull();
      expect(ctx.files.verifyUpload(variant((p) => p.set('max', '65')))).toBeNull();
      expect(ctx.files.verifyUpload(variant((p) => p.set('max', '0')))).toBeNull();
      expect(ctx.files.verifyUpload(variant((p) => p.set('type', 'text/html')))).toBeNull();
      expect(ctx.files.verifyUpload(variant((p) => p.set('exp', String(Number(p.get('exp')) + 3600))))).toBeNull();
      expect(
        ctx.files.verifyUpload(variant((p) => p.set('sig', (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1)))),
      ).toBeNull();
      expect(ctx.files.verifyUpload(variant((p) => p.delete('type')))).toBeNull();
      expect(ctx.files.verifyUpload(variant((p) => p.delete('sig')))).toBeNull();
      expect(ctx.files.verifyUpload(variant(() => undefined, '/upload/x/b.pdf'))).toBeNull();
      expect(ctx.files.verifyUpload(variant(() => undefined, '/upload/x/%2e%2e/a.pdf'))).toBeNull();
      expect(ctx.files.verifyUpload(variant(() => undefined, '/upload/.incoming/a.pdf'))).toBeNull();
      ctx.clock.advance(60_000);
      expect(ctx.files.verifyUpload(variant(() => undefined))).toBeNull();
    });

    it('never takes a download link as an upload link, nor the other way round', async () => {
      const { fileId } = await ctx.files.put('x/a.pdf', PDF, 'application/pdf');
      const download = new URL(await ctx.files.temporaryUrl(fileId, 600));
      const upload = await target('x/a.pdf');
      expect(ctx.files.verifyUpload(download.href)).toBeNull();
      const asUpload = new URLSearchParams(download.search);
      asUpload.set('max', '64');
      asUpload.set('type', 'application/pdf');
      expect(ctx.files.verifyUpload(`/upload/x/a.pdf?${asUpload}`)).toBeNull();
      expect(ctx.files.verify(upload.href)).toBeNull();
      expect(ctx.files.verify(`/files/x/a.pdf${upload.search}`)).toBeNull();
      const { exp, sig } = Object.fromEntries(upload.searchParams);
      expect(ctx.files.verify(`/files/x/a.pdf?exp=${exp}&sig=${sig}`)).toBeNull();
    });

    it('takes only grants verifyUpload issued', async () => {
      const forged = { path: 'x/a.pdf', maxBytes: 10_000, contentType: 'application/pdf' };
      await expect(ctx.files.acceptUpload(forged, PDF, 'application/pdf')).rejects.toThrow(/上传凭证无效/);
      const copied = { ...grantFor(await target('x/a.pdf')) };
      await expect(ctx.files.acceptUpload(copied, PDF, 'application/pdf')).rejects.toThrow(/上传凭证无效/);
      expect(await ctx.files.stat('local://x/a.pdf')).toBeNull();
    });

    it('does not accept another secret’s upload links', async () => {
      const other = createLocalFiles({ dir: ctx.dir, baseUrl: BASE_URL, secret: 'other', clock: ctx.clock });
      expect(other.verifyUpload((await target()).href)).toBeNull();
    });

    it('works under a base URL with a path prefix', async () => {
      const prefixed = await setUp('http://localhost:8787/cloud/');
      try {
        const made = await prefixed.files.uploadTarget('x/a.pdf', options);
        if (made.kind !== 'http') throw new Error('expected an http target');
        const url = new URL(made.url);
        expect(url.pathname).toBe('/cloud/upload/x/a.pdf');
        expect(prefixed.files.verifyUpload(url.pathname + url.search)).toMatchObject({ path: 'x/a.pdf' });
      } finally {
        await fs.rm(prefixed.dir, { recursive: true, force: true });
      }
    });

    it('stat reads the file system and fileIdFor is local://<path>', async () => {
      expect(await ctx.files.fileIdFor('entries/e1/plan.pdf')).toBe('local://entries/e1/plan.pdf');
      await expect(ctx.files.fileIdFor('.incoming/x')).rejects.toThrow(/文件路径不合法/);
      await expect(ctx.files.stat('cloud://env.bucket/x')).rejects.toThrow(/不是本地文件/);
      await fs.mkdir(path.join(ctx.dir, 'dir.pdf'));
      expect(await ctx.files.stat('local://dir.pdf')).toBeNull();
    });
  });
});
