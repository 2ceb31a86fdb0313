import { createCloudFiles } from '../../cloudfunctions/adapters/cloud/cloud-files';
import type { WxStorageApi } from '../../cloudfunctions/adapters/cloud/wx-cloud-types';
import { createAdjustableClock } from '../../cloudfunctions/adapters/local/clock';
import { createWxStorageStandin, STORAGE_FILE_NONEXIST } from '../standins/wx-storage';
import { describeFilesContract } from './files-contract';

function setUp() {
  const clock = createAdjustableClock(new Date('2025-03-01T08:00:00+08:00'));
  clock.freeze();
  const storage = createWxStorageStandin({ envId: 'contest-prod-9f8e7d', now: () => clock.now().getTime() });
  return { clock, storage, files: createCloudFiles(storage) };
}

describeFilesContract('WeChat cloud storage (stand-in)', () => {
  const { clock, storage, files } = setUp();
  return {
    files,
    advanceSeconds: (seconds) => clock.advance(seconds * 1000),
    async open(url) {
      const answer = storage.fetchTemp(url, Math.floor(clock.now().getTime() / 1000));
      return answer.status === 200 ? answer.body : null;
    },
  };
});

describe('cloud files adapter', () => {
  it('uses the cloud:// fileID as the id and the path as cloudPath', async () => {
    const { storage, files } = setUp();
    const stored = await files.put('entries/e1/plan.pdf', Uint8Array.from([1]), 'application/pdf');
    expect(stored.fileId).toBe('cloud://contest-prod-9f8e7d.636f-contest-prod-9f8e7d-1250000000/entries/e1/plan.pdf');
    expect(storage.has('entries/e1/plan.pdf')).toBe(true);
  });

  it('asks getTempFileURL for the given maxAge and returns a tcb.qcloud.la link', async () => {
    const calls: unknown[] = [];
    const { storage } = setUp();
    const spy: WxStorageApi = {
      ...storage,
      getTempFileURL: (params) => {
        calls.push(params);
        return storage.getTempFileURL(params);
      },
    };
    const files = createCloudFiles(spy);
    const { fileId } = await files.put('a/b.pdf', Uint8Array.from([1]), 'application/pdf');
    const url = await files.temporaryUrl(fileId, 900);
    expect(calls).toEqual([{ fileList: [{ fileID: fileId, maxAge: 900 }] }]);
    expect(url).toMatch(
      /^https:\/\/636f-contest-prod-9f8e7d-1250000000\.tcb\.qcloud\.la\/a\/b\.pdf\?sign=[0-9a-f]+&t=\d+$/,
    );
  });

  it('fails, rather than returning an empty URL, when an item comes back with status ≠ 0', async () => {
    const fake: WxStorageApi = {
      uploadFile: async () => ({ fileID: 'cloud://x.y/a' }),
      downloadFile: async () => ({ fileContent: Buffer.alloc(0) }),
      deleteFile: async () => ({ fileList: [] }),
      getTempFileURL: async () => ({
        fileList: [{ fileID: 'cloud://x.y/a', tempFileURL: '', status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' }],
      }),
    };
    await expect(createCloudFiles(fake).temporaryUrl('cloud://x.y/a', 60)).rejects.toThrow(
      /无法生成临时链接.*STORAGE_EXCEED_AUTHORITY/,
    );
  });

  it('passes through storage failures other than a missing file', async () => {
    const { storage } = setUp();
    const failing: WxStorageApi = {
      ...storage,
      downloadFile: async () => {
        throw new Error('socket hang up');
      },
      deleteFile: async ({ fileList }) => ({
        fileList: fileList.map((fileID) => ({ fileID, status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' })),
      }),
    };
    const files = createCloudFiles(failing);
    await expect(files.read('cloud://x.y/a')).rejects.toThrow('socket hang up');
    await expect(files.remove('cloud://x.y/a')).rejects.toThrow(/删除文件失败/);
  });

  it('refuses ids that are not cloud:// fileIDs', async () => {
    const { files } = setUp();
    await expect(files.read('local://a/b')).rejects.toThrow(/不是云存储文件/);
  });
});

describe('wx storage stand-in keeps WeChat’s limits', () => {
  it('takes at most 50 files per getTempFileURL / deleteFile call', async () => {
    const { storage } = setUp();
    const ids = Array.from({ length: 51 }, (_, i) => `cloud://nope/${i}`);
    await expect(storage.getTempFileURL({ fileList: ids })).rejects.toMatchObject({ errCode: -1 });
    await expect(storage.deleteFile({ fileList: ids })).rejects.toMatchObject({ errCode: -1 });
    const answer = await storage.getTempFileURL({ fileList: ids.slice(0, 50) });
    expect(answer.fileList).toHaveLength(50);
  });

  it('reports a missing file per item instead of throwing', async () => {
    const { storage } = setUp();
    const { fileID } = await storage.uploadFile({ cloudPath: 'a.txt', fileContent: Buffer.from('a') });
    const answer = await storage.getTempFileURL({ fileList: [fileID, `${fileID}.gone`] });
    expect(answer.fileList[0]).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 86_400 });
    expect(answer.fileList[1]).toMatchObject({ status: -1, tempFileURL: '', errMsg: 'STORAGE_FILE_NONEXIST' });
    const deleted = await storage.deleteFile({ fileList: [fileID, fileID] });
    expect(deleted.fileList.map((item) => item.status)).toEqual([0, -1]);
  });

  it('caps maxAge at one day', async () => {
    const { storage, clock } = setUp();
    const { fileID } = await storage.uploadFile({ cloudPath: 'a.txt', fileContent: Buffer.from('a') });
    const answer = await storage.getTempFileURL({ fileList: [{ fileID, maxAge: 7 * 86_400 }] });
    const item = answer.fileList[0];
    expect(item?.maxAge).toBe(86_400);
    const t = Number(new URL(item?.tempFileURL ?? '').searchParams.get('t'));
    expect(t).toBe(Math.floor(clock.now().getTime() / 1000) + 86_400);
  });

  it('throws from downloadFile for a missing file, as the SDK does', async () => {
    const { storage } = setUp();
    await expect(storage.downloadFile({ fileID: 'cloud://nope/a' })).rejects.toMatchObject({
      errCode: STORAGE_FILE_NONEXIST,
      errMsg: expect.stringContaining('downloadFile:fail'),
    });
  });

  it('applies the cloudPath naming rules', async () => {
    const { storage } = setUp();
    const upload = (cloudPath: string) => storage.uploadFile({ cloudPath, fileContent: Buffer.from('a') });
    await expect(upload('')).rejects.toMatchObject({ errMsg: expect.stringContaining('uploadFile:fail') });
    await expect(upload('/a')).rejects.toMatchObject({ errCode: -1 });
    await expect(upload('a//b')).rejects.toMatchObject({ errCode: -1 });
    await expect(upload('x'.repeat(851))).rejects.toMatchObject({ errCode: -1 });
    await expect(upload('x'.repeat(850))).resolves.toMatchObject({ statusCode: 200 });
  });

  it('refuses tampered and foreign links', async () => {
    const { storage, clock } = setUp();
    const { fileID } = await storage.uploadFile({ cloudPath: 'a.txt', fileContent: Buffer.from('a') });
    const url = (await storage.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })).fileList[0]?.tempFileURL ?? '';
    const now = Math.floor(clock.now().getTime() / 1000);
    expect(storage.fetchTemp(url, now).status).toBe(200);
    expect(
      storage.fetchTemp(
        url.replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 1}`),
        now,
      ),
    ).toMatchObject({
      status: 403,
      reason: 'bad-sign',
    });
    expect(storage.fetchTemp(url.replace('.tcb.qcloud.la', '.example.com'), now).status).toBe(403);
    expect(storage.fetchTemp(url, now + 60)).toMatchObject({ status: 403, reason: 'expired' });
  });
});
