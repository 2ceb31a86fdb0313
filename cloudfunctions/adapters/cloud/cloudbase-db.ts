/**
 * The Db port on WeChat Cloud Development's database (wx-server-sdk `cloud.database()`), used in
 * production. The database is passed in, so this module never loads the SDK and tests run it against
 * test/standins/wx-database.ts.
 */
import { DbError, isIncrement } from '../../ports';
import type { Collection, Db, Doc, FieldCondition, Filter, FindOptions, Patch, Scalar, Tx } from '../../ports';
import type {
  WxCommand,
  WxDatabase,
  WxDocumentData,
  WxQuery,
  WxTransaction,
  WxUpdateData,
  WxWhereCondition,
} from './wx-database-types';
import {
  checkCollectionName,
  checkId,
  checkFieldPath,
  checkCount,
  checkPatchField,
  invalid,
  duplicate,
} from '../db-input';

export interface CloudBaseDbOptions {
  /**
   * Documents per `get()` while paging `find()`. The platform caps a page at 1000; lower it for
   * collections with large documents, since a result over 1 MB fails.
   */
  pageSize?: number;
  /** runTransaction calls (each with the SDK's own retries) before giving up with CONFLICT. */
  transactionRounds?: number;
  /** Executions the SDK may spend on one runTransaction call (its `times`). */
  transactionTimes?: number;
}

const MAX_PAGE = 1000;
/** Parallel adds of createMany: enough to hide round trips, few enough to stay under the environment's QPS. */
const CREATE_MANY_CONCURRENCY = 8;

export function createCloudBaseDb(database: WxDatabase, options: CloudBaseDbOptions = {}): Db {
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE)), MAX_PAGE);
  const rounds = Math.max(1, options.transactionRounds ?? 10);
  const times = Math.max(1, options.transactionTimes ?? 3);
  return {
    kind: 'cloudbase',
    collection<T extends Doc>(name: string): Collection<T> {
      return new CloudBaseCollection<T>(database, checkCollectionName(name), pageSize);
    },
    transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
      return runTransaction(database, work, rounds, times);
    },
  };
}

// ---------------------------------------------------------------- collection

class CloudBaseCollection<T extends Doc> implements Collection<T> {
  private readonly _: WxCommand;

  constructor(
    private readonly database: WxDatabase,
    private readonly name: string,
    private readonly pageSize: number,
  ) {
    this._ = database.command;
  }

