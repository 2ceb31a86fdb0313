/**
 * An in-memory stand-in for wx-server-sdk's `cloud.database()`, for tests only. It keeps the platform
 * behaviours an adapter can get wrong, so the Db contract suite catches them off the cloud:
 *
 *  - `get()` without `limit()` returns at most 100 documents; `limit(n)` is silently capped at 1000.
 *    (Collection.limit / Collection.get reference pages: "云函数端默认及最大上限为 1000"; the default
 *    of 100 without limit is the behaviour WeChat staff and testers confirm in the developer
 *    community, e.g. developers.weixin.qq.com/community/develop/doc/0000a24f718e889a6b7b8fb2d5ac00.)
 *  - `doc(id).get()` of a missing document rejects with errCode -1 and errMsg
 *    `document.get:fail document with _id <id> does not exist` (the text deployed functions log; the
 *    errcode table, reference/errcode, lists -1 as the generic code). `cloud.database({ throwOnNotFound:
 *    false })` (wx-server-sdk >= 1.7.0, guide/database/transaction) resolves `{ data: null }` instead.
 *  - `add()` of an existing `_id` rejects with errCode -502001 ("数据库请求失败" in the errcode table)
 *    and an errMsg carrying MongoDB's `E11000 duplicate key error`.
 *  - `where()` follows MongoDB: a missing field equals null, `neq`/`nin` match missing fields,
 *    comparisons never cross types, strings compare by UTF-8 bytes; nested plain objects in a
 *    condition are dotted paths; arrays match when an element does.
 *  - `db.RegExp({ regexp, options })` as a field value matches string values only (or an array
 *    holding a matching string), as MongoDB's $regex does; options are `i`, `m`, `s`. The pattern runs
 *    as a JavaScript RegExp, which agrees with the server's PCRE on everything the adapter sends
 *    (escaped literal text); a pattern JavaScript cannot compile is refused like a bad query.
 *  - `update({ data })` merges plain objects field by field; `_.set(v)` replaces; `_.inc(n)` is atomic.
 *  - `runTransaction(callback, times = 3)` (Database.runTransaction: "事务执行最多次数，默认 3 次"):
 *    snapshot reads, a write lock per written document; writing a document another live transaction
 *    locked, or one committed after this snapshot began, fails with DATABASE_TRANSACTION_CONFLICT and
 *    the callback runs again while executions remain, else the conflict rejects. A callback's own
 *    error rolls back and rejects unchanged. Writes outside transactions wait for locks to clear.
 *  - Results are deep copies, and every call yields to the event loop (setImmediate) first so
 *    concurrent callers interleave the way network round trips do.
 *  - `doc(id).watch({ onChange, onError })`, the client SDK's realtime push (wx-watch.ts): an init snapshot
 *    of the document as it stands, then one snapshot per commit that changes it (a plain write or a
 *    transaction's commit; a write that leaves it as it was sends nothing), `breakWatches()` as a fault.
 *
 * Not modelled: collections that do not exist (the real database needs them created first, -502005),
 * the 1 MB result size limit, Date/GeoPoint types, field-level logic commands.
 */
import { randomBytes } from 'node:crypto';
import type {
  WxAddResult,
  WxCollection,
  WxCommand,
  WxCountResult,
  WxDatabase,
  WxDocument,
  WxDocumentData,
  WxDocumentGetResult,
  WxLogicCommand,
  WxQuery,
  WxQueryCommand,
  WxQueryGetResult,
  WxRegExp,
  WxRegExpOptions,
  WxRemoveResult,
  WxScalar,
  WxSetResult,
  WxTransaction,
  WxTransactionCollection,
  WxTransactionDocument,
  WxUpdateCommand,
  WxUpdateData,
  WxUpdateResult,
  WxWhereCondition,
} from '../../cloudfunctions/adapters/cloud/wx-database-types';
import {
  DocWatchSequence,
  WatchError,
  type WatchDoc,
  type WatchOptions,
  type Watcher,
  type WriteKind,
} from './wx-watch';

export const DEFAULT_GET_LIMIT = 100;
export const MAX_GET_LIMIT = 1000;
export const DEFAULT_TRANSACTION_TIMES = 3;

export interface WxDatabaseStandinOptions {
  /** As `cloud.database({ throwOnNotFound })`; the SDK's default is true. */
  throwOnNotFound?: boolean;
}

