/**
 * The part of wx-server-sdk's `cloud.database()` that the CloudBase Db adapter calls, typed by hand
 * from WeChat's documentation so the adapter compiles (and runs against the test stand-in) without
 * the SDK, which only exists inside a deployed cloud function. Only this file and cloudbase-db.ts may
 * know these shapes; use cases see the `Db` port.
 *
 * Sources (developers.weixin.qq.com/miniprogram/dev/wxcloud/...):
 *  - reference-sdk-api/database/collection/Collection.get, .count, .limit, .skip, .orderBy, .where, .add
 *  - reference-sdk-api/database/doc/Document.get, .set, .update, .remove
 *  - reference-sdk-api/database/Database.runTransaction, guide/database/transaction
 *  - reference-sdk-api/database/command/Command.eq ... Command.inc, Command.set, Command.and, Command.or
 *  - reference-sdk-api/database/Database.RegExp (and wx-server-sdk's index.d.ts: `Database.RegExp:
 *    IRegExpConstructor`, options `{ regexp: string; options?: string }`, callable with or without `new`)
 *  - reference/errcode (the errCode table)
 */

// ---------------------------------------------------------------- values

/** A stored document as the SDK hands it back: JSON-like fields plus the string `_id`. */
export interface WxDocumentData {
  [field: string]: unknown;
}

/** Scalars a query command compares against. */
export type WxScalar = string | number | boolean | null;

// ---------------------------------------------------------------- commands (`db.command`)

/**
 * A field comparison built by `db.command.eq(...)` and friends. Opaque to the adapter: the SDK
 * serialises it (the real object carries `operator`, `operands`, `_internalType`).
 */
export interface WxQueryCommand {
  readonly operator: string;
}

/** `db.command.and([...])` / `db.command.or([...])`: usable as the whole `where()` argument. */
export interface WxLogicCommand {
  readonly operator: 'and' | 'or';
}

/** `db.command.inc(n)` inside `update({ data })`: an atomic server-side increment. */
export interface WxUpdateCommand {
  readonly operator: string;
}

/**
 * `db.RegExp({ regexp, options })`: a regular expression a field must match. The server runs it
 * (MongoDB's PCRE): it matches string values only (and arrays holding a matching string), never
 * numbers, null or missing fields. `options`: `i` case-insensitive, `m` multi-line, `s` dot matches
 * newlines.
 */
export interface WxRegExp {
  readonly regexp: string;
  readonly options: string;
}

export interface WxRegExpOptions {
  regexp: string;
  options?: string;
}

/**
 * A `where()` argument: field paths (dotted paths reach nested fields) mapped to a plain value
 * (equality), a query command or a regular expression, or a logic command combining such objects.
 */
export type WxWhereCondition = { [fieldPath: string]: WxScalar | WxQueryCommand | WxRegExp } | WxLogicCommand;

/** Fields to change; a value may be an update command such as `_.inc(1)`. */
export interface WxUpdateData {
  [field: string]: unknown;
}

export interface WxCommand {
  eq(value: WxScalar): WxQueryCommand;
  neq(value: WxScalar): WxQueryCommand;
  lt(value: string | number): WxQueryCommand;
  lte(value: string | number): WxQueryCommand;
  gt(value: string | number): WxQueryCommand;
  gte(value: string | number): WxQueryCommand;
  in(values: readonly WxScalar[]): WxQueryCommand;
  nin(values: readonly WxScalar[]): WxQueryCommand;
  and(conditions: readonly WxWhereCondition[]): WxLogicCommand;
  or(conditions: readonly WxWhereCondition[]): WxLogicCommand;
  inc(by: number): WxUpdateCommand;
  /**
   * Sets a field to exactly `value`. A plain object in `update({ data })` is merged field by field
   * (`{ style: { color } }` changes only `style.color`); `_.set(object)` replaces the whole field.
   */
  set(value: unknown): WxUpdateCommand;
}

// ---------------------------------------------------------------- results

export interface WxQueryGetResult {
  /** At most 100 documents without `limit()`, at most 1000 with it, in a cloud function. */
  data: WxDocumentData[];
  errMsg: string;
}

export interface WxCountResult {
  total: number;
  errMsg: string;
}

