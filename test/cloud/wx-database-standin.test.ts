/**
 * The stand-in's own platform limits, so the Db contract run over it proves something about
 * wx-server-sdk and not about a friendlier fake.
 */
import { createWxDatabaseStandin, DEFAULT_GET_LIMIT, MAX_GET_LIMIT } from '../standins/wx-database';
import type { WxDatabaseStandin } from '../standins/wx-database';
import type { WxTransaction, WxWhereCondition } from '../../cloudfunctions/adapters/cloud/wx-database-types';
import type { WatchSnapshot } from '../standins/wx-watch';

async function seed(db: WxDatabaseStandin, name: string, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      db.collection(name).add({ data: { _id: `d${String(i).padStart(4, '0')}`, i } }),
    ),
  );
}

function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('wx-server-sdk database stand-in', () => {
  it('returns at most 100 documents from get() without limit()', async () => {
    const db = createWxDatabaseStandin();
    await seed(db, 'items', 250);
    const result = await db.collection('items').get();
    expect(DEFAULT_GET_LIMIT).toBe(100);
    expect(result.data).toHaveLength(100);
    expect(result.errMsg).toBe('collection.get:ok');
    expect((await db.collection('items').count()).total).toBe(250);
  });

  it('caps limit() at 1000 silently and pages with skip()', async () => {
    const db = createWxDatabaseStandin();
    await seed(db, 'items', 1200);
    const items = db.collection('items').orderBy('_id', 'asc');
    expect(MAX_GET_LIMIT).toBe(1000);
    expect((await items.limit(5000).get()).data).toHaveLength(1000);
    const rest = await items.skip(1000).limit(1000).get();
    expect(rest.data.map((doc) => doc.i)).toEqual(Array.from({ length: 200 }, (_, k) => 1000 + k));
  });

  it('rejects doc().get() of a missing document the way wx-server-sdk does', async () => {
    const db = createWxDatabaseStandin();
    const error = await rejection(db.collection('items').doc('nobody').get());
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      errCode: -1,
      errMsg: 'document.get:fail document with _id nobody does not exist',
    });
    expect((error as Error).message).toContain('does not exist');
    const inTransaction = await rejection(db.runTransaction((tx) => tx.collection('items').doc('nobody').get()));
    expect(inTransaction).toMatchObject({ errCode: -1 });
  });

  it('resolves a missing document to null with throwOnNotFound: false', async () => {
    const db = createWxDatabaseStandin({ throwOnNotFound: false });
    expect((await db.collection('items').doc('nobody').get()).data).toBeNull();
    expect(await db.runTransaction(async (tx) => (await tx.collection('items').doc('nobody').get()).data)).toBeNull();
  });

  it('rejects add() of an existing _id with a duplicate-key error, inside a transaction too', async () => {
    const db = createWxDatabaseStandin();
    expect(await db.collection('items').add({ data: { _id: 'x', n: 1 } })).toEqual({
      _id: 'x',
      errMsg: 'collection.add:ok',
    });
    const error = await rejection(db.collection('items').add({ data: { _id: 'x', n: 2 } }));
    expect(error).toMatchObject({ errCode: -502001 });
    expect((error as { errMsg: string }).errMsg).toMatch(/^collection\.add:fail .*E11000 duplicate key error/);
    const inTransaction = await rejection(
      db.runTransaction(async (tx) => {
        await tx.collection('items').add({ data: { _id: 'y' } });
        await tx.collection('items').add({ data: { _id: 'x' } });
      }),
    );
    expect((inTransaction as { errMsg: string }).errMsg).toContain('duplicate key');
    expect((await db.collection('items').count()).total).toBe(1);
  });

  it('generates an _id when add() has none', async () => {
    const db = createWxDatabaseStandin();
    const { _id } = await db.collection('items').add({ data: { n: 1 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    expect((await db.collection('items').doc(_id).get()).data).toEqual({ _id, n: 1 });
  });

  it('hands out deep copies', async () => {
    const db = createWxDatabaseStandin();
    const data = { _id: 'x', nested: { k: 1 } };
    await db.collection('items').add({ data });
    data.nested.k = 2;
    const got = await db.collection('items').doc('x').get();
    (got.data?.nested as { k: number }).k = 3;
    const [listed] = (await db.collection('items').get()).data;
    expect(listed).toEqual({ _id: 'x', nested: { k: 1 } });
  });

  it('matches like MongoDB: null is missing too, neq keeps missing, no cross-type ranges', async () => {
    const db = createWxDatabaseStandin();
    const _ = db.command;
    await db.collection('items').add({ data: { _id: 'a', n: 1, nested: { k: 'x' } } });
    await db.collection('items').add({ data: { _id: 'b', n: null } });
    await db.collection('items').add({ data: { _id: 'c' } });
    await db.collection('items').add({ data: { _id: 'd', n: '5' } });
    const ids = async (condition: WxWhereCondition) =>
      (await db.collection('items').where(condition).get()).data.map((doc) => String(doc._id)).sort();
    expect(await ids({ n: null })).toEqual(['b', 'c']);
    expect(await ids({ n: _.neq(1) })).toEqual(['b', 'c', 'd']);
    expect(await ids({ n: _.gt(0) })).toEqual(['a']);
    expect(await ids({ n: _.in([null, '5']) })).toEqual(['b', 'c', 'd']);
    expect(await ids({ 'nested.k': 'x' })).toEqual(['a']);
    // CloudBase reads a nested object in a condition as dotted paths.
    expect(await ids({ nested: { k: 'x' } } as unknown as WxWhereCondition)).toEqual(['a']);
    expect(await ids(_.or([{ n: 1 }, { n: '5' }]))).toEqual(['a', 'd']);
  });

  it('merges plain objects in update data, replaces with _.set, increments with _.inc', async () => {
    const db = createWxDatabaseStandin();
    const _ = db.command;
    await db.collection('items').add({ data: { _id: 'x', style: { color: 'red', size: 'L' }, n: 1 } });
    await db
      .collection('items')
      .doc('x')
      .update({ data: { style: { color: 'blue' }, n: _.inc(2) } });
    expect((await db.collection('items').doc('x').get()).data).toEqual({
      _id: 'x',
      style: { color: 'blue', size: 'L' },
      n: 3,
    });
    await db
      .collection('items')
      .doc('x')
      .update({ data: { style: _.set({ color: 'green' }) } });
    expect((await db.collection('items').doc('x').get()).data).toEqual({ _id: 'x', style: { color: 'green' }, n: 3 });
    await expect(
      db
        .collection('items')
        .doc('x')
        .update({ data: { _id: 'y' } }),
    ).rejects.toBeInstanceOf(Error);
  });

  it('applies 100 concurrent increments exactly', async () => {
    const db = createWxDatabaseStandin();
    await db.collection('c').add({ data: { _id: 'c', n: 0 } });
    await Promise.all(
      Array.from({ length: 100 }, () =>
        db
          .collection('c')
          .doc('c')
          .update({ data: { n: db.command.inc(1) } }),
      ),
    );
    expect((await db.collection('c').doc('c').get()).data).toEqual({ _id: 'c', n: 100 });
  });

  it('reads a snapshot inside a transaction', async () => {
    const db = createWxDatabaseStandin();
    await db.collection('c').add({ data: { _id: 'x', n: 1 } });
    const seen = await db.runTransaction(async (tx) => {
      await tx
        .collection('c')
        .doc('other')
        .get()
        .catch(() => undefined);
      await db
        .collection('c')
        .doc('x')
        .update({ data: { n: 2 } });
      return (await tx.collection('c').doc('x').get()).data;
    });
    expect(seen).toEqual({ _id: 'x', n: 1 });
  });

  it('re-runs a conflicting transaction up to `times` executions (default 3), then rejects with the conflict', async () => {
    const db = createWxDatabaseStandin();
    await db.collection('c').add({ data: { _id: 'x', n: 0 } });
    const interfering = (executions: { count: number; interfereUntil: number }) => async (tx: WxTransaction) => {
      executions.count += 1;
      const doc = (await tx.collection('c').doc('x').get()).data as { n: number };
      if (executions.count <= executions.interfereUntil) {
        await db
          .collection('c')
          .doc('x')
          .update({ data: { n: db.command.inc(100) } });
      }
      await tx
        .collection('c')
        .doc('x')
        .update({ data: { n: doc.n + 1 } });
      return doc.n + 1;
    };

    const retried = { count: 0, interfereUntil: 2 };
    expect(await db.runTransaction(interfering(retried))).toBe(201);
    expect(retried.count).toBe(3);

    const exhausted = { count: 0, interfereUntil: 99 };
    const error = await rejection(db.runTransaction(interfering(exhausted)));
    expect(exhausted.count).toBe(3);
    expect(error).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect((error as Error).message).toContain('TransactionConflict');

    const once = { count: 0, interfereUntil: 99 };
    await rejection(db.runTransaction(interfering(once), 1));
    expect(once.count).toBe(1);
    expect((await db.collection('c').doc('x').get()).data).toEqual({ _id: 'x', n: 201 + 400 });
  });

  it('fails a write to a document another live transaction has written', async () => {
    const db = createWxDatabaseStandin();
    await db.collection('c').add({ data: { _id: 'x', n: 0 } });
    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const first = db.runTransaction(async (tx) => {
      await tx
        .collection('c')
        .doc('x')
        .update({ data: { n: 1 } });
      await firstHolds;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await rejection(
      db.runTransaction(
        (tx) =>
          tx
            .collection('c')
            .doc('x')
            .update({ data: { n: 2 } }),
        1,
      ),
    );
    expect(second).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    // A plain write waits for the lock instead of failing.
    const plain = db
      .collection('c')
      .doc('x')
      .update({ data: { n: db.command.inc(10) } });
    releaseFirst();
    await first;
    await plain;
    expect((await db.collection('c').doc('x').get()).data).toEqual({ _id: 'x', n: 11 });
  });

  it('rejects runTransaction with the callback error itself and keeps none of its writes', async () => {
    const db = createWxDatabaseStandin();
    const boom = new Error('boom');
    const error = await rejection(
      db.runTransaction(async (tx) => {
        await tx.collection('c').add({ data: { _id: 'x' } });
        throw boom;
      }),
    );
    expect(error).toBe(boom);
    expect((await db.collection('c').count()).total).toBe(0);
  });
});

describe('the stand-in’s doc(id).watch(), beyond the shared contract (watch-contract.test.ts)', () => {
  /** Snapshots as they come, and a wait for the n-th (event-driven: resolves on delivery). */
  function record(db: WxDatabaseStandin, name: string, id: string) {
    const snapshots: WatchSnapshot[] = [];
    let wake: (() => void) | null = null;
    const watcher = db
      .collection(name)
      .doc(id)
      .watch({
        onChange(snapshot) {
          snapshots.push(snapshot);
          wake?.();
        },
        onError() {
          wake?.();
        },
      });
    return {
      snapshots,
      watcher,
      async nth(n: number): Promise<WatchSnapshot> {
        while (snapshots.length < n) await new Promise<void>((resolve) => (wake = resolve));
        return snapshots[n - 1] as WatchSnapshot;
      },
    };
  }

  it('reports each kind of write as the reference names it: add, update with its fields, replace, remove', async () => {
    const db = createWxDatabaseStandin();
    const watch = record(db, 'c', 'x');
    expect(await watch.nth(1)).toEqual({ id: 1, type: 'init', docs: [], docChanges: [] });

    await db.collection('c').add({ data: { _id: 'x', n: 1, style: { color: 'red', size: 2 } } });
    const added = { _id: 'x', n: 1, style: { color: 'red', size: 2 } };
    expect(await watch.nth(2)).toEqual({
      id: 2,
      docs: [added],
      docChanges: [{ id: 2, dataType: 'add', queueType: 'enqueue', docId: 'x', doc: added }],
    });

    await db
      .collection('c')
      .doc('x')
      .update({ data: { n: db.command.inc(1), style: { color: 'blue' } } });
    const updated = { _id: 'x', n: 2, style: { color: 'blue', size: 2 } };
    expect(await watch.nth(3)).toEqual({
      id: 3,
      docs: [updated],
      docChanges: [
        {
          id: 3,
          dataType: 'update',
          queueType: 'update',
          docId: 'x',
          doc: updated,
          updatedFields: { n: 2, 'style.color': 'blue' },
        },
      ],
    });

    await db
      .collection('c')
      .doc('x')
      .set({ data: { n: 9 } });
    expect(await watch.nth(4)).toEqual({
      id: 4,
      docs: [{ _id: 'x', n: 9 }],
      docChanges: [{ id: 4, dataType: 'replace', queueType: 'update', docId: 'x', doc: { _id: 'x', n: 9 } }],
    });

    await db.collection('c').doc('x').remove();
    expect(await watch.nth(5)).toEqual({
      id: 5,
      docs: [],
      docChanges: [{ id: 5, dataType: 'remove', queueType: 'dequeue', docId: 'x', doc: { _id: 'x', n: 9 } }],
    });
    await watch.watcher.close();
  });

  it('sends one snapshot per transaction commit, none for a rolled-back one, a write that changes nothing or another document', async () => {
    const db = createWxDatabaseStandin();
    await db.collection('c').add({ data: { _id: 'x', n: 1 } });
    const watch = record(db, 'c', 'x');
    await watch.nth(1);
    await db
      .collection('c')
      .doc('x')
      .update({ data: { n: 1 } });
    await db.collection('c').add({ data: { _id: 'y', n: 1 } });
    await rejection(
      db.runTransaction(async (tx) => {
        await tx
          .collection('c')
          .doc('x')
          .update({ data: { n: 100 } });
        throw new Error('rolled back');
      }),
    );
    await db.runTransaction(async (tx) => {
      await tx
        .collection('c')
        .doc('x')
        .update({ data: { n: 2 } });
      await tx
        .collection('c')
        .doc('x')
        .update({ data: { n: 3 } });
    });
    // The next snapshot after the init is the commit (id 2, n 3): nothing came for the writes before it.
    expect(await watch.nth(2)).toMatchObject({
      id: 2,
      docs: [{ _id: 'x', n: 3 }],
      docChanges: [{ dataType: 'update', updatedFields: { n: 3 } }],
    });
    await watch.watcher.close();
  });

  it('breakWatches(): onError once on each open watch, and a new watch works afterwards', async () => {
    const db = createWxDatabaseStandin();
    const errors: unknown[] = [];
    const broken = await new Promise<unknown>((resolve) => {
      db.collection('c')
        .doc('x')
        .watch({
          onChange: () => {
            expect(db.breakWatches('gone')).toBe(1);
          },
          onError: (error) => {
            errors.push(error);
            resolve(error);
          },
        });
    });
    expect(broken).toMatchObject({
      errCode: 'SDK_DATABASE_REALTIME_LISTENER_WEBSOCKET_CONNECTION_ERROR',
      errMsg: 'gone',
    });
    expect(db.breakWatches()).toBe(0);
    const again = record(db, 'c', 'x');
    expect((await again.nth(1)).type).toBe('init');
    await again.watcher.close();
    expect(errors).toHaveLength(1);
  });
});