/** Counters a test can read to see how the adapter used the database. */
export interface WxDatabaseStandinStats {
  queryGets: number;
  largestLimitAsked: number;
  transactionExecutions: number;
  transactionConflicts: number;
}

/**
 * `doc(id).watch()`: the realtime push the mini-program's client SDK has (wx-server-sdk has none: the reference
 * lists 小程序 and Web as the only 支持端), over this store, so the snapshot contract can be checked against the
 * writes the CloudBase adapter really makes. See wx-watch.ts for the shapes.
 */
export interface WxStandinDocument extends WxDocument {
  watch(options: WatchOptions): Watcher;
}

export interface WxStandinCollection extends WxCollection {
  doc(id: string): WxStandinDocument;
}

export interface WxDatabaseStandin extends WxDatabase {
  readonly stats: WxDatabaseStandinStats;
  collection(name: string): WxStandinCollection;
  /**
   * A fault on the push channel: every open watch gets onError once and is over, as when the SDK's socket fails
   * (a new watch may be opened afterwards). Returns how many watches it ended.
   */
  breakWatches(errMsg?: string): number;
}

// ---------------------------------------------------------------- errors

/** Shaped like wx-server-sdk's CloudSDKError. */
export class WxStandinError extends Error {
  readonly errCode: number | undefined;
  readonly errMsg: string;
  readonly code: string | undefined;
  constructor(errCode: number | undefined, errMsg: string, code?: string) {
    super(errCode === undefined ? errMsg : `errCode: ${errCode} | errMsg: ${errMsg}`);
    this.name = 'CloudSDKError';
    this.errCode = errCode;
    this.errMsg = errMsg;
    this.code = code;
  }
}

export const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ' +
  'Please check your request, but if the problem persists, contact us.';

function notFoundError(id: string): WxStandinError {
  return new WxStandinError(-1, `document.get:fail document with _id ${id} does not exist`);
}

