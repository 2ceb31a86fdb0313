/**
 * The Db port on an embedded SQLite file (better-sqlite3): the local cloud's database and the one the
 * use-case tests run on. Semantics follow CloudBase (MongoDB): a missing field behaves as null,
 * comparisons never cross types, sorting follows MongoDB's type order, and transactions are
 * optimistic and may run their work more than once.
 */
import Database from 'better-sqlite3';
import type { Database as Sqlite, Statement } from 'better-sqlite3';
import { DbError, isIncrement } from '../../ports';
import type { Collection, Db, Doc, FieldCondition, Filter, FindOptions, Patch, Scalar, Tx } from '../../ports';
import {
  checkCollectionName,
  checkId,
  checkFieldPath,
  checkCount,
  checkPatchField,
  invalid,
  duplicate,
} from '../db-input';

/** One segment of a field path; `$` is kept for operators, `.` separates segments. */
const MAX_TRANSACTION_ATTEMPTS = 10;
const BUSY_TIMEOUT_MS = 5000;
const STATEMENT_CACHE_SIZE = 500;

type SqlParam = string | number | null;

interface Sql {
  sql: string;
  params: SqlParam[];
}

interface Row {
  rev: number;
  doc: string;
}

export function openEmbeddedDb(file: string): Db & { close(): void } {
  const sqlite = new Database(file);
  if (file !== ':memory:' && file !== '') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const store = new Store(sqlite);

  return {
    kind: 'embedded',
    collection<T extends Doc>(name: string): Collection<T> {
      return new EmbeddedCollection<T>(store, checkCollectionName(name));
    },
    transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
      return runTransaction(store, work);
    },
    close(): void {
      sqlite.close();
    },
  };
}

// ---------------------------------------------------------------- storage

class Store {
  private readonly tables = new Set<string>();
  private readonly statements = new Map<string, Statement>();
  readonly commit: (tx: EmbeddedTx) => boolean;

  constructor(readonly sqlite: Sqlite) {
    // better-sqlite3 runs the function synchronously inside BEGIN IMMEDIATE ... COMMIT, so validation
    // and writes are one atomic step that no other request (or process sharing the file) can split.
    const commit = sqlite.transaction((tx: EmbeddedTx): boolean => {
      for (const read of tx.reads.values()) {
        const row = this.statement(`SELECT rev FROM ${table(read.collection)} WHERE _id = ?`).get(read.id) as
          Pick<Row, 'rev'> | undefined;
        if ((row?.rev ?? null) !== read.rev) return false;
      }
      for (const write of tx.writes.values()) {
        if (write.json === null) {
          this.statement(`DELETE FROM ${table(write.collection)} WHERE _id = ?`).run(write.id);
        } else {
          this.statement(upsertSql(write.collection)).run(write.id, firstRev(), write.json);
        }
      }
      return true;
    });
    this.commit = (tx) => commit.immediate(tx);
  }

