import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCloudFiles, FILE_ID_PROBE_PATH } from '../../cloudfunctions/adapters/cloud/cloud-files';
import type { HeadRequest } from '../../cloudfunctions/adapters/cloud/cloud-files';
import type { WxStorageApi } from '../../cloudfunctions/adapters/cloud/wx-cloud-types';
import { createAdjustableClock } from '../../cloudfunctions/adapters/local/clock';
import {
  createWxStorageStandin,
  STORAGE_FILE_NONEXIST,
  STORAGE_FILE_NONEXIST_MSG,
  type WxStorageStandin,
} from '../standins/wx-storage';
import { describeFilesContract } from './files-contract';

/** The storage CDN answering the adapter's HEAD requests, at the stand-in's clock. */
function cdnHead(storage: WxStorageStandin, nowSeconds: () => number): HeadRequest {
  return async (url) => storage.headTemp(url, nowSeconds());
}

function setUp() {
  const clock = createAdjustableClock(new Date('2025-03-01T08:00:00+08:00'));
  clock.freeze();
  const storage = createWxStorageStandin({ envId: 'contest-prod-9f8e7d', now: () => clock.now().getTime() });
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  const files = createCloudFiles(storage, { head: cdnHead(storage, nowSeconds) });
  return { clock, storage, files, nowSeconds };
}

