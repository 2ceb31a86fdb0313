import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedDb } from '../../cloudfunctions/adapters/local/embedded-db';
import type { Db, Doc } from '../../cloudfunctions/ports';
import { describeDbContract } from './db-contract';

describeDbContract(
  'embedded SQLite (:memory:)',
  () => openEmbeddedDb(':memory:'),
  (db: Db) => (db as ReturnType<typeof openEmbeddedDb>).close(),
);

describe('embedded SQLite transactions', () => {
  it('run again when a document they read was deleted and created anew meanwhile', async () => {
    const db = openEmbeddedDb(':memory:');
    const items = db.collection<Doc & { n?: number }>('items');
    await items.create({ _id: 'aba', n: 1 });
    let interfere = true;
    let runs = 0;
    await db.transaction(async (tx) => {
      runs += 1;
      const doc = await tx.get<Doc & { n?: number }>('items', 'aba');
      if (interfere) {
        interfere = false;
        await items.remove('aba');
        await items.create({ _id: 'aba', n: 2 });
      }
      await tx.set<Doc & { n?: number }>('items', { _id: 'copy', n: doc?.n ?? 0 });
    });
    expect(runs).toBe(2);
    expect(await items.get('copy')).toEqual({ _id: 'copy', n: 2 });
    db.close();
  });
});

describe('embedded SQLite on a file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'embedded-db-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps documents across close and reopen', async () => {
    const file = join(dir, 'contest.sqlite');
    const first = openEmbeddedDb(file);
    await first.collection<Doc & { n: number }>('editions').create({ _id: 'e9', n: 1 });
    await first.transaction(async (tx) => {
      await tx.create<Doc & { n: number }>('entries', { _id: 'e9:913100', n: 2 });
    });
    first.close();

    const second = openEmbeddedDb(file);
    expect(await second.collection('editions').get('e9')).toEqual({ _id: 'e9', n: 1 });
    expect(await second.collection('entries').find()).toEqual([{ _id: 'e9:913100', n: 2 }]);
    await expect(second.collection('editions').create({ _id: 'e9' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    second.close();
  });

  it('lets two connections to one file see each other and never lose a transaction', async () => {
    const file = join(dir, 'shared.sqlite');
    const a = openEmbeddedDb(file);
    const b = openEmbeddedDb(file);
    await a.collection<Doc & { n: number }>('counters').create({ _id: 'c', n: 0 });
    await Promise.all(
      [a, b, a, b, a, b].map((db) =>
        db.transaction(async (tx) => {
          const counter = await tx.get<Doc & { n: number }>('counters', 'c');
          await tx.update<Doc & { n: number }>('counters', 'c', { n: (counter?.n ?? 0) + 1 });
        }),
      ),
    );
    expect(await b.collection<Doc & { n: number }>('counters').get('c')).toEqual({ _id: 'c', n: 6 });
    a.close();
    b.close();
  });
});
