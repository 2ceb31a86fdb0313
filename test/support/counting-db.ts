/**
 * Counts what the CloudBase Db adapter sends to wx-server-sdk's database: wrap the `WxDatabase` handed to
 * `createCloudBaseDb` (the test stand-in, or the real `cloud.database()`), and every request it makes is
 * tallied and logged. On CloudBase each of these is a network round trip and a billed operation:
 *
 *  - reads:    `doc(id).get()`, inside transactions too (a get of a missing document still counts)
 *  - queries:  `get()` on a collection or a `where()` query: one per page `find()` fetches
 *  - counts:   `count()`
 *  - writes:   `add`, `doc(id).set / update / remove`, `where().update / remove` (one request, however
 *              many documents it changes), inside transactions too
 *  - transactions: `runTransaction` calls; `transactionExecutions` also counts the runs the SDK repeats
 *              after a conflict. Each run costs two requests of its own (startTransaction, and
 *              commitTransaction or abortTransaction) besides the operations inside it.
 *
 * Usage: `const counted = countingWxDatabase(createWxDatabaseStandin()); const db = createCloudBaseDb(counted);`
 * then `counted.reset()`, run something, `counted.snapshot()`.
 */
import type {
  WxAddResult,
  WxCollection,
  WxCountResult,
  WxDatabase,
  WxDocument,
  WxDocumentData,
  WxDocumentGetResult,
  WxQuery,
  WxQueryGetResult,
  WxRegExp,
  WxRegExpOptions,
  WxRemoveResult,
  WxSetResult,
  WxTransaction,
  WxTransactionCollection,
  WxTransactionDocument,
  WxUpdateData,
  WxUpdateResult,
  WxWhereCondition,
} from '../../cloudfunctions/adapters/cloud/wx-database-types';

export type DbOpKind = 'get' | 'query' | 'count' | 'add' | 'set' | 'update' | 'remove' | 'updateWhere' | 'removeWhere';

/** One request as the adapter sent it. */
export interface DbOp {
  op: DbOpKind;
  collection: string;
  /** Inside runTransaction: the number of that transaction (1, 2, …) since the last reset, else null. */
  transaction: number | null;
  /** Document id for get / set / update / remove / add (when the data names one). */
  id?: string;
}

export interface DbOpCounts {
  reads: number;
  queries: number;
  counts: number;
  writes: number;
  transactions: number;
  transactionExecutions: number;
  /** Of `reads` and `writes`, those made inside a transaction. */
  txReads: number;
  txWrites: number;
}

export interface DbOpSnapshot extends DbOpCounts {
  /** reads + queries + counts + writes + 2 per transaction execution (start and commit/abort). */
  roundTrips: number;
  log: DbOp[];
}

export interface CountingWxDatabase extends WxDatabase {
  /** Live counters since the last reset. */
  readonly counts: Readonly<DbOpCounts>;
  readonly log: readonly DbOp[];
  reset(): void;
  snapshot(): DbOpSnapshot;
}

const WRITES: ReadonlySet<DbOpKind> = new Set(['add', 'set', 'update', 'remove', 'updateWhere', 'removeWhere']);

export function roundTripsOf(counts: DbOpCounts): number {
  return counts.reads + counts.queries + counts.counts + counts.writes + 2 * counts.transactionExecutions;
}

/** `get ×2, query` style: each collection's operations in the order first seen, transactions bracketed. */
export function describeOps(log: readonly DbOp[]): string {
  const parts: string[] = [];
  let i = 0;
  const group = (ops: readonly DbOp[]) => {
    const tally = new Map<string, number>();
    for (const o of ops) tally.set(`${o.collection}.${o.op}`, (tally.get(`${o.collection}.${o.op}`) ?? 0) + 1);
    return [...tally].map(([name, n]) => (n > 1 ? `${name}×${n}` : name)).join(', ');
  };
  while (i < log.length) {
    const first = log[i] as DbOp;
    let j = i + 1;
    if (first.transaction === null) {
      while (j < log.length && (log[j] as DbOp).transaction === null) j += 1;
      parts.push(group(log.slice(i, j)));
    } else {
      while (j < log.length && (log[j] as DbOp).transaction === first.transaction) j += 1;
      parts.push(`tx[${group(log.slice(i, j))}]`);
    }
    i = j;
  }
  return parts.join(', ');
}

function zero(): DbOpCounts {
  return {
    reads: 0,
    queries: 0,
    counts: 0,
    writes: 0,
    transactions: 0,
    transactionExecutions: 0,
    txReads: 0,
    txWrites: 0,
  };
}

class Counter {
  counts = zero();
  log: DbOp[] = [];

