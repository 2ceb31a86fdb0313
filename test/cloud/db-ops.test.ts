/**
 * The counting wrapper of bench/db-ops.ts (test/support/counting-db.ts) counts what the CloudBase adapter
 * sends to the database, for a known sequence of adapter calls over the wx-server-sdk stand-in: counts only,
 * never timing.
 */
import { createCloudBaseDb } from '../../cloudfunctions/adapters/cloud/cloudbase-db';
import type { Db } from '../../cloudfunctions/ports';
import { createWxDatabaseStandin, type WxDatabaseStandin } from '../standins/wx-database';
import { countingWxDatabase, describeOps, type CountingWxDatabase } from '../support/counting-db';

interface Item {
  _id: string;
  n: number;
  tag: string;
}

const items = (count: number, from = 0): Item[] =>
  Array.from({ length: count }, (_, i) => ({
    _id: `i-${String(from + i).padStart(4, '0')}`,
    n: from + i,
    tag: i % 2 ? 'odd' : 'even',
  }));

describe('counting wrapper over the CloudBase adapter', () => {
  let standin: WxDatabaseStandin;
  let counted: CountingWxDatabase;
  let db: Db;

  beforeEach(async () => {
    standin = createWxDatabaseStandin();
    counted = countingWxDatabase(standin);
    db = createCloudBaseDb(counted, { pageSize: 100 });
    await db.collection<Item>('items').createMany(items(250));
  });

  test('createMany of 250 documents is 250 adds', () => {
    expect(counted.snapshot()).toMatchObject({ writes: 250, reads: 0, queries: 0, roundTrips: 250 });
    expect(counted.log.every((o) => o.op === 'add' && o.collection === 'items' && o.transaction === null)).toBe(true);
  });

  test('a get, a query of 250 documents paged in 100s, a count and a transaction with 3 writes', async () => {
    counted.reset();
    expect(counted.snapshot()).toMatchObject({ reads: 0, writes: 0, roundTrips: 0, log: [] });
    const queriesBefore = standin.stats.queryGets;

    expect(await db.collection<Item>('items').get('i-0007')).toMatchObject({ n: 7 });
    expect(counted.snapshot()).toMatchObject({ reads: 1, queries: 0, roundTrips: 1 });

    expect(await db.collection<Item>('items').find()).toHaveLength(250);
    // 100 + 100 + 50: the short third page ends the paging.
    expect(counted.snapshot()).toMatchObject({ reads: 1, queries: 3, roundTrips: 4 });
    expect(standin.stats.queryGets - queriesBefore).toBe(3);

    expect(await db.collection<Item>('items').count({ tag: 'odd' })).toBe(125);
    expect(counted.snapshot()).toMatchObject({ counts: 1, roundTrips: 5 });

    const executionsBefore = standin.stats.transactionExecutions;
    await db.transaction(async (tx) => {
      const doc = await tx.get<Item>('items', 'i-0001');
      await tx.create<Item>('items', { _id: 'i-new', n: -1, tag: 'new' });
      await tx.set<Item>('items', { _id: 'i-0002', n: 2, tag: 'set' });
      await tx.update<Item>('items', 'i-0003', { n: (doc?.n ?? 0) + 10 });
    });
    expect(standin.stats.transactionExecutions - executionsBefore).toBe(1);
    const snap = counted.snapshot();
    expect(snap).toEqual({
      reads: 2,
      queries: 3,
      counts: 1,
      writes: 3,
      transactions: 1,
      transactionExecutions: 1,
      txReads: 1,
      txWrites: 3,
      // 1 get + 3 pages + 1 count, then the transaction: start, 1 get, 3 writes, commit.
      roundTrips: 5 + 1 + 1 + 3 + 1,
      log: expect.any(Array),
    });
    expect(snap.log.slice(-4)).toEqual([
      { op: 'get', collection: 'items', transaction: 1, id: 'i-0001' },
      { op: 'add', collection: 'items', transaction: 1, id: 'i-new' },
      { op: 'set', collection: 'items', transaction: 1, id: 'i-0002' },
      { op: 'update', collection: 'items', transaction: 1, id: 'i-0003' },
    ]);
    expect(describeOps(snap.log)).toBe(
      'items.get, items.query×3, items.count, tx[items.get, items.add, items.set, items.update]',
    );
  });

  test('a find whose matches fill the last page exactly costs one more, empty, page', async () => {
    await db.collection<Item>('items').createMany(items(50, 250));
    counted.reset();
    expect(await db.collection<Item>('items').find()).toHaveLength(300);
    expect(counted.snapshot()).toMatchObject({ queries: 4, roundTrips: 4 });
    counted.reset();
    // With a limit the adapter stops at the limit: 100 + 100 + 50, no fourth page.
    expect(await db.collection<Item>('items').find({}, { limit: 250 })).toHaveLength(250);
    expect(counted.snapshot()).toMatchObject({ queries: 3 });
  });

  test('single-document writes, batch writes and reads of missing documents are each one request', async () => {
    counted.reset();
    const items = db.collection<Item>('items');
    expect(await items.get('missing')).toBeNull();
    await items.set({ _id: 'i-0000', n: 0, tag: 'again' });
    expect(await items.update('i-0001', { tag: 'changed' })).toBe(true);
    expect(await items.remove('i-0002')).toBe(true);
    expect(await items.updateWhere({ tag: 'odd' }, { n: 0 })).toBe(124);
    expect(await items.removeWhere({ tag: 'even' })).toBe(123);
    expect(counted.snapshot()).toMatchObject({ reads: 1, writes: 5, roundTrips: 6 });
    expect(counted.log.map((o) => o.op)).toEqual(['get', 'set', 'update', 'remove', 'updateWhere', 'removeWhere']);

    // The adapter reads back after an update that matched nothing, to tell a missing document from an unchanged one.
    counted.reset();
    expect(await items.update('missing', { tag: 'x' })).toBe(false);
    expect(counted.snapshot()).toMatchObject({ reads: 1, writes: 1, roundTrips: 2 });

    // A duplicate insert is refused, but it was sent.
    counted.reset();
    await expect(items.create({ _id: 'i-0005', n: 5, tag: 'dup' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect(counted.snapshot()).toMatchObject({ writes: 1, roundTrips: 1 });
  });

  test('a transaction the SDK runs again after a conflict is one transaction of two executions', async () => {
    counted.reset();
    let runs = 0;
    await db.transaction(async (tx) => {
      runs += 1;
      await tx.get<Item>('items', 'i-0010');
      // Another writer commits the document after this snapshot began: the update below conflicts once.
      if (runs === 1) await db.collection<Item>('items').set({ _id: 'i-0010', n: 99, tag: 'other' });
      await tx.update<Item>('items', 'i-0010', { tag: 'mine' });
    });
    expect(runs).toBe(2);
    expect(standin.stats.transactionConflicts).toBe(1);
    expect(counted.snapshot()).toMatchObject({
      transactions: 1,
      transactionExecutions: 2,
      // Run 1: get, (outside) set, update that conflicts; run 2: get, update.
      reads: 2,
      txReads: 2,
      writes: 3,
      txWrites: 2,
      roundTrips: 2 + 3 + 2 * 2,
    });
    expect(await db.collection<Item>('items').get('i-0010')).toMatchObject({ n: 99, tag: 'mine' });
  });

  test('queries with conditions, order and skip are counted once per page', async () => {
    counted.reset();
    const found = await db
      .collection<Item>('items')
      .find({ $or: [{ tag: 'odd' }, { n: { $lt: 10 } }] }, { orderBy: [['n', 'desc']], skip: 20, limit: 150 });
    expect(found).toHaveLength(110);
    expect(counted.snapshot()).toMatchObject({ queries: 2, reads: 0, roundTrips: 2 });
  });
});
