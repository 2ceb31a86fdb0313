import { randomBytes } from 'node:crypto';
import type { Files } from '../../cloudfunctions/ports';

/** One adapter under test plus the means to move its time and follow its links. */
export interface FilesHarness {
  files: Files;
  /** Moves the time the adapter signs and checks links with; tests never sleep. */
  advanceSeconds(seconds: number): void;
  /** Follows a temporary URL as a browser would: the bytes, or null when refused. */
  open(url: string): Promise<Uint8Array | null>;
  cleanup?(): Promise<void>;
}

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