function duplicateError(api: string, collection: string, id: string): WxStandinError {
  return new WxStandinError(
    -502001,
    `${api}:fail -502001 database request fail. [FailedOperation.Insert] E11000 duplicate key error ` +
      `collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
    'DATABASE_REQUEST_FAILED',
  );
}

function conflictError(): WxStandinError {
  // The @cloudbase/database layer throws `{ code, message }` without an errCode.
  return new WxStandinError(undefined, TRANSACTION_CONFLICT_MESSAGE, 'DATABASE_TRANSACTION_CONFLICT');
}

function invalidError(api: string, reason: string): WxStandinError {
  return new WxStandinError(-501007, `${api}:fail ${reason}`);
}

// ---------------------------------------------------------------- commands

type QueryOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin';

class QueryCommand implements WxQueryCommand {
  constructor(
    readonly operator: QueryOp,
    readonly operand: WxScalar | readonly WxScalar[],
  ) {}
}

class LogicCommand implements WxLogicCommand {
  constructor(
    readonly operator: 'and' | 'or',
    readonly conditions: readonly WxWhereCondition[],
  ) {}
}

class UpdateCommand implements WxUpdateCommand {
  constructor(
    readonly operator: 'inc' | 'set',
    readonly operand: unknown,
  ) {}
}

class StandinRegExp implements WxRegExp {
  readonly options: string;
  readonly compiled: RegExp;
  constructor(
    readonly regexp: string,
    options: string | undefined,
  ) {
    if (typeof regexp !== 'string') throw invalidError('database.RegExp', 'regexp must be a string');
    this.options = options ?? '';
    if (typeof this.options !== 'string' || !/^[ims]*$/.test(this.options)) {
      throw invalidError('database.RegExp', `unsupported options ${String(options)}`);
    }
    try {
      this.compiled = new RegExp(regexp, this.options);
    } catch {
      throw invalidError('database.RegExp', `invalid regexp ${JSON.stringify(regexp)}`);
    }
  }

  test(found: Found): boolean {
    const candidates = Array.isArray(found) ? found : [found];
    return candidates.some((value) => typeof value === 'string' && this.compiled.test(value));
  }
}

function regExp(options: WxRegExpOptions): WxRegExp {
  if (!isPlainObject(options)) throw invalidError('database.RegExp', 'options must be an object');
  return new StandinRegExp(options.regexp, options.options);
}

const command: WxCommand = {
  eq: (value) => new QueryCommand('eq', value),
  neq: (value) => new QueryCommand('neq', value),
  lt: (value) => new QueryCommand('lt', value),
  lte: (value) => new QueryCommand('lte', value),
  gt: (value) => new QueryCommand('gt', value),
  gte: (value) => new QueryCommand('gte', value),
  in: (values) => new QueryCommand('in', [...values]),
  nin: (values) => new QueryCommand('nin', [...values]),
  and: (conditions) => new LogicCommand('and', [...conditions]),
  or: (conditions) => new LogicCommand('or', [...conditions]),
  inc: (by) => new UpdateCommand('inc', by),
  set: (value) => new UpdateCommand('set', value),
};

// ---------------------------------------------------------------- matching (MongoDB semantics)

const MISSING = Symbol('missing');
type Found = unknown | typeof MISSING;

function fieldAt(doc: WxDocumentData, path: string): Found {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current) || !(segment in current)) return MISSING;
    current = current[segment];
  }
  return current;
}

function matches(doc: WxDocumentData, condition: WxWhereCondition): boolean {
  if (condition instanceof LogicCommand) {
    return condition.operator === 'and'
      ? condition.conditions.every((sub) => matches(doc, sub))
      : condition.conditions.some((sub) => matches(doc, sub));
  }
  if (!isPlainObject(condition)) throw invalidError('collection.where', 'condition must be an object');
  return Object.entries(flattenCondition(condition, '')).every(([path, expected]) => {
    const found = fieldAt(doc, path);
    if (expected instanceof StandinRegExp) return expected.test(found);
    return expected instanceof QueryCommand ? commandMatches(found, expected) : equalsMatch(found, toScalar(expected));
  });
}

/** CloudBase reads `{ a: { b: 1 } }` in a condition as `{ 'a.b': 1 }`. */
function flattenCondition(condition: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(condition)) {
    if (value === undefined) continue;
    const path = prefix + key;
    if (value instanceof LogicCommand) throw invalidError('collection.where', 'field-level logic is not modelled');
    if (isPlainObject(value) && !(value instanceof QueryCommand) && !(value instanceof StandinRegExp))
      Object.assign(flat, flattenCondition(value, `${path}.`));
    else flat[path] = value;
  }
  return flat;
}

function commandMatches(found: Found, cmd: QueryCommand): boolean {
  switch (cmd.operator) {
    case 'eq':
      return equalsMatch(found, toScalar(cmd.operand));
    case 'neq':
      return !equalsMatch(found, toScalar(cmd.operand));
    case 'in':
      return toList(cmd.operand).some((value) => equalsMatch(found, value));
    case 'nin':
      return !toList(cmd.operand).some((value) => equalsMatch(found, value));
    default:
      return rangeMatch(found, cmd.operator, toScalar(cmd.operand));
  }
}

function equalsMatch(found: Found, expected: WxScalar): boolean {
  if (Array.isArray(found) && found.some((element) => scalarEquals(element, expected))) return true;
  return scalarEquals(found, expected);
}

function scalarEquals(found: Found, expected: WxScalar): boolean {
  if (expected === null) return found === MISSING || found === null;
  return typeof found === typeof expected && found === expected;
}

function rangeMatch(found: Found, op: 'lt' | 'lte' | 'gt' | 'gte', bound: WxScalar): boolean {
  if (typeof bound !== 'number' && typeof bound !== 'string') {
    throw invalidError('collection.where', `${op} needs a number or a string`);
  }
  const candidates = Array.isArray(found) ? [found, ...found] : [found];
  return candidates.some((value) => {
    if (typeof value !== typeof bound) return false;
    const order = compareSameType(value as string | number, bound);
    if (op === 'lt') return order < 0;
    if (op === 'lte') return order <= 0;
    if (op === 'gt') return order > 0;
    return order >= 0;
  });
}

function compareSameType(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // MongoDB and SQLite compare strings by UTF-8 bytes, which is not JavaScript's UTF-16 order.
  return Buffer.compare(Buffer.from(String(a), 'utf8'), Buffer.from(String(b), 'utf8'));
}

/** MongoDB's cross-type sort order: null/missing, numbers, strings, objects, arrays, booleans. */
function typeRank(value: Found): number {
  if (value === MISSING || value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  return 5;
}

function compareForSort(a: Found, b: Found): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (typeof a === 'number' || typeof a === 'string') return compareSameType(a, b as string | number);
  if (typeof a === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'object' && a !== null) return compareSameType(JSON.stringify(a), JSON.stringify(b));
  return 0;
}

function toScalar(value: unknown): WxScalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalidError('collection.where', `unsupported value ${String(value)}`);
}

function toList(value: unknown): WxScalar[] {
  if (!Array.isArray(value)) throw invalidError('collection.where', 'in/nin need an array');
  return value.map(toScalar);
}

// ---------------------------------------------------------------- updates

function applyUpdate(doc: WxDocumentData, data: WxUpdateData, api: string): WxDocumentData {
  checkWriteData(data, api);
  const next = structuredClone(doc);
  for (const [path, value] of Object.entries(flattenUpdate(data, ''))) {
    const segments = path.split('.');
    const leaf = segments.pop() as string;
    let parent: WxDocumentData = next;
    for (const segment of segments) {
      const child = parent[segment];
      if (!isPlainObject(child)) parent[segment] = {};
      parent = parent[segment] as WxDocumentData;
    }
    if (value instanceof UpdateCommand && value.operator === 'inc') {
      const old = parent[leaf];
      if (old !== undefined && typeof old !== 'number') {
        throw new WxStandinError(-502001, `${api}:fail Cannot apply $inc to a value of non-numeric type`);
      }
      parent[leaf] = (old ?? 0) + Number(value.operand);
    } else {
      parent[leaf] = structuredClone(value instanceof UpdateCommand ? value.operand : value);
    }
  }
  return next;
}

/** Plain objects in update data are merged by dotted path; commands and arrays are leaves. */
function flattenUpdate(data: WxUpdateData, prefix: string): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const path = prefix + key;
    if (isPlainObject(value) && !(value instanceof UpdateCommand))
      Object.assign(flat, flattenUpdate(value, `${path}.`));
    else flat[path] = value;
  }
  return flat;
}

function checkWriteData(data: unknown, api: string): asserts data is WxDocumentData {
  if (!isPlainObject(data)) throw invalidError(api, 'data must be an object');
  if ('_id' in data) throw invalidError(api, 'cannot update _id');
}

// ---------------------------------------------------------------- the store

interface Version {
  seq: number;
  /** null: deleted. */
  doc: WxDocumentData | null;
}

/** One document's new state at a commit, and the kind of write that made it (a watch reports it). */
interface Write {
  collection: string;
  id: string;
  /** null: deleted. */
  doc: WxDocumentData | null;
  kind: WriteKind;
}

interface TransactionState {
  startSeq: number;
  writes: Map<string, Write>;
  conflict: WxStandinError | null;
  finished: boolean;
}

class Store {
  seq = 0;
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly locks = new Map<string, TransactionState>();
  private readonly active = new Set<TransactionState>();
  private unlockWaiters: Array<() => void> = [];
  private readonly watches = new Map<string, Set<DocWatch>>();

  versions(collection: string): Map<string, Version[]> {
    let docs = this.collections.get(collection);
    if (docs === undefined) {
      docs = new Map();
      this.collections.set(collection, docs);
    }
    return docs;
  }

  current(collection: string, id: string): WxDocumentData | null {
    return this.versions(collection).get(id)?.at(-1)?.doc ?? null;
  }

  at(collection: string, id: string, seq: number): WxDocumentData | null {
    const history = this.versions(collection).get(id) ?? [];
    for (let i = history.length - 1; i >= 0; i--) {
      const version = history[i];
      if (version !== undefined && version.seq <= seq) return version.doc;
    }
    return null;
  }

  lastWriteSeq(collection: string, id: string): number {
    return this.versions(collection).get(id)?.at(-1)?.seq ?? 0;
  }

  /** Live documents in insertion order (MongoDB's natural order, near enough). */
  live(collection: string): WxDocumentData[] {
    const docs: WxDocumentData[] = [];
    for (const history of this.versions(collection).values()) {
      const doc = history.at(-1)?.doc;
      if (doc) docs.push(doc);
    }
    return docs;
  }

  /** Applies writes at one new sequence number: the atomic commit point. */
  apply(writes: Iterable<Write>): void {
    const list = [...writes];
    this.seq += 1;
    for (const write of list) {
      const docs = this.versions(write.collection);
      const history = docs.get(write.id) ?? [];
      // Old versions only serve snapshots; with no transaction open, nobody can read them.
      if (this.active.size === 0) history.splice(0, history.length);
      history.push({ seq: this.seq, doc: write.doc });
      docs.set(write.id, history);
    }
    // After the whole commit, as the server's change stream sees it: a transaction's writes land together.
    for (const write of list) this.notify(write);
  }

  private notify(write: Write): void {
    for (const watch of this.watches.get(key(write.collection, write.id)) ?? []) watch.changed(write.doc, write.kind);
  }

  addWatch(collection: string, id: string, watch: DocWatch): void {
    const docKey = key(collection, id);
    const set = this.watches.get(docKey) ?? new Set<DocWatch>();
    set.add(watch);
    this.watches.set(docKey, set);
  }

  removeWatch(collection: string, id: string, watch: DocWatch): void {
    const docKey = key(collection, id);
    const set = this.watches.get(docKey);
    set?.delete(watch);
    if (set?.size === 0) this.watches.delete(docKey);
  }

  openWatches(): DocWatch[] {
    return [...this.watches.values()].flatMap((set) => [...set]);
  }

  isLockedByOther(key: string, tx: TransactionState | null): boolean {
    const holder = this.locks.get(key);
    return holder !== undefined && holder !== tx;
  }

  lock(key: string, tx: TransactionState): void {
    this.locks.set(key, tx);
  }

  begin(): TransactionState {
    const tx: TransactionState = { startSeq: this.seq, writes: new Map(), conflict: null, finished: false };
    this.active.add(tx);
    return tx;
  }

  end(tx: TransactionState, commit: boolean): void {
    if (tx.finished) return;
    tx.finished = true;
    if (commit) this.apply(tx.writes.values());
    this.active.delete(tx);
    for (const [key, holder] of this.locks) if (holder === tx) this.locks.delete(key);
    const waiters = this.unlockWaiters;
    this.unlockWaiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * A write outside a transaction waits while a transaction holds a lock on any document it would
   * touch ("普通的更新操作会被阻塞，直到事务锁释放"), then runs against fresh state.
   */
  async whenUnlocked<T>(keysOf: () => string[], write: () => T): Promise<T> {
    for (;;) {
      if (!keysOf().some((docKey) => this.locks.has(docKey))) return write();
      await new Promise<void>((resolve) => this.unlockWaiters.push(resolve));
    }
  }
}

function key(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

// ---------------------------------------------------------------- queries

interface QueryState {
  condition: WxWhereCondition | undefined;
  orders: ReadonlyArray<readonly [string, 'asc' | 'desc']>;
  skip: number;
  limit: number | undefined;
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function newId(): string {
  return randomBytes(16).toString('hex');
}

class StandinQuery implements WxQuery {
  constructor(
    protected readonly db: StandinDatabase,
    protected readonly name: string,
    protected readonly state: QueryState,
  ) {}

  where(condition: WxWhereCondition): WxQuery {
    if (!(condition instanceof LogicCommand) && !isPlainObject(condition)) {
      throw invalidError('collection.where', 'condition must be an object');
    }
    return new StandinQuery(this.db, this.name, { ...this.state, condition });
  }

  orderBy(fieldPath: string, direction: 'asc' | 'desc'): WxQuery {
    if (direction !== 'asc' && direction !== 'desc') throw invalidError('collection.orderBy', 'bad direction');
    return new StandinQuery(this.db, this.name, {
      ...this.state,
      orders: [...this.state.orders, [fieldPath, direction]],
    });
  }

  skip(offset: number): WxQuery {
    if (!Number.isInteger(offset) || offset < 0) throw invalidError('collection.skip', 'offset must be >= 0');
    return new StandinQuery(this.db, this.name, { ...this.state, skip: offset });
  }

  limit(max: number): WxQuery {
    if (!Number.isInteger(max) || max < 1) throw invalidError('collection.limit', 'limit must be a positive integer');
    return new StandinQuery(this.db, this.name, { ...this.state, limit: max });
  }

  async get(): Promise<WxQueryGetResult> {
    await tick();
    this.db.stats.queryGets += 1;
    this.db.stats.largestLimitAsked = Math.max(this.db.stats.largestLimitAsked, this.state.limit ?? 0);
    const sorted = this.matching().sort((a, b) => this.compare(a, b));
    const limit = Math.min(this.state.limit ?? DEFAULT_GET_LIMIT, MAX_GET_LIMIT);
    const page = sorted.slice(this.state.skip, this.state.skip + limit);
    return { data: structuredClone(page), errMsg: 'collection.get:ok' };
  }

  async count(): Promise<WxCountResult> {
    await tick();
    return { total: this.matching().length, errMsg: 'collection.count:ok' };
  }

  async update(options: { data: WxUpdateData }): Promise<WxUpdateResult> {
    await tick();
    checkWriteData(options?.data, 'collection.update');
    const store = this.db.store;
    const updated = await store.whenUnlocked(
      () => this.matching().map((doc) => key(this.name, String(doc._id))),
      () => {
        const writes = this.matching().map((doc) => ({
          collection: this.name,
          id: String(doc._id),
          doc: applyUpdate(doc, options.data, 'collection.update'),
          kind: 'update' as const,
        }));
        store.apply(writes);
        return writes.length;
      },
    );
    return { stats: { updated }, errMsg: 'collection.update:ok' };
  }

  async remove(): Promise<WxRemoveResult> {
    await tick();
    const store = this.db.store;
    const removed = await store.whenUnlocked(
      () => this.matching().map((doc) => key(this.name, String(doc._id))),
      () => {
        const writes = this.matching().map((doc) => ({
          collection: this.name,
          id: String(doc._id),
          doc: null,
          kind: 'remove' as const,
        }));
        store.apply(writes);
        return writes.length;
      },
    );
    return { stats: { removed }, errMsg: 'collection.remove:ok' };
  }

  private matching(): WxDocumentData[] {
    const condition = this.state.condition;
    const docs = this.db.store.live(this.name);
    return condition === undefined ? docs : docs.filter((doc) => matches(doc, condition));
  }

  private compare(a: WxDocumentData, b: WxDocumentData): number {
    for (const [path, direction] of this.state.orders) {
      const order = compareForSort(fieldAt(a, path), fieldAt(b, path));
      if (order !== 0) return direction === 'asc' ? order : -order;
    }
    return 0;
  }
}

class StandinCollection extends StandinQuery implements WxStandinCollection {
  constructor(db: StandinDatabase, name: string) {
    super(db, name, { condition: undefined, orders: [], skip: 0, limit: undefined });
  }

  doc(id: string): WxStandinDocument {
    return new StandinDocument(this.db, this.name, id);
  }

  async add(options: { data: WxDocumentData }): Promise<WxAddResult> {
    await tick();
    const data = options?.data;
    if (!isPlainObject(data)) throw invalidError('collection.add', 'data must be an object');
    const id = data._id === undefined ? newId() : data._id;
    if (typeof id !== 'string' || id === '') throw invalidError('collection.add', '_id must be a non-empty string');
    const store = this.db.store;
    return store.whenUnlocked(
      () => [key(this.name, id)],
      () => {
        if (store.current(this.name, id) !== null) throw duplicateError('collection.add', this.name, id);
        store.apply([{ collection: this.name, id, doc: { ...structuredClone(data), _id: id }, kind: 'add' }]);
        return { _id: id, errMsg: 'collection.add:ok' };
      },
    );
  }
}

/** One open watch on one document: snapshots are delivered in order, each on a turn of its own, as pushes arrive. */
class DocWatch implements Watcher {
  private readonly sequence: DocWatchSequence;
  private state: 'open' | 'closed' | 'errored' = 'open';

  constructor(
    private readonly store: Store,
    private readonly collection: string,
    private readonly id: string,
    private readonly options: WatchOptions,
  ) {
    this.sequence = new DocWatchSequence(id);
    // The init snapshot is the document as it stands now; writes from here on come as changes after it.
    const init = this.sequence.init(store.current(collection, id) as WatchDoc | null);
    store.addWatch(collection, id, this);
    this.deliver(() => options.onChange(init));
  }

  changed(doc: WxDocumentData | null, kind: WriteKind): void {
    if (this.state !== 'open') return;
    const snapshot = this.sequence.change(doc as WatchDoc | null, kind);
    if (snapshot !== null) this.deliver(() => this.options.onChange(snapshot));
  }

  fail(error: WatchError): boolean {
    if (this.state !== 'open') return false;
    this.state = 'errored';
    this.store.removeWatch(this.collection, this.id, this);
    this.deliver(() => this.options.onError(error));
    return true;
  }

  async close(): Promise<void> {
    if (this.state === 'open') this.state = 'closed';
    this.store.removeWatch(this.collection, this.id, this);
    await tick();
  }

  private deliver(call: () => void): void {
    // Never inside the write that caused it: the push reaches the client after the writer's answer.
    setImmediate(() => {
      if (this.state !== 'closed') call();
    });
  }
}

class StandinDocument implements WxStandinDocument {
  constructor(
    private readonly db: StandinDatabase,
    private readonly name: string,
    private readonly id: string,
  ) {}

  watch(options: WatchOptions): Watcher {
    if (typeof options?.onChange !== 'function' || typeof options?.onError !== 'function') {
      throw new WatchError('INVALID_PARAM', 'watch() needs both onChange and onError');
    }
    return new DocWatch(this.db.store, this.name, this.id, options);
  }

  async get(): Promise<WxDocumentGetResult> {
    await tick();
    const doc = this.db.store.current(this.name, this.id);
    if (doc === null) {
      if (this.db.throwOnNotFound) throw notFoundError(this.id);
      return { data: null, errMsg: 'document.get:ok' };
    }
    return { data: structuredClone(doc), errMsg: 'document.get:ok' };
  }

  async set(options: { data: WxDocumentData }): Promise<WxSetResult> {
    await tick();
    checkWriteData(options?.data, 'document.set');
    const store = this.db.store;
    return store.whenUnlocked(
      () => [key(this.name, this.id)],
      () => {
        const existed = store.current(this.name, this.id) !== null;
        store.apply([
          { collection: this.name, id: this.id, doc: { ...structuredClone(options.data), _id: this.id }, kind: 'set' },
        ]);
        return {
          _id: this.id,
          stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 },
          errMsg: 'document.set:ok',
        };
      },
    );
  }

  async update(options: { data: WxUpdateData }): Promise<WxUpdateResult> {
    await tick();
    checkWriteData(options?.data, 'document.update');
    const store = this.db.store;
    const updated = await store.whenUnlocked(
      () => [key(this.name, this.id)],
      () => {
        const doc = store.current(this.name, this.id);
        if (doc === null) return 0;
        store.apply([
          {
            collection: this.name,
            id: this.id,
            doc: applyUpdate(doc, options.data, 'document.update'),
            kind: 'update',
          },
        ]);
        return 1;
      },
    );
    return { stats: { updated }, errMsg: 'document.update:ok' };
  }

  async remove(): Promise<WxRemoveResult> {
    await tick();
    const store = this.db.store;
    const removed = await store.whenUnlocked(
      () => [key(this.name, this.id)],
      () => {
        if (store.current(this.name, this.id) === null) return 0;
        store.apply([{ collection: this.name, id: this.id, doc: null, kind: 'remove' }]);
        return 1;
      },
    );
    return { stats: { removed }, errMsg: 'document.remove:ok' };
  }
}

// ---------------------------------------------------------------- transactions

class TransactionApi implements WxTransaction {
  constructor(
    private readonly db: StandinDatabase,
    private readonly tx: TransactionState,
  ) {}

  collection(name: string): WxTransactionCollection {
    return {
      doc: (id: string) => this.document(name, id),
      add: async (options: { data: WxDocumentData }) => {
        await this.step();
        const data = options?.data;
        if (!isPlainObject(data)) throw invalidError('collection.add', 'data must be an object');
        const id = data._id === undefined ? newId() : data._id;
        if (typeof id !== 'string' || id === '') throw invalidError('collection.add', '_id must be a non-empty string');
        if (this.view(name, id) !== null) throw duplicateError('collection.add', name, id);
        this.lock(name, id);
        this.tx.writes.set(key(name, id), {
          collection: name,
          id,
          doc: { ...structuredClone(data), _id: id },
          kind: 'add',
        });
        return { _id: id };
      },
    };
  }

  private document(name: string, id: string): WxTransactionDocument {
    return {
      get: async () => {
        await this.step();
        const doc = this.view(name, id);
        if (doc === null && this.db.throwOnNotFound) throw notFoundError(id);
        return { data: doc === null ? null : structuredClone(doc) };
      },
      set: async (options: { data: WxDocumentData }) => {
        await this.step();
        checkWriteData(options?.data, 'document.set');
        this.lock(name, id);
        this.tx.writes.set(key(name, id), {
          collection: name,
          id,
          doc: { ...structuredClone(options.data), _id: id },
          kind: 'set',
        });
        return { stats: { updated: 1 } };
      },
      update: async (options: { data: WxUpdateData }) => {
        await this.step();
        checkWriteData(options?.data, 'document.update');
        const doc = this.view(name, id);
        if (doc === null) return { stats: { updated: 0 } };
        this.lock(name, id);
        const next = applyUpdate(doc, options.data, 'document.update');
        this.tx.writes.set(key(name, id), { collection: name, id, doc: next, kind: 'update' });
        return { stats: { updated: 1 } };
      },
      remove: async () => {
        await this.step();
        if (this.view(name, id) === null) return { stats: { removed: 0 } };
        this.lock(name, id);
        this.tx.writes.set(key(name, id), { collection: name, id, doc: null, kind: 'remove' });
        return { stats: { removed: 1 } };
      },
    };
  }

  /** What this transaction sees: its snapshot plus its own writes. */
  private view(name: string, id: string): WxDocumentData | null {
    const own = this.tx.writes.get(key(name, id));
    if (own !== undefined) return own.doc;
    return this.db.store.at(name, id, this.tx.startSeq);
  }

  private lock(name: string, id: string): void {
    const store = this.db.store;
    const docKey = key(name, id);
    if (store.isLockedByOther(docKey, this.tx) || store.lastWriteSeq(name, id) > this.tx.startSeq) {
      // MongoDB aborts the whole transaction on a write conflict; later calls fail the same way.
      this.tx.conflict = conflictError();
      throw this.tx.conflict;
    }
    store.lock(docKey, this.tx);
  }

  private async step(): Promise<void> {
    await tick();
    if (this.tx.finished)
      throw new WxStandinError(undefined, 'Transaction does not exist', 'DATABASE_TRANSACTION_FAIL');
    if (this.tx.conflict !== null) throw this.tx.conflict;
  }
}

// ---------------------------------------------------------------- the database

class StandinDatabase implements WxDatabaseStandin {
  readonly command = command;
  readonly RegExp = regExp;
  readonly store = new Store();
  readonly stats: WxDatabaseStandinStats = {
    queryGets: 0,
    largestLimitAsked: 0,
    transactionExecutions: 0,
    transactionConflicts: 0,
  };

  constructor(readonly throwOnNotFound: boolean) {}

  collection(name: string): WxStandinCollection {
    if (typeof name !== 'string' || name === '') throw invalidError('database.collection', 'name is required');
    return new StandinCollection(this, name);
  }

  breakWatches(errMsg = 'simulated fault on the push channel'): number {
    const error = () => new WatchError('SDK_DATABASE_REALTIME_LISTENER_WEBSOCKET_CONNECTION_ERROR', errMsg);
    return this.store.openWatches().filter((watch) => watch.fail(error())).length;
  }

  async runTransaction<R>(
    callback: (transaction: WxTransaction) => Promise<R>,
    times: number = DEFAULT_TRANSACTION_TIMES,
  ): Promise<R> {
    for (let execution = 1; ; execution++) {
      await tick();
      const tx = this.store.begin();
      this.stats.transactionExecutions += 1;
      try {
        const result = await callback(new TransactionApi(this, tx));
        // A conflict the callback swallowed still dooms the commit, as on the server.
        if (tx.conflict !== null) throw tx.conflict;
        await tick();
        this.store.end(tx, true);
        return result;
      } catch (error) {
        this.store.end(tx, false);
        const conflicted = error instanceof WxStandinError && error.code === 'DATABASE_TRANSACTION_CONFLICT';
        if (conflicted) this.stats.transactionConflicts += 1;
        if (conflicted && execution < times) continue;
        throw error;
      }
    }
  }
}

export function createWxDatabaseStandin(options: WxDatabaseStandinOptions = {}): WxDatabaseStandin {
  return new StandinDatabase(options.throwOnNotFound ?? true);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
