/**
 * One entry per edition under concurrency on the CloudBase adapter (over the wx-server-sdk stand-in,
 * whose transactions detect write conflicts as CloudBase's do), as on the embedded store.
 */
import { createCloudBaseDb } from '../../cloudfunctions/adapters/cloud/cloudbase-db';
import { createApi, type Api } from '../../cloudfunctions/router';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import { DEMO_ADMIN_OPENIDS } from '../../cloudfunctions/local/seed-data';
import { C, type ContestDoc } from '../../cloudfunctions/usecases/collections';
import type { Ports } from '../../cloudfunctions/ports';
import { createWxDatabaseStandin } from '../standins/wx-database';
import { testPorts } from '../support/local-ports';
import { enterpriseFormFixture, openContest, pdfBytes } from '../support/registration-fixtures';

let local: ReturnType<typeof testPorts>;
let ports: Ports;
let api: Api;

beforeEach(async () => {
  local = testPorts();
  local.clock.freeze(new Date('2026-11-23T02:00:00Z'));
  ports = { ...local, db: createCloudBaseDb(createWxDatabaseStandin()) };
  await seedDemoData(ports);
  await ports.db.collection<ContestDoc>(C.contests).create(openContest('c-open-1'));
  await ports.db.collection<ContestDoc>(C.contests).create(openContest('c-open-2'));
  api = createApi({
    ports,
    adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
    runtime: 'cloud',
    version: 't',
    idHashKey: Buffer.alloc(32, 3),
  });
});
afterEach(() => local.dispose());

async function submit(openid: string, contestId: string, n: number) {
  const target = await api(
    {
      action: 'files.upload.prepare',
      data: {
        contestId,
        purpose: 'businessPlan',
        fileName: 'p.pdf',
        contentType: 'application/pdf',
        size: pdfBytes.length,
      },
    },
    { openid },
  );
  if (!target.ok) throw new Error(JSON.stringify(target));
  const { path } = target.data as { path: string };
  await ports.files.put(path, pdfBytes, 'application/pdf');
  const plan = { fileId: await ports.files.fileIdFor(path), name: 'p.pdf', size: pdfBytes.length };
  return api({ action: 'registration.submit', data: { contestId, form: enterpriseFormFixture(n, plan) } }, { openid });
}

test('eight accounts submitting one credit code at once: exactly one entry, seven DUPLICATE_ENTRY', async () => {
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      submit(`oRacer${i}`.padEnd(28, '0'), i % 2 === 0 ? 'c-open-1' : 'c-open-2', 77),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok && r.error.code === 'DUPLICATE_ENTRY')).toHaveLength(7);
  expect(await ports.db.collection(C.entries).count({ status: 'submitted' })).toBe(1);
  expect(await ports.db.collection(C.entryKeys).count()).toBe(1);
});

test('withdraw frees the key on CloudBase too', async () => {
  const first = 'oFirst'.padEnd(28, '0');
  expect(await submit(first, 'c-open-1', 5)).toMatchObject({ ok: true });
  expect(
    await api({ action: 'registration.withdraw', data: { contestId: 'c-open-1' } }, { openid: first }),
  ).toMatchObject({
    ok: true,
  });
  expect(await submit('oSecond'.padEnd(28, '0'), 'c-open-2', 5)).toMatchObject({ ok: true });
});