  async get(id: string): Promise<T | null> {
    checkId(this.name, id);
    try {
      const result = await this.database.collection(this.name).doc(id).get();
      return toDoc<T>(result.data);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async create(doc: T): Promise<string> {
    const id = checkId(this.name, doc._id);
    try {
      await this.database.collection(this.name).add({ data: toData(doc) });
    } catch (error) {
      if (isDuplicate(error)) throw duplicate(this.name, id);
      throw error;
    }
    return id;
  }

  async createMany(docs: readonly T[]): Promise<{ created: number; existing: string[] }> {
    const ids = docs.map((doc) => checkId(this.name, doc._id));
    if (new Set(ids).size !== ids.length) throw invalid(this.name, 'createMany ids must be distinct');
    // One add per document, a few at a time: batch add is server-SDK only and its handling of an existing
    // _id in the middle of a batch is undocumented, while a single add answers a duplicate precisely.
    const existing: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < docs.length) {
        const doc = docs[next++] as T;
        try {
          await this.create(doc);
        } catch (error) {
          if (error instanceof DbError && error.code === 'DUPLICATE') existing.push(doc._id);
          else throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CREATE_MANY_CONCURRENCY, docs.length) }, worker));
    return { created: docs.length - existing.length, existing };
  }

  async set(doc: T): Promise<void> {
    const id = checkId(this.name, doc._id);
    await this.database
      .collection(this.name)
      .doc(id)
      .set({ data: withoutId(doc) });
  }

  async update(id: string, patch: Patch<T>): Promise<boolean> {
    checkId(this.name, id);
    const data = toUpdateData(this.name, this._, patch);
    if (data === null) return (await this.get(id)) !== null;
    const result = await this.database.collection(this.name).doc(id).update({ data });
    if (result.stats.updated > 0) return true;
    // The server may count only documents it modified, so 0 does not prove the document is absent.
    return (await this.get(id)) !== null;
  }

  async remove(id: string): Promise<boolean> {
    checkId(this.name, id);
    const result = await this.database.collection(this.name).doc(id).remove();
    return result.stats.removed > 0;
  }

  async find(filter?: Filter, options: FindOptions = {}): Promise<T[]> {
    const skip = checkCount(this.name, 'skip', options.skip ?? 0);
    const limit = options.limit === undefined ? Infinity : checkCount(this.name, 'limit', options.limit);
    let query = this.query(filter);
    let orderedById = false;
    for (const [field, direction] of options.orderBy ?? []) {
      if (direction !== 'asc' && direction !== 'desc') throw invalid(this.name, `bad sort direction ${direction}`);
      checkFieldPath(this.name, field);
      orderedById ||= field === '_id';
      query = query.orderBy(field, direction);
    }
    // `_id` last makes the order total, so consecutive pages neither repeat nor skip documents.
    if (!orderedById) query = query.orderBy('_id', 'asc');

    // get() returns 100 documents without limit() and at most 1000 with it: page until a short page.
    const found: T[] = [];
    while (found.length < limit) {
      const want = Math.min(this.pageSize, limit - found.length);
      const page = await query
        .skip(skip + found.length)
        .limit(want)
        .get();
      for (const data of page.data) found.push(data as unknown as T);
      if (page.data.length < want) break;
    }
    return found;
  }

  async count(filter?: Filter): Promise<number> {
    const result = await this.query(filter).count();
    return result.total;
  }

  async updateWhere(filter: Filter, patch: Patch<T>): Promise<number> {
    const data = toUpdateData(this.name, this._, patch);
    if (data === null) return 0;
    const result = await this.query(filter, true).update({ data });
    return result.stats.updated;
  }

  async removeWhere(filter: Filter): Promise<number> {
    const result = await this.query(filter, true).remove();
    return result.stats.removed;
  }

  private query(filter: Filter | undefined, forWrite = false): WxQuery {
    const collection = this.database.collection(this.name);
    const condition = toCondition(this.name, this.database, filter);
    if (condition !== null) return collection.where(condition);
    // A batch write with an empty condition is not something to rely on: name every document.
    return forWrite ? collection.where({ _id: this._.neq(null) }) : collection;
  }
}

// ---------------------------------------------------------------- transactions

class CloudBaseTx implements Tx {
  /** The platform's conflict error, if a call hit one: the SDK must see it to run the work again. */
  conflict: { error: unknown } | undefined;

  constructor(
    private readonly transaction: WxTransaction,
    private readonly _: WxCommand,
  ) {}

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const name = checkCollectionName(collection);
    checkId(name, id);
    try {
      const result = await this.transaction.collection(name).doc(id).get();
      return toDoc<T>(result.data);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw this.seen(error);
    }
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    const name = checkCollectionName(collection);
    const id = checkId(name, doc._id);
    try {
      await this.transaction.collection(name).add({ data: toData(doc) });
    } catch (error) {
      if (isDuplicate(error)) throw duplicate(name, id);
      throw this.seen(error);
    }
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    const name = checkCollectionName(collection);
    const id = checkId(name, doc._id);
    await this.call(() =>
      this.transaction
        .collection(name)
        .doc(id)
        .set({ data: withoutId(doc) }),
    );
  }

  async update<T extends Doc>(collection: string, id: string, patch: Patch<T>): Promise<void> {
    const name = checkCollectionName(collection);
    checkId(name, id);
    const data = toUpdateData(name, this._, patch);
    if (data === null) return;
    await this.call(() => this.transaction.collection(name).doc(id).update({ data }));
  }

  async remove(collection: string, id: string): Promise<void> {
    const name = checkCollectionName(collection);
    checkId(name, id);
    await this.call(() => this.transaction.collection(name).doc(id).remove());
  }

  private async call(operation: () => Promise<unknown>): Promise<void> {
    try {
      await operation();
    } catch (error) {
      throw this.seen(error);
    }
  }

  private seen(error: unknown): unknown {
    if (isConflict(error)) this.conflict ??= { error };
    return error;
  }
}

