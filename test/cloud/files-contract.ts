import { randomBytes } from 'node:crypto';
import type { Files, UploadTarget } from '../../cloudfunctions/ports';

/** One adapter under test plus the means to move its time and follow its links. */
export interface FilesHarness {
  files: Files;
  /** Moves the time the adapter signs and checks links with; tests never sleep. */
  advanceSeconds(seconds: number): void;
  /** Follows a temporary URL as a browser would: the bytes, or null when refused. */
  open(url: string): Promise<Uint8Array | null>;
  /**
   * Uploads as the client would to a target from uploadTarget (wx.cloud.uploadFile with its cloudPath,
   * or a PUT of the bytes to its URL): true when the store took the bytes, false when it refused them.
   */
  clientUpload(target: UploadTarget, content: Uint8Array, contentType: string): Promise<boolean>;
  cleanup?(): Promise<void>;
}

const PDF = Uint8Array.from(Buffer.from('%PDF-1.7\n% 商业计划书\n1 0 obj << >> endobj\n%%EOF\n', 'utf8'));
const PDF_ONLY = { maxBytes: 1024, contentType: 'application/pdf', ttlSeconds: 600 };

const bytes = (...values: number[]) => Uint8Array.from(values);

/** Compares content without caring whether a Buffer or a plain Uint8Array came back. */
const same = (actual: Uint8Array | null, expected: Uint8Array): boolean =>
  actual !== null && Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).equals(Buffer.from(expected));