  record(op: DbOpKind, collection: string, transaction: number | null, id?: string): void {
    this.log.push(id === undefined ? { op, collection, transaction } : { op, collection, transaction, id });
    if (op === 'get') {
      this.counts.reads += 1;
      if (transaction !== null) this.counts.txReads += 1;
    } else if (op === 'query') this.counts.queries += 1;
    else if (op === 'count') this.counts.counts += 1;
    else if (WRITES.has(op)) {
      this.counts.writes += 1;
      if (transaction !== null) this.counts.txWrites += 1;
    }
  }
}

function idOf(data: WxDocumentData | undefined): string | undefined {
  const id = data?._id;
  return typeof id === 'string' ? id : undefined;
}

// ---------------------------------------------------------------- outside transactions

class CountingQuery implements WxQuery {
  constructor(
    protected readonly counter: Counter,
    protected readonly name: string,
    protected readonly inner: WxQuery,
  ) {}

  where(condition: WxWhereCondition): WxQuery {
    return new CountingQuery(this.counter, this.name, this.inner.where(condition));
  }

  orderBy(fieldPath: string, direction: 'asc' | 'desc'): WxQuery {
    return new CountingQuery(this.counter, this.name, this.inner.orderBy(fieldPath, direction));
  }

  skip(offset: number): WxQuery {
    return new CountingQuery(this.counter, this.name, this.inner.skip(offset));
  }

  limit(max: number): WxQuery {
    return new CountingQuery(this.counter, this.name, this.inner.limit(max));
  }

  get(): Promise<WxQueryGetResult> {
    this.counter.record('query', this.name, null);
    return this.inner.get();
  }

  count(): Promise<WxCountResult> {
    this.counter.record('count', this.name, null);
    return this.inner.count();
  }

  update(options: { data: WxUpdateData }): Promise<WxUpdateResult> {
    this.counter.record('updateWhere', this.name, null);
    return this.inner.update(options);
  }

  remove(): Promise<WxRemoveResult> {
    this.counter.record('removeWhere', this.name, null);
    return this.inner.remove();
  }
}

class CountingCollection extends CountingQuery implements WxCollection {
  constructor(
    counter: Counter,
    name: string,
    private readonly collection: WxCollection,
  ) {
    super(counter, name, collection);
  }

  doc(id: string): WxDocument {
    const inner = this.collection.doc(id);
    const { counter, name } = this;
    return {
      get(): Promise<WxDocumentGetResult> {
        counter.record('get', name, null, id);
        return inner.get();
      },
      set(options: { data: WxDocumentData }): Promise<WxSetResult> {
        counter.record('set', name, null, id);
        return inner.set(options);
      },
      update(options: { data: WxUpdateData }): Promise<WxUpdateResult> {
        counter.record('update', name, null, id);
        return inner.update(options);
      },
      remove(): Promise<WxRemoveResult> {
        counter.record('remove', name, null, id);
        return inner.remove();
      },
    };
  }

  add(options: { data: WxDocumentData }): Promise<WxAddResult> {
    this.counter.record('add', this.name, null, idOf(options?.data));
    return this.collection.add(options);
  }
}

// ---------------------------------------------------------------- inside transactions

function countingTransaction(counter: Counter, inner: WxTransaction, number: number): WxTransaction {
  return {
    collection(name: string): WxTransactionCollection {
      const collection = inner.collection(name);
      return {
        doc(id: string): WxTransactionDocument {
          const doc = collection.doc(id);
          return {
            get() {
              counter.record('get', name, number, id);
              return doc.get();
            },
            set(options: { data: WxDocumentData }) {
              counter.record('set', name, number, id);
              return doc.set(options);
            },
            update(options: { data: WxUpdateData }) {
              counter.record('update', name, number, id);
              return doc.update(options);
            },
            remove() {
              counter.record('remove', name, number, id);
              return doc.remove();
            },
          };
        },
        add(options: { data: WxDocumentData }) {
          counter.record('add', name, number, idOf(options?.data));
          return collection.add(options);
        },
      };
    },
  };
}

// ---------------------------------------------------------------- the database

export function countingWxDatabase(inner: WxDatabase): CountingWxDatabase {
  const counter = new Counter();
  return {
    get command() {
      return inner.command;
    },
    RegExp(options: WxRegExpOptions): WxRegExp {
      return inner.RegExp(options);
    },
    collection(name: string): WxCollection {
      return new CountingCollection(counter, name, inner.collection(name));
    },
    runTransaction<R>(callback: (transaction: WxTransaction) => Promise<R>, times?: number): Promise<R> {
      counter.counts.transactions += 1;
      const number = counter.counts.transactions;
      return inner.runTransaction((transaction) => {
        counter.counts.transactionExecutions += 1;
        return callback(countingTransaction(counter, transaction, number));
      }, times);
    },
    get counts() {
      return counter.counts;
    },
    get log() {
      return counter.log;
    },
    reset() {
      counter.counts = zero();
      counter.log = [];
    },
    snapshot(): DbOpSnapshot {
      return { ...counter.counts, roundTrips: roundTripsOf(counter.counts), log: [...counter.log] };
    },
  };
}