describeFilesContract('WeChat cloud storage (stand-in)', () => {
  const { clock, storage, files, nowSeconds } = setUp();
  return {
    files,
    advanceSeconds: (seconds) => clock.advance(seconds * 1000),
    async open(url) {
      const answer = storage.fetchTemp(url, nowSeconds());
      return answer.status === 200 ? answer.body : null;
    },
    // The mini-program's wx.cloud.uploadFile: it takes any bytes, so nothing is refused here.
    async clientUpload(target, content) {
      if (target.kind !== 'wx-cloud') throw new Error(`WeChat gives wx-cloud targets, not ${target.kind}`);
      await storage.clientUpload(target.cloudPath, content);
      return true;
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
    await expect(files.stat('local://a/b')).rejects.toThrow(/不是云存储文件/);
  });

  it('gives wx-cloud targets whose cloudPath is the server’s path', async () => {
    const { files } = setUp();
    const options = { maxBytes: 1024, contentType: 'application/pdf', ttlSeconds: 600 };
    expect(await files.uploadTarget('entries/e1/plan.pdf', options)).toEqual({
      kind: 'wx-cloud',
      cloudPath: 'entries/e1/plan.pdf',
    });
  });

  it('learns the fileID prefix from a put, without a probe', async () => {
    const { storage, files } = setUp();
    const stored = await files.put('entries/e1/plan.pdf', Uint8Array.from([1]), 'application/pdf');
    expect(await files.fileIdFor('entries/e2/计划书.pdf')).toBe(stored.fileId.replace('e1/plan.pdf', 'e2/计划书.pdf'));
    expect(storage.has(FILE_ID_PROBE_PATH)).toBe(false);
  });

  it('without a put, uploads one probe per process to learn the prefix', async () => {
    const { storage } = setUp();
    let uploads = 0;
    const counting: WxStorageApi = {
      ...storage,
      uploadFile: (params) => {
        uploads += 1;
        return storage.uploadFile(params);
      },
    };
    const files = createCloudFiles(counting);
    const ids = await Promise.all(['a/1.pdf', 'a/2.pdf', 'b/3.pdf'].map((path) => files.fileIdFor(path)));
    expect(ids).toEqual([
      'cloud://contest-prod-9f8e7d.636f-contest-prod-9f8e7d-1250000000/a/1.pdf',
      'cloud://contest-prod-9f8e7d.636f-contest-prod-9f8e7d-1250000000/a/2.pdf',
      'cloud://contest-prod-9f8e7d.636f-contest-prod-9f8e7d-1250000000/b/3.pdf',
    ]);
    expect(uploads).toBe(1);
    expect(storage.has(FILE_ID_PROBE_PATH)).toBe(true);
    await files.fileIdFor('c/4.pdf');
    expect(uploads).toBe(1);
  });

  it('tries the probe again after it failed, and refuses a fileID it cannot read', async () => {
    const { storage } = setUp();
    let fail = true;
    const flaky: WxStorageApi = {
      ...storage,
      uploadFile: async (params) => {
        if (fail) {
          fail = false;
          throw new Error('socket hang up');
        }
        return storage.uploadFile(params);
      },
    };
    const files = createCloudFiles(flaky);
    await expect(files.fileIdFor('a/1.pdf')).rejects.toThrow('socket hang up');
    await expect(files.fileIdFor('a/1.pdf')).resolves.toMatch(/^cloud:\/\/contest-prod-9f8e7d\..*\/a\/1\.pdf$/);

    const odd = createCloudFiles({ ...storage, uploadFile: async () => ({ fileID: 'cloud://x.y/elsewhere' }) });
    await expect(odd.fileIdFor('a/1.pdf')).rejects.toThrow(/无法确定云存储文件 ID 的格式/);
  });

  it('stats with getTempFileURL and a HEAD of the link, not by downloading', async () => {
    const { storage, nowSeconds } = setUp();
    const heads: string[] = [];
    let downloads = 0;
    const files = createCloudFiles(
      {
        ...storage,
        downloadFile: (params) => {
          downloads += 1;
          return storage.downloadFile(params);
        },
      },
      {
        head: async (url) => {
          heads.push(url);
          return storage.headTemp(url, nowSeconds());
        },
      },
    );
    const { fileId } = await files.put('entries/e1/商业 计划书.pdf', new Uint8Array(2048), 'application/pdf');
    expect(await files.stat(fileId)).toEqual({ size: 2048, contentType: 'application/pdf' });
    expect(downloads).toBe(0);
    expect(heads).toHaveLength(1);
    // Raw spaces and Chinese in a link are percent-encoded before the request goes out.
    expect(heads[0]).toMatch(/^https:\/\/[^ ]*%E5%95%86%E4%B8%9A%20%E8%AE%A1%E5%88%92%E4%B9%A6\.pdf\?sign=/);
  });

  it('measures by downloading when the CDN refuses the HEAD', async () => {
    const { storage } = setUp();
    const files = createCloudFiles(storage, { head: async () => ({ status: 403, headers: {} }) });
    const { fileId } = await files.put('a/b.pdf', new Uint8Array(5), 'application/pdf');
    expect(await files.stat(fileId)).toEqual({ size: 5, contentType: null });
    const noLength = createCloudFiles(storage, { head: async () => ({ status: 200, headers: {} }) });
    expect(await noLength.stat(fileId)).toEqual({ size: 5, contentType: null });
    const gone = createCloudFiles(storage, { head: async () => ({ status: 404, headers: {} }) });
    expect(await gone.stat(fileId)).toBeNull();
  });

  it('passes through stat failures other than a missing file', async () => {
    const { storage } = setUp();
    const refusing: WxStorageApi = {
      ...storage,
      getTempFileURL: async ({ fileList }) => ({
        fileList: fileList.map((entry) => ({
          fileID: typeof entry === 'string' ? entry : entry.fileID,
          tempFileURL: '',
          status: -503002,
          errMsg: 'storage permission denied',
        })),
      }),
    };
    await expect(createCloudFiles(refusing).stat('cloud://x.y/a')).rejects.toThrow(/storage permission denied/);
    const failingHead = createCloudFiles(storage, {
      head: async () => {
        throw new Error('connect ETIMEDOUT');
      },
    });
    const { fileId } = await failingHead.put('a/b.pdf', new Uint8Array(5), 'application/pdf');
    await expect(failingHead.stat(fileId)).rejects.toThrow('connect ETIMEDOUT');
  });

  it('sends a real HEAD over node:http by default', async () => {
    const seen: Array<{ method?: string; url?: string }> = [];
    const server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url });
      res.writeHead(req.url?.startsWith('/gone') ? 404 : 200, {
        'content-type': 'application/pdf; qs=0.001',
        'content-length': '4321',
      });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { storage } = setUp();
      const linking: WxStorageApi = {
        ...storage,
        getTempFileURL: async ({ fileList }) => ({
          fileList: fileList.map((entry) => {
            const fileID = typeof entry === 'string' ? entry : entry.fileID;
            const name = fileID.split('/').pop() ?? '';
            return { fileID, tempFileURL: `http://127.0.0.1:${port}/${name}?sign=x&t=1`, status: 0, errMsg: 'ok' };
          }),
        }),
      };
      const files = createCloudFiles(linking);
      expect(await files.stat('cloud://x.y/报告.pdf')).toEqual({ size: 4321, contentType: 'application/pdf' });
      expect(await files.stat('cloud://x.y/gone.pdf')).toBeNull();
      expect(seen).toEqual([
        { method: 'HEAD', url: '/%E6%8A%A5%E5%91%8A.pdf?sign=x&t=1' },
        { method: 'HEAD', url: '/gone.pdf?sign=x&t=1' },
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
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
    expect(answer.fileList[1]).toEqual({
      fileID: `${fileID}.gone`,
      status: STORAGE_FILE_NONEXIST,
      tempFileURL: '',
      errMsg: STORAGE_FILE_NONEXIST_MSG,
    });
    const deleted = await storage.deleteFile({ fileList: [fileID, fileID] });
    expect(deleted.fileList.map((item) => item.status)).toEqual([0, STORAGE_FILE_NONEXIST]);
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
    expect(storage.headTemp(url, now).headers).toEqual({ 'content-length': '1', 'content-type': 'text/plain' });
    expect(storage.headTemp(url, now + 60).status).toBe(403);
  });

  it('takes client uploads under the same naming rules, into the same store', async () => {
    const { storage } = setUp();
    const uploaded = await storage.clientUpload('entries/e1/plan.pdf', Uint8Array.from([1, 2]));
    expect(uploaded).toEqual({
      fileID: 'cloud://contest-prod-9f8e7d.636f-contest-prod-9f8e7d-1250000000/entries/e1/plan.pdf',
      statusCode: 200,
      errMsg: 'cloud.uploadFile:ok',
    });
    expect([...(await storage.downloadFile({ fileID: uploaded.fileID })).fileContent]).toEqual([1, 2]);
    await expect(storage.clientUpload('/a', Uint8Array.from([1]))).rejects.toMatchObject({ errCode: -1 });
  });
});