export function describeFilesContract(name: string, make: () => FilesHarness | Promise<FilesHarness>): void {
  describe(`Files contract: ${name}`, () => {
    let h: FilesHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.cleanup?.();
    });

    it('round-trips binary bytes and reports the size', async () => {
      const content = bytes(0, 255, 0, 13, 10, 26, 128, 0xef, 0xbb, 0xbf);
      const stored = await h.files.put('entries/e1/plan.pdf', content, 'application/pdf');
      expect(stored.size).toBe(content.byteLength);
      expect(typeof stored.fileId).toBe('string');
      expect(same(await h.files.read(stored.fileId), content)).toBe(true);
    });

    it('round-trips a 5 MB buffer', async () => {
      const content = new Uint8Array(randomBytes(5 * 1024 * 1024));
      const stored = await h.files.put('entries/e2/plan.pdf', content, 'application/pdf');
      expect(stored.size).toBe(5 * 1024 * 1024);
      expect(same(await h.files.read(stored.fileId), content)).toBe(true);
    });

    it('round-trips an empty file and a Chinese file name', async () => {
      const empty = await h.files.put('entries/e3/空文件.txt', new Uint8Array(0), 'text/plain');
      expect(empty.size).toBe(0);
      expect((await h.files.read(empty.fileId)).byteLength).toBe(0);
    });

    it('keeps what was stored when the caller reuses its buffer', async () => {
      const content = bytes(1, 2, 3);
      const stored = await h.files.put('entries/e4/a.bin', content, 'application/octet-stream');
      content[0] = 9;
      expect(same(await h.files.read(stored.fileId), bytes(1, 2, 3))).toBe(true);
    });

    it('overwrites the same path', async () => {
      await h.files.put('entries/e5/a.bin', bytes(1, 2, 3), 'application/octet-stream');
      const second = await h.files.put('entries/e5/a.bin', bytes(4, 5), 'application/octet-stream');
      expect(second.size).toBe(2);
      expect(same(await h.files.read(second.fileId), bytes(4, 5))).toBe(true);
    });

    it('gives a temporary URL that works before expiry and not after', async () => {
      const content = bytes(7, 7, 7);
      const { fileId } = await h.files.put('entries/e6/plan.pdf', content, 'application/pdf');
      const url = await h.files.temporaryUrl(fileId, 600);
      expect(url).toMatch(/^https?:\/\//);
      expect(same(await h.open(url), content)).toBe(true);
      h.advanceSeconds(599);
      expect(same(await h.open(url), content)).toBe(true);
      h.advanceSeconds(2);
      expect(await h.open(url)).toBeNull();
    });

    it('refuses a link whose path was swapped for another file', async () => {
      const a = await h.files.put('entries/e7/aaaa.bin', bytes(1), 'application/octet-stream');
      await h.files.put('entries/e7/bbbb.bin', bytes(2), 'application/octet-stream');
      const url = await h.files.temporaryUrl(a.fileId, 600);
      expect(url).toContain('aaaa.bin');
      expect(await h.open(url.replace('aaaa.bin', 'bbbb.bin'))).toBeNull();
    });

    it('refuses link lifetimes outside 1 s .. 1 day', async () => {
      const { fileId } = await h.files.put('entries/e8/a.bin', bytes(1), 'application/octet-stream');
      await expect(h.files.temporaryUrl(fileId, 0)).rejects.toThrow(/有效期/);
      await expect(h.files.temporaryUrl(fileId, 86_401)).rejects.toThrow(/有效期/);
      await expect(h.files.temporaryUrl(fileId, 1.5)).rejects.toThrow(/有效期/);
      await expect(h.files.temporaryUrl(fileId, 86_400)).resolves.toMatch(/^https?:\/\//);
    });

    it('fails clearly, not with an empty URL, for a missing file', async () => {
      const { fileId } = await h.files.put('entries/e9/a.bin', bytes(1), 'application/octet-stream');
      await h.files.remove(fileId);
      await expect(h.files.temporaryUrl(fileId, 600)).rejects.toThrow(/文件不存在/);
    });

    it('reads nothing after remove, and removing twice is fine', async () => {
      const { fileId } = await h.files.put('entries/e10/a.bin', bytes(1, 2), 'application/octet-stream');
      const url = await h.files.temporaryUrl(fileId, 600);
      await h.files.remove(fileId);
      await expect(h.files.read(fileId)).rejects.toThrow(/文件不存在/);
      expect(await h.open(url)).toBeNull();
      await expect(h.files.remove(fileId)).resolves.toBeUndefined();
    });

    describe('client uploads', () => {
      it('names the path in the target, and the upload is found by fileIdFor, stat and read', async () => {
        const path = 'entries/e20/商业计划书.pdf';
        const target = await h.files.uploadTarget(path, PDF_ONLY);
        if (target.kind === 'wx-cloud') {
          expect(target.cloudPath).toBe(path);
        } else {
          expect(target.method).toBe('PUT');
          expect(target.url).toMatch(/^https?:\/\//);
        }
        const fileId = await h.files.fileIdFor(path);
        expect(await h.files.stat(fileId)).toBeNull();

        expect(await h.clientUpload(target, PDF, 'application/pdf')).toBe(true);
        expect(await h.files.stat(fileId)).toEqual({ size: PDF.byteLength, contentType: 'application/pdf' });
        expect(same(await h.files.read(fileId), PDF)).toBe(true);
        expect(same(await h.open(await h.files.temporaryUrl(fileId, 60)), PDF)).toBe(true);
      });

      it('a later upload to the same target replaces the file', async () => {
        const path = 'entries/e21/plan.pdf';
        const target = await h.files.uploadTarget(path, PDF_ONLY);
        expect(await h.clientUpload(target, PDF, 'application/pdf')).toBe(true);
        const shorter = PDF.slice(0, 20);
        expect(await h.clientUpload(target, shorter, 'application/pdf')).toBe(true);
        const fileId = await h.files.fileIdFor(path);
        expect((await h.files.stat(fileId))?.size).toBe(20);
        expect(same(await h.files.read(fileId), shorter)).toBe(true);
      });

      it('an oversize upload is refused, or else stat shows the size so the use case can refuse it', async () => {
        const path = 'entries/e22/plan.pdf';
        const target = await h.files.uploadTarget(path, { ...PDF_ONLY, maxBytes: 16 });
        const accepted = await h.clientUpload(target, PDF, 'application/pdf');
        const stat = await h.files.stat(await h.files.fileIdFor(path));
        if (accepted) expect(stat?.size).toBeGreaterThan(16);
        else expect(stat).toBeNull();
      });

      it('refuses bad paths and bad limits for a target', async () => {
        await expect(h.files.uploadTarget('../x.pdf', PDF_ONLY)).rejects.toThrow(/文件路径不合法/);
        await expect(h.files.uploadTarget('entries//x.pdf', PDF_ONLY)).rejects.toThrow(/文件路径不合法/);
        for (const maxBytes of [0, -1, 1.5, Number.NaN]) {
          await expect(h.files.uploadTarget('a/x.pdf', { ...PDF_ONLY, maxBytes })).rejects.toThrow(/大小上限/);
        }
        for (const contentType of ['', 'pdf', 'application/pdf; x=1', 'text/plain\nx: y']) {
          await expect(h.files.uploadTarget('a/x.pdf', { ...PDF_ONLY, contentType })).rejects.toThrow(/类型不合法/);
        }
        for (const ttlSeconds of [0, 86_401]) {
          await expect(h.files.uploadTarget('a/x.pdf', { ...PDF_ONLY, ttlSeconds })).rejects.toThrow(/有效期/);
        }
      });
    });

    describe('stat and fileIdFor', () => {
      it('fileIdFor gives the id put() returns for the same path', async () => {
        const stored = await h.files.put('entries/e23/a.bin', bytes(1, 2, 3), 'application/octet-stream');
        expect(await h.files.fileIdFor('entries/e23/a.bin')).toBe(stored.fileId);
        expect(await h.files.fileIdFor('entries/e23/报名表.pdf')).toBe(stored.fileId.replace(/a\.bin$/, '报名表.pdf'));
      });

      it('gives the same id before any put, and refuses bad paths', async () => {
        const before = await h.files.fileIdFor('entries/e24/a.txt');
        const stored = await h.files.put('entries/e24/a.txt', bytes(1), 'text/plain');
        expect(stored.fileId).toBe(before);
        await expect(h.files.fileIdFor('/etc/passwd')).rejects.toThrow(/文件路径不合法/);
        await expect(h.files.fileIdFor('')).rejects.toThrow(/文件路径不合法/);
      });

      it('reports size and served type, and null for what is not there', async () => {
        const text = await h.files.put('entries/e25/说明.txt', Uint8Array.from(Buffer.from('你好')), 'text/plain');
        expect(await h.files.stat(text.fileId)).toEqual({ size: 6, contentType: 'text/plain' });
        const empty = await h.files.put('entries/e25/empty.bin', new Uint8Array(0), 'application/octet-stream');
        expect(await h.files.stat(empty.fileId)).toEqual({ size: 0, contentType: 'application/octet-stream' });
        const big = await h.files.put('entries/e25/big.bin', new Uint8Array(3 * 1024 * 1024), 'application/pdf');
        expect((await h.files.stat(big.fileId))?.size).toBe(3 * 1024 * 1024);

        expect(await h.files.stat(await h.files.fileIdFor('entries/e25/none.pdf'))).toBeNull();
        // A folder is not a file: `entries/e25` only prefixes other objects.
        expect(await h.files.stat(await h.files.fileIdFor('entries/e25'))).toBeNull();
        await h.files.remove(text.fileId);
        expect(await h.files.stat(text.fileId)).toBeNull();
      });
    });

    it.each([
      '../escape.txt',
      'entries/../../escape.txt',
      'entries/./a.txt',
      '/etc/passwd',
      'entries//a.txt',
      'entries\\..\\a.txt',
      '',
      'entries/a\u0000.txt',
    ])('refuses the path %j', async (path) => {
      await expect(h.files.put(path, bytes(1), 'text/plain')).rejects.toThrow(/文件路径不合法/);
    });
  });
}