export interface WxUpdateResult {
  stats: { updated: number };
  errMsg: string;
}

export interface WxRemoveResult {
  stats: { removed: number };
  errMsg: string;
}

export interface WxAddResult {
  _id: string;
  errMsg: string;
}

export interface WxDocumentGetResult {
  /** The document; `null` only when the database was opened with `throwOnNotFound: false`. */
  data: WxDocumentData | null;
  errMsg: string;
}

export interface WxSetResult {
  _id: string;
  stats: { updated: number; created: number };
  errMsg: string;
}

// ---------------------------------------------------------------- errors

/**
 * What the SDK rejects with: an Error carrying `errCode` (numeric, see the errcode table: -1 generic,
 * -502001 database request failed, -502005 collection missing ...) and `errMsg`
 * (`<api>:fail <reason>`). The message reads `errCode: <code> ... | errMsg: <errMsg>`. Transaction
 * errors from the underlying @cloudbase/database layer carry a string `code` instead
 * (`DATABASE_TRANSACTION_CONFLICT`, `DATABASE_REQUEST_FAILED`) and a `message`.
 */
export interface WxDatabaseError extends Error {
  errCode?: number | string;
  errMsg?: string;
  code?: string;
}

// ---------------------------------------------------------------- collection, query, document

export interface WxQuery {
  where(condition: WxWhereCondition): WxQuery;
  orderBy(fieldPath: string, direction: 'asc' | 'desc'): WxQuery;
  skip(offset: number): WxQuery;
  /** Capped at 1000 in a cloud function (20 in the mini-program). */
  limit(max: number): WxQuery;
  get(): Promise<WxQueryGetResult>;
  count(): Promise<WxCountResult>;
  /** Updates every matching document (cloud function side only). */
  update(options: { data: WxUpdateData }): Promise<WxUpdateResult>;
  /** Removes every matching document (cloud function side only). */
  remove(): Promise<WxRemoveResult>;
}

export interface WxDocument {
  /**
   * Rejects when the document does not exist (errMsg `document.get:fail document with _id <id> does
   * not exist`), unless the database was opened with `throwOnNotFound: false`.
   */
  get(): Promise<WxDocumentGetResult>;
  /** Replaces the whole document, creating it if missing. `data` must not contain `_id`. */
  set(options: { data: WxDocumentData }): Promise<WxSetResult>;
  /** Changes the given fields; `stats.updated` is 0 when nothing matched. `data` must not contain `_id`. */
  update(options: { data: WxUpdateData }): Promise<WxUpdateResult>;
  remove(): Promise<WxRemoveResult>;
}

export interface WxCollection extends WxQuery {
  doc(id: string): WxDocument;
  /** A custom `_id` in `data` is kept; an existing `_id` rejects with a duplicate-key error. */
  add(options: { data: WxDocumentData }): Promise<WxAddResult>;
}

// ---------------------------------------------------------------- transactions

export interface WxTransactionDocument {
  get(): Promise<{ data: WxDocumentData | null }>;
  set(options: { data: WxDocumentData }): Promise<{ stats: { updated: number } }>;
  update(options: { data: WxUpdateData }): Promise<{ stats: { updated: number } }>;
  /** The transaction guide's tree names this `remove` (the underlying @cloudbase/database calls it `delete`). */
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface WxTransactionCollection {
  doc(id: string): WxTransactionDocument;
  add(options: { data: WxDocumentData }): Promise<{ _id: string }>;
}

/** Inside a transaction only single-document operations exist: no `where`, no queries. */
export interface WxTransaction {
  collection(name: string): WxTransactionCollection;
}

export interface WxDatabase {
  readonly command: WxCommand;
  /** Builds a regular-expression condition; the text is a pattern, so escape user input first. */
  RegExp(options: WxRegExpOptions): WxRegExp;
  collection(name: string): WxCollection;
  /**
   * Runs `callback` in a snapshot-isolated transaction and commits when it resolves. On a write
   * conflict the callback runs again, at most `times` executions in all (default 3); any other
   * rejection rolls back and rejects `runTransaction` with it.
   */
  runTransaction<R>(callback: (transaction: WxTransaction) => Promise<R>, times?: number): Promise<R>;
}
