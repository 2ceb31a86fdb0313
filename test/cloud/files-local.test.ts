import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAdjustableClock } from '../../cloudfunctions/adapters/local/clock';
import { createLocalFiles } from '../../cloudfunctions/adapters/local/local-files';
import { describeFilesContract } from './files-contract';

const BASE_URL = 'http://127.0.0.1:8787';

async function setUp(baseUrl = BASE_URL) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-files-'));
  const clock = createAdjustableClock(new Date('2025-03-01T08:00:00+08:00'));
  clock.freeze();
  const files = createLocalFiles({ dir, baseUrl, secret: 'test-secret', clock });
  return { dir, clock, files };
}

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
});