async function runTransaction<R>(
  database: WxDatabase,
  work: (tx: Tx) => Promise<R>,
  rounds: number,
  times: number,
): Promise<R> {
  for (let round = 1; ; round++) {
    // The SDK may wrap what the callback throws; remembering it lets us rethrow the original.
    let workError: { error: unknown } | undefined;
    try {
      return await database.runTransaction(async (transaction) => {
        workError = undefined;
        const tx = new CloudBaseTx(transaction, database.command);
        let result: R;
        try {
          result = await work(tx);
        } catch (error) {
          if (tx.conflict !== undefined) throw tx.conflict.error;
          workError = { error };
          throw error;
        }
        // Work that swallowed a conflict must not commit as if nothing happened.
        if (tx.conflict !== undefined) throw tx.conflict.error;
        return result;
      }, times);
    } catch (error) {
      if (workError !== undefined) throw workError.error;
      if (isDuplicate(error)) throw new DbError('DUPLICATE', '', `transaction hit a duplicate _id: ${describe(error)}`);
      if (!isConflict(error)) throw error;
      if (round >= rounds) {
        throw new DbError('CONFLICT', '', `transaction gave up after ${rounds * times} conflicting attempts`);
      }
      // The SDK retries at once; between our rounds, random backoff lets colliding writers spread out.
      await sleep(Math.random() * Math.min(10 * 2 ** round, 200));
    }
  }
}

// ---------------------------------------------------------------- translation

function toCondition(collection: string, database: WxDatabase, filter: Filter | undefined): WxWhereCondition | null {
  if (filter === undefined) return null;
  const _ = database.command;
  if (!isPlainObject(filter)) throw invalid(collection, 'a filter must be an object');
  const clauses: WxWhereCondition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) throw invalid(collection, `${key} needs a non-empty array`);
      // An empty sub-filter matches everything; inside _.and / _.or it must still be an object.
      const subs = (value as readonly Filter[]).map((sub) => toCondition(collection, database, sub) ?? {});
      clauses.push(key === '$and' ? _.and(subs) : _.or(subs));
    } else if (key.startsWith('$')) {
      throw invalid(collection, `unknown operator ${key}`);
    } else {
      checkFieldPath(collection, key);
      if (isScalar(value)) clauses.push({ [key]: scalar(collection, key, value) });
      else if (isPlainObject(value)) clauses.push(...fieldClauses(collection, database, key, value as FieldCondition));
      else throw invalid(collection, `unsupported condition on ${key}`);
    }
  }
  if (clauses.length === 0) return null;
  const [only] = clauses;
  return clauses.length === 1 && only !== undefined ? only : _.and(clauses);
}