  /** Tables are created on first use, so a new collection needs no migration. */
  ensure(collection: string): void {
    if (this.tables.has(collection)) return;
    this.sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${table(collection)} (_id TEXT PRIMARY KEY, rev INTEGER NOT NULL, doc TEXT NOT NULL)`,
    );
    this.tables.add(collection);
  }

  statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  readRow(collection: string, id: string): Row | undefined {
    this.ensure(collection);
    return this.statement(`SELECT rev, doc FROM ${table(collection)} WHERE _id = ?`).get(id) as Row | undefined;
  }
}

/** Collection names are validated before they reach here, so quoting them is enough. */
function table(collection: string): string {
  return `"c_${collection}"`;
}

function upsertSql(collection: string): string {
  return (
    `INSERT INTO ${table(collection)} (_id, rev, doc) VALUES (?, ?, ?) ` +
    `ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc, rev = rev + 1`
  );
}

/**
 * A new row starts at a random rev rather than 1, so a document deleted and created again while a
 * transaction had it read does not come back with the rev that transaction recorded.
 */
function firstRev(): number {
  return Math.floor(Math.random() * 2 ** 48) + 1;
}

// ---------------------------------------------------------------- collection

class EmbeddedCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly store: Store,
    private readonly name: string,
  ) {}

  async get(id: string): Promise<T | null> {
    const row = this.store.readRow(this.name, checkId(this.name, id));
    return row === undefined ? null : parseDoc<T>(row.doc);
  }

  async create(doc: T): Promise<string> {
    const id = checkId(this.name, doc._id);
    this.store.ensure(this.name);
    try {
      this.store
        .statement(`INSERT INTO ${table(this.name)} (_id, rev, doc) VALUES (?, ?, ?)`)
        .run(id, firstRev(), serialize(doc));
    } catch (error) {
      if (isPrimaryKeyViolation(error)) throw duplicate(this.name, id);
      throw error;
    }
    return id;
  }

  async createMany(docs: readonly T[]): Promise<{ created: number; existing: string[] }> {
    const rows = docs.map((doc) => [checkId(this.name, doc._id), serialize(doc)] as const);
    if (new Set(rows.map(([id]) => id)).size !== rows.length)
      throw invalid(this.name, 'createMany ids must be distinct');
    this.store.ensure(this.name);
    const insert = this.store.statement(
      `INSERT INTO ${table(this.name)} (_id, rev, doc) VALUES (?, ?, ?) ON CONFLICT(_id) DO NOTHING`,
    );
    // One SQLite transaction: thousands of rows in one commit instead of one fsync each.
    const existing: string[] = [];
    this.store.sqlite.transaction(() => {
      for (const [id, json] of rows) if (insert.run(id, firstRev(), json).changes === 0) existing.push(id);
    })();
    return { created: rows.length - existing.length, existing };
  }

  async set(doc: T): Promise<void> {
    const id = checkId(this.name, doc._id);
    this.store.ensure(this.name);
    this.store.statement(upsertSql(this.name)).run(id, firstRev(), serialize(doc));
  }

  async update(id: string, patch: Patch<T>): Promise<boolean> {
    checkId(this.name, id);
    const set = compilePatch(this.name, patch);
    this.store.ensure(this.name);
    if (set === null) return this.store.readRow(this.name, id) !== undefined;
    const sql = `UPDATE ${table(this.name)} SET doc = json_set(doc, ${set.sql}), rev = rev + 1 WHERE _id = ?`;
    return this.store.statement(sql).run(...set.params, id).changes > 0;
  }

  async remove(id: string): Promise<boolean> {
    checkId(this.name, id);
    this.store.ensure(this.name);
    return this.store.statement(`DELETE FROM ${table(this.name)} WHERE _id = ?`).run(id).changes > 0;
  }

  async find(filter?: Filter, options: FindOptions = {}): Promise<T[]> {
    const where = compileFilter(this.name, filter);
    const order = compileOrder(this.name, options.orderBy ?? []);
    const skip = checkCount(this.name, 'skip', options.skip ?? 0);
    const limit = options.limit === undefined ? -1 : checkCount(this.name, 'limit', options.limit);
    this.store.ensure(this.name);
    const sql = `SELECT doc FROM ${table(this.name)} WHERE ${where.sql} ORDER BY ${order.sql} LIMIT ? OFFSET ?`;
    const rows = this.store.statement(sql).all(...where.params, ...order.params, limit, skip) as Pick<Row, 'doc'>[];
    return rows.map((row) => parseDoc<T>(row.doc));
  }

  async count(filter?: Filter): Promise<number> {
    const where = compileFilter(this.name, filter);
    this.store.ensure(this.name);
    const row = this.store
      .statement(`SELECT count(*) AS n FROM ${table(this.name)} WHERE ${where.sql}`)
      .get(...where.params) as { n: number };
    return row.n;
  }

  async updateWhere(filter: Filter, patch: Patch<T>): Promise<number> {
    const where = compileFilter(this.name, filter);
    const set = compilePatch(this.name, patch);
    if (set === null) return 0;
    this.store.ensure(this.name);
    const sql = `UPDATE ${table(this.name)} SET doc = json_set(doc, ${set.sql}), rev = rev + 1 WHERE ${where.sql}`;
    return this.store.statement(sql).run(...set.params, ...where.params).changes;
  }

  async removeWhere(filter: Filter): Promise<number> {
    const where = compileFilter(this.name, filter);
    this.store.ensure(this.name);
    return this.store.statement(`DELETE FROM ${table(this.name)} WHERE ${where.sql}`).run(...where.params).changes;
  }
}

// ---------------------------------------------------------------- transactions

interface ReadRecord {
  collection: string;
  id: string;
  /** null: the document was absent when read. */
  rev: number | null;
  json: string | null;
}

interface WriteRecord {
  collection: string;
  id: string;
  /** null: delete. */
  json: string | null;
}

class EmbeddedTx implements Tx {
  readonly reads = new Map<string, ReadRecord>();
  readonly writes = new Map<string, WriteRecord>();
  finished = false;

  constructor(private readonly store: Store) {}

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const json = this.current(checkCollectionName(collection), checkId(collection, id));
    return json === null ? null : parseDoc<T>(json);
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    const name = checkCollectionName(collection);
    const id = checkId(name, doc._id);
    // The existence check is a read: if another writer creates the id before we commit, validation
    // fails, the work runs again and then sees the document, so the loser gets DUPLICATE.
    if (this.current(name, id) !== null) throw duplicate(name, id);
    this.write(name, id, serialize(doc));
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    const name = checkCollectionName(collection);
    this.write(name, checkId(name, doc._id), serialize(doc));
  }

  async update<T extends Doc>(collection: string, id: string, patch: Patch<T>): Promise<void> {
    const name = checkCollectionName(collection);
    checkId(name, id);
    const fields = patchEntries(name, patch);
    const json = this.current(name, id);
    if (json === null) return;
    const doc = JSON.parse(json) as Record<string, unknown>;
    for (const [field, value] of fields) {
      if (isIncrement(value)) {
        const old = doc[field];
        doc[field] = (typeof old === 'number' ? old : 0) + value.$inc;
      } else {
        doc[field] = value;
      }
    }
    this.write(name, id, JSON.stringify(doc));
  }

  async remove(collection: string, id: string): Promise<void> {
    const name = checkCollectionName(collection);
    this.write(name, checkId(name, id), null);
  }

  private current(collection: string, id: string): string | null {
    this.assertOpen();
    const key = docKey(collection, id);
    const written = this.writes.get(key);
    if (written !== undefined) return written.json;
    const seen = this.reads.get(key);
    if (seen !== undefined) return seen.json;
    const row = this.store.readRow(collection, id);
    const record: ReadRecord = { collection, id, rev: row?.rev ?? null, json: row?.doc ?? null };
    this.reads.set(key, record);
    return record.json;
  }

  private write(collection: string, id: string, json: string | null): void {
    this.assertOpen();
    this.store.ensure(collection);
    this.writes.set(docKey(collection, id), { collection, id, json });
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('transaction already finished: use the tx only inside its work function');
  }
}

async function runTransaction<R>(store: Store, work: (tx: Tx) => Promise<R>): Promise<R> {
  for (let attempt = 1; attempt <= MAX_TRANSACTION_ATTEMPTS; attempt++) {
    const tx = new EmbeddedTx(store);
    let result: R;
    try {
      result = await work(tx);
    } finally {
      tx.finished = true;
    }
    if (store.commit(tx)) return result;
    // Random backoff so colliding transactions stop retrying in lockstep.
    await sleep(Math.random() * Math.min(2 ** attempt, 50));
  }
  throw new DbError('CONFLICT', '', `transaction gave up after ${MAX_TRANSACTION_ATTEMPTS} conflicting attempts`);
}

function docKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------- filters

function compileFilter(collection: string, filter: Filter | undefined): Sql {
  if (filter === undefined) return { sql: '1', params: [] };
  if (!isPlainObject(filter)) throw invalid(collection, 'a filter must be an object');
  const parts: Sql[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) throw invalid(collection, `${key} needs a non-empty array`);
      const subs = (value as readonly Filter[]).map((sub) => compileFilter(collection, sub));
      parts.push(join(subs, key === '$and' ? 'AND' : 'OR'));
    } else if (key.startsWith('$')) {
      throw invalid(collection, `unknown operator ${key}`);
    } else {
      checkFieldPath(collection, key);
      if (isScalar(value)) parts.push(equals(collection, key, value));
      else if (isPlainObject(value)) parts.push(...conditions(collection, key, value as FieldCondition));
      else throw invalid(collection, `unsupported condition on ${key}`);
    }
  }
  return parts.length === 0 ? { sql: '1', params: [] } : join(parts, 'AND');
}

function conditions(collection: string, field: string, condition: FieldCondition): Sql[] {
  const parts: Sql[] = [];
  for (const [op, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    switch (op) {
      case '$eq':
        parts.push(equals(collection, field, scalar(collection, field, operand)));
        break;
      case '$ne':
        parts.push(not(equals(collection, field, scalar(collection, field, operand))));
        break;
      case '$in':
        parts.push(oneOf(collection, field, operand));
        break;
      case '$nin':
        parts.push(not(oneOf(collection, field, operand)));
        break;
      case '$lt':
      case '$lte':
      case '$gt':
      case '$gte':
        parts.push(range(collection, field, op, operand));
        break;
      case '$contains':
        parts.push(contains(collection, field, operand));
        break;
      default:
        throw invalid(collection, `unknown operator ${op} on ${field}`);
    }
  }
  if (parts.length === 0) throw invalid(collection, `empty condition on ${field}`);
  return parts;
}

const RANGE_SQL = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' } as const;

/** Never NULL, so NOT(...) stays correct for missing fields. */
function typeOf(path: string): Sql {
  return { sql: `coalesce(json_type(doc, ?), 'missing')`, params: [path] };
}

function equals(collection: string, field: string, value: Scalar): Sql {
  if (field === '_id') return typeof value === 'string' ? { sql: '_id = ?', params: [value] } : FALSE;
  const path = jsonPath(field);
  const type = typeOf(path);
  if (value === null) return { sql: `${type.sql} IN ('missing', 'null')`, params: type.params };
  // json_extract turns booleans into 1/0, so booleans are told apart by their JSON type alone.
  if (typeof value === 'boolean') return { sql: `${type.sql} = ?`, params: [...type.params, String(value)] };
  if (typeof value === 'number') {
    return {
      sql: `(${type.sql} IN ('integer', 'real') AND json_extract(doc, ?) = ?)`,
      params: [...type.params, path, finite(collection, field, value)],
    };
  }
  return { sql: `(${type.sql} = 'text' AND json_extract(doc, ?) = ?)`, params: [...type.params, path, value] };
}

function oneOf(collection: string, field: string, operand: unknown): Sql {
  if (!Array.isArray(operand)) throw invalid(collection, `$in / $nin on ${field} needs an array`);
  if (operand.length === 0) return FALSE;
  return join(
    operand.map((value: unknown) => equals(collection, field, scalar(collection, field, value))),
    'OR',
  );
}

function range(collection: string, field: string, op: keyof typeof RANGE_SQL, operand: unknown): Sql {
  const sqlOp = RANGE_SQL[op];
  if (typeof operand === 'number') finite(collection, field, operand);
  else if (typeof operand !== 'string') throw invalid(collection, `${op} on ${field} needs a number or a string`);
  if (field === '_id') return typeof operand === 'string' ? { sql: `_id ${sqlOp} ?`, params: [operand] } : FALSE;
  const path = jsonPath(field);
  const type = typeOf(path);
  // MongoDB compares only within a type: a number bound never matches strings, null or missing.
  const sameType = typeof operand === 'number' ? `IN ('integer', 'real')` : `= 'text'`;
  return {
    sql: `(${type.sql} ${sameType} AND json_extract(doc, ?) ${sqlOp} ?)`,
    params: [...type.params, path, operand],
  };
}

/**
 * Case-insensitive substring test with the text bound as a parameter, so user input is never SQL and
 * never a LIKE pattern (`%` and `_` stay literal). SQLite's lower() folds ASCII only, which is the
 * folding the port promises; instr() of an empty needle is 1, so '' matches every string.
 */
function contains(collection: string, field: string, operand: unknown): Sql {
  if (typeof operand !== 'string') throw invalid(collection, `$contains on ${field} needs a string`);
  if (field === '_id') return { sql: 'instr(lower(_id), lower(?)) > 0', params: [operand] };
  const path = jsonPath(field);
  const type = typeOf(path);
  // The type check keeps numbers, booleans, objects, null and missing fields out: instr() would
  // happily search their text forms.
  return {
    sql: `(${type.sql} = 'text' AND instr(lower(json_extract(doc, ?)), lower(?)) > 0)`,
    params: [...type.params, path, operand],
  };
}

const FALSE: Sql = { sql: '0', params: [] };

function not(part: Sql): Sql {
  return { sql: `NOT (${part.sql})`, params: part.params };
}

function join(parts: readonly Sql[], op: 'AND' | 'OR'): Sql {
  return {
    sql: parts.map((part) => `(${part.sql})`).join(` ${op} `),
    params: parts.flatMap((part) => part.params),
  };
}

// ---------------------------------------------------------------- order, patches, checks

function compileOrder(
  collection: string,
  orderBy: ReadonlyArray<readonly [field: string, direction: string]>,
): { sql: string; params: string[] } {
  const terms: string[] = [];
  const params: string[] = [];
  let hasId = false;
  for (const [field, direction] of orderBy) {
    if (direction !== 'asc' && direction !== 'desc') throw invalid(collection, `bad sort direction ${direction}`);
    checkFieldPath(collection, field);
    const dir = direction.toUpperCase();
    if (field === '_id') {
      hasId = true;
      terms.push(`_id ${dir}`);
      continue;
    }
    // MongoDB's order across types: null/missing, numbers, strings, objects, arrays, booleans.
    const path = jsonPath(field);
    terms.push(
      `CASE coalesce(json_type(doc, ?), 'null') WHEN 'null' THEN 0 WHEN 'integer' THEN 1 WHEN 'real' THEN 1 ` +
        `WHEN 'text' THEN 2 WHEN 'object' THEN 3 WHEN 'array' THEN 4 ELSE 5 END ${dir}`,
      `json_extract(doc, ?) ${dir}`,
    );
    params.push(path, path);
  }
  if (!hasId) terms.push('_id ASC');
  return { sql: terms.join(', '), params };
}

function patchEntries<T extends Doc>(collection: string, patch: Patch<T>): Array<[string, unknown]> {
  if (!isPlainObject(patch)) throw invalid(collection, 'a patch must be an object');
  const entries: Array<[string, unknown]> = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    checkPatchField(collection, field);
    if (isIncrement(value)) finite(collection, field, value.$inc);
    entries.push([field, value]);
  }
  return entries;
}

/** json_set arguments for a patch; null when the patch changes nothing. */
function compilePatch<T extends Doc>(collection: string, patch: Patch<T>): Sql | null {
  const entries = patchEntries(collection, patch);
  if (entries.length === 0) return null;
  const sql: string[] = [];
  const params: SqlParam[] = [];
  for (const [field, value] of entries) {
    const path = jsonPath(field);
    if (isIncrement(value)) {
      // One statement reads and writes the field, so concurrent increments never lose updates.
      sql.push('?, coalesce(json_extract(doc, ?), 0) + ?');
      params.push(path, path, value.$inc);
    } else {
      sql.push('?, json(?)');
      params.push(path, JSON.stringify(value));
    }
  }
  return { sql: sql.join(', '), params };
}

function finite(collection: string, field: string, value: number): number {
  if (!Number.isFinite(value)) throw invalid(collection, `${field}: numbers must be finite`);
  return value;
}

function scalar(collection: string, field: string, value: unknown): Scalar {
  if (!isScalar(value)) throw invalid(collection, `${field}: expected a string, number, boolean or null`);
  return value;
}

function jsonPath(field: string): string {
  return `$.${field}`;
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function serialize(doc: Doc): string {
  return JSON.stringify(doc);
}

function parseDoc<T>(json: string): T {
  return JSON.parse(json) as T;
}

/**
 * Checked by code, not `instanceof SqliteError`: the native addon keeps the error class of the first
 * module instance that loaded it, so a second instance (jest's per-file registries) gets foreign errors.
 */
function isPrimaryKeyViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
