import { createCloudBaseDb } from '../../cloudfunctions/adapters/cloud/cloudbase-db';
import type { WxDatabase } from '../../cloudfunctions/adapters/cloud/wx-database-types';
import { DbError } from '../../cloudfunctions/ports';
import type { Doc } from '../../cloudfunctions/ports';
import { createWxDatabaseStandin } from '../standins/wx-database';
import { describeDbContract } from './db-contract';

describeDbContract('CloudBase adapter over the wx-server-sdk stand-in', () =>
  createCloudBaseDb(createWxDatabaseStandin()),
);

describe('the stand-in’s db.RegExp, as MongoDB runs $regex', () => {
  it('matches strings and arrays holding a matching string, never other types', async () => {
    const database = createWxDatabaseStandin();
    const items = database.collection('items');
    const docs = [
      { _id: 's', v: 'Hello' },
      { _id: 'a', v: ['x', 'hello there'] },
      { _id: 'n', v: 5 },
      { _id: 'z', v: null },
      { _id: 'o', v: { w: 'hello' } },
      { _id: 'm' },
    ];
    for (const data of docs) await items.add({ data });
    const where = (regexp: string, options?: string) =>
      items
        .where({ v: database.RegExp({ regexp, ...(options === undefined ? {} : { options }) }) })
        .get()
        .then((result) => result.data.map((doc) => doc._id).sort());
    expect(await where('hello', 'i')).toEqual(['a', 's']);
    expect(await where('hello')).toEqual(['a']);
    expect(await where('', 'i')).toEqual(['a', 's']);
    expect(() => database.RegExp({ regexp: 'a', options: 'g' })).toThrow(/unsupported options/);
    expect(() => database.RegExp({ regexp: '(' })).toThrow(/invalid regexp/);
  });
});

describe('CloudBase adapter specifics', () => {
  it('pages through get() instead of trusting one call', async () => {
    const database = createWxDatabaseStandin();
    const db = createCloudBaseDb(database);
    const items = db.collection<Doc & { i: number }>('items');
    for (let i = 0; i < 1500; i++) await items.create({ _id: `i${String(i).padStart(4, '0')}`, i });
    database.stats.queryGets = 0;
    expect(await items.find()).toHaveLength(1500);
    expect(database.stats.queryGets).toBe(2);
    expect(database.stats.largestLimitAsked).toBeLessThanOrEqual(1000);
  }, 15_000);

  it('honours a smaller page size for collections of large documents', async () => {
    const database = createWxDatabaseStandin();
    const db = createCloudBaseDb(database, { pageSize: 40 });
    const items = db.collection<Doc>('items');
    for (let i = 0; i < 100; i++) await items.create({ _id: `i${String(i).padStart(3, '0')}` });
    database.stats.queryGets = 0;
    expect(await items.find({}, { skip: 10 })).toHaveLength(90);
    expect(database.stats.queryGets).toBe(3);
  });

  it('reads a missing document as null when the database does not throw on not-found', async () => {
    const db = createCloudBaseDb(createWxDatabaseStandin({ throwOnNotFound: false }));
    expect(await db.collection('items').get('nobody')).toBeNull();
    expect(await db.transaction((tx) => tx.get('items', 'nobody'))).toBeNull();
  });

  it('rethrows the work error itself even when the SDK wraps it', async () => {
    const inner = createWxDatabaseStandin();
    const wrapping: WxDatabase = {
      command: inner.command,
      RegExp: (options) => inner.RegExp(options),
      collection: (name) => inner.collection(name),
      runTransaction: (callback, times) =>
        inner.runTransaction(callback, times).catch((error: unknown) => {
          throw Object.assign(new Error(`errCode: -1 | errMsg: runTransaction:fail ${String(error)}`), {
            errCode: -1,
            errMsg: `runTransaction:fail ${String(error)}`,
          });
        }),
    };
    const db = createCloudBaseDb(wrapping);
    const boom = new Error('boom');
    await expect(
      db.transaction(async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);

    await db.collection('items').create({ _id: 'taken' });
    const duplicate = await db
      .transaction((tx) => tx.create('items', { _id: 'taken' }))
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(DbError);
    expect(duplicate).toMatchObject({ code: 'DUPLICATE', id: 'taken' });
  });

  it('sends $contains as an escaped, case-insensitive db.RegExp', async () => {
    const database = createWxDatabaseStandin();
    const asked: unknown[] = [];
    const spying: WxDatabase = {
      command: database.command,
      collection: (name) => database.collection(name),
      runTransaction: (callback, times) => database.runTransaction(callback, times),
      RegExp: (options) => {
        asked.push(options);
        return database.RegExp(options);
      },
    };
    const db = createCloudBaseDb(spying);
    await db.collection<Doc & { name: string }>('items').create({ _id: 'x', name: 'a.b(c) [1]* $^|?+{2}\\' });
    const found = await db.collection('items').find({ name: { $contains: 'A.B(c) [1]* $^|?+{2}\\' } });
    expect(found.map((doc) => doc._id)).toEqual(['x']);
    expect(asked).toEqual([{ regexp: 'A\\.B\\(c\\) \\[1\\]\\* \\$\\^\\|\\?\\+\\{2\\}\\\\', options: 'i' }]);
  });

  it('gives up with DbError CONFLICT when every attempt collides', async () => {
    const database = createWxDatabaseStandin();
    const db = createCloudBaseDb(database, { transactionRounds: 2, transactionTimes: 2 });
    await db.collection<Doc & { n: number }>('counters').create({ _id: 'c', n: 0 });
    const error = await db
      .transaction(async (tx) => {
        await tx.get('counters', 'c');
        // A plain write between the snapshot and the transaction's own write: a conflict every time.
        await database
          .collection('counters')
          .doc('c')
          .update({ data: { n: database.command.inc(1) } });
        await tx.update<Doc & { n: number }>('counters', 'c', { n: -1 });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(database.stats.transactionExecutions).toBe(4);
    expect(await db.collection<Doc & { n: number }>('counters').get('c')).toEqual({ _id: 'c', n: 4 });
  });

  it('does not let work that swallows a conflict commit', async () => {
    const database = createWxDatabaseStandin();
    const db = createCloudBaseDb(database);
    await db.collection<Doc & { n: number }>('counters').create({ _id: 'c', n: 0 });
    let executions = 0;
    await db.transaction(async (tx) => {
      executions += 1;
      const counter = await tx.get<Doc & { n: number }>('counters', 'c');
      if (executions === 1) {
        await database
          .collection('counters')
          .doc('c')
          .update({ data: { n: database.command.inc(10) } });
      }
      await tx.update<Doc & { n: number }>('counters', 'c', { n: (counter?.n ?? 0) + 1 }).catch(() => undefined);
    });
    expect(executions).toBe(2);
    expect(await db.collection<Doc & { n: number }>('counters').get('c')).toEqual({ _id: 'c', n: 11 });
  });
});