function fieldClauses(
  collection: string,
  database: WxDatabase,
  field: string,
  condition: FieldCondition,
): WxWhereCondition[] {
  const _ = database.command;
  const clauses: WxWhereCondition[] = [];
  for (const [op, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    switch (op) {
      case '$eq':
        clauses.push({ [field]: _.eq(scalar(collection, field, operand)) });
        break;
      case '$ne':
        clauses.push({ [field]: _.neq(scalar(collection, field, operand)) });
        break;
      case '$in':
        clauses.push({ [field]: _.in(scalars(collection, field, operand)) });
        break;
      case '$nin':
        clauses.push({ [field]: _.nin(scalars(collection, field, operand)) });
        break;
      case '$lt':
        clauses.push({ [field]: _.lt(bound(collection, field, operand)) });
        break;
      case '$lte':
        clauses.push({ [field]: _.lte(bound(collection, field, operand)) });
        break;
      case '$gt':
        clauses.push({ [field]: _.gt(bound(collection, field, operand)) });
        break;
      case '$gte':
        clauses.push({ [field]: _.gte(bound(collection, field, operand)) });
        break;
      case '$contains':
        // The server's regex matches strings only, so non-string fields never match, as the port says.
        clauses.push({
          [field]: database.RegExp({ regexp: literalPattern(text(collection, field, operand)), options: 'i' }),
        });
        break;
      default:
        throw invalid(collection, `unknown operator ${op} on ${field}`);
    }
  }
  if (clauses.length === 0) throw invalid(collection, `empty condition on ${field}`);
  return clauses;
}

/** Update data for a patch; null when the patch changes nothing. */
function toUpdateData<T extends Doc>(collection: string, _: WxCommand, patch: Patch<T>): WxUpdateData | null {
  if (!isPlainObject(patch)) throw invalid(collection, 'a patch must be an object');
  const data: WxUpdateData = {};
  let fields = 0;
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    checkPatchField(collection, field);
    if (isIncrement(value)) {
      if (!Number.isFinite(value.$inc)) throw invalid(collection, `${field}: increments must be finite`);
      data[field] = _.inc(value.$inc);
    } else if (typeof value === 'object' && value !== null) {
      // A plain object would be merged into the stored one; the port replaces nested values whole.
      data[field] = _.set(value);
    } else {
      data[field] = value;
    }
    fields += 1;
  }
  return fields === 0 ? null : data;
}

function toData(doc: Doc): WxDocumentData {
  return { ...(doc as unknown as WxDocumentData) };
}

function withoutId(doc: Doc): WxDocumentData {
  const { _id: _ignored, ...rest } = doc as unknown as WxDocumentData;
  return rest;
}

/** Some SDK builds return the document wrapped in a one-element array. */
function toDoc<T>(data: unknown): T | null {
  const doc = Array.isArray(data) ? data[0] : data;
  return isPlainObject(doc) ? (doc as unknown as T) : null;
}

// ---------------------------------------------------------------- platform errors

function errorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const fields = error as { errMsg?: unknown; message?: unknown; code?: unknown; errCode?: unknown };
  return [fields.errMsg, fields.message, fields.code, fields.errCode].filter((part) => part !== undefined).join(' ');
}

function describe(error: unknown): string {
  return errorText(error).slice(0, 300);
}

/** `document.get:fail document with _id <id> does not exist` (errCode -1). */
function isNotFound(error: unknown): boolean {
  const text = errorText(error);
  return /document with _id .* does not exist|DATABASE_DOCUMENT_NOT_EXIST/i.test(text);
}

/** MongoDB's E11000 surfaces inside errCode -502001 (`database request fail`). */
function isDuplicate(error: unknown): boolean {
  return /E11000|duplicate key|DATABASE_DUPLICATE_WRITE/i.test(errorText(error));
}

/** `DATABASE_TRANSACTION_CONFLICT` / `[ResourceUnavailable.TransactionConflict]`. */
function isConflict(error: unknown): boolean {
  return /DATABASE_TRANSACTION_CONFLICT|TransactionConflict/.test(errorText(error));
}

// ---------------------------------------------------------------- checks

function scalar(collection: string, field: string, value: unknown): Scalar {
  if (!isScalar(value)) throw invalid(collection, `${field}: expected a string, number, boolean or null`);
  if (typeof value === 'number' && !Number.isFinite(value))
    throw invalid(collection, `${field}: numbers must be finite`);
  return value;
}

function scalars(collection: string, field: string, value: unknown): Scalar[] {
  if (!Array.isArray(value)) throw invalid(collection, `$in / $nin on ${field} needs an array`);
  return value.map((item: unknown) => scalar(collection, field, item));
}

function text(collection: string, field: string, value: unknown): string {
  if (typeof value !== 'string') throw invalid(collection, `$contains on ${field} needs a string`);
  return value;
}

/**
 * A pattern matching `value` literally. PCRE (the server) and JavaScript both read a backslash before
 * these punctuation characters as the character itself, so `a.b(c` finds only `a.b(c`.
 */
function literalPattern(value: string): string {
  return value.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

function bound(collection: string, field: string, value: unknown): string | number {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalid(collection, `${field}: range bounds must be a finite number or a string`);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
