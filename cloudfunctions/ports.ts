/**
 * The only doors to the outside. Use cases take these as arguments and never import an adapter.
 * Two adapters implement each: adapters/cloud (wx-server-sdk, production) and adapters/local
 * (SQLite file, local folder, local WeChat API stand-ins).
 */

// ---------------------------------------------------------------- Db

/** Every stored document has a string `_id`. */
export interface Doc {
  _id: string;
}

export type Scalar = string | number | boolean | null;

/** Comparison on one field. Missing fields behave as null (as in CloudBase / MongoDB). */
export interface FieldCondition {
  $eq?: Scalar;
  $ne?: Scalar;
  $lt?: string | number;
  $lte?: string | number;
  $gt?: string | number;
  $gte?: string | number;
  $in?: readonly Scalar[];
  $nin?: readonly Scalar[];
  /**
   * Case-insensitive substring match on a string field, for search boxes: the text is literal (no
   * pattern syntax). A missing or non-string field never matches; the empty string matches every
   * string value. Case folding is promised for ASCII letters only (Chinese has no case; how other
   * scripts fold differs between SQLite and CloudBase). Not indexed on either store: combine it
   * with a selective condition on large collections.
   */
  $contains?: string;
}

/**
 * A query over scalar fields. Keys are field paths (`registration.closesAt`); a plain value means
 * equality; several keys are and-ed. `$and` / `$or` combine sub-filters.
 */
export interface Filter {
  $and?: readonly Filter[];
  $or?: readonly Filter[];
  [field: string]: Scalar | FieldCondition | readonly Filter[] | undefined;
}

export type SortDirection = 'asc' | 'desc';

export interface FindOptions {
  /** Sorted by these fields, then by `_id`, so paging with `skip` is stable. */
  orderBy?: ReadonlyArray<readonly [field: string, direction: SortDirection]>;
  skip?: number;
  /** No limit: every match, fetched page by page under the platform's per-call caps. */
  limit?: number;
}

/** An atomic increment inside an update: `{ views: inc(1) }`. Never read-modify-write. */
export interface Increment {
  readonly $inc: number;
}
export function inc(by: number): Increment {
  return { $inc: by };
}
export function isIncrement(value: unknown): value is Increment {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as Increment).$inc === 'number'
  );
}

/** Top-level fields to replace (or increment). Nested objects are replaced whole. */
export type Patch<T> = {
  [K in Exclude<keyof T, '_id'>]?: T[K] | (T[K] extends number | undefined ? Increment : never);
};

export type DbErrorCode =
  /** create() of an `_id` that exists: the natural-key uniqueness signal. */
  | 'DUPLICATE'
  /** A transaction kept colliding with other writers and gave up. */
  | 'CONFLICT'
  /** The store refused the request (bad collection name, oversized document, ...). */
  | 'INVALID';

export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly collection: string;
  readonly id?: string;
  constructor(code: DbErrorCode, collection: string, message: string, id?: string) {
    super(message);
    this.name = 'DbError';
    this.code = code;
    this.collection = collection;
    this.id = id;
  }
}

export interface Collection<T extends Doc> {
  get(id: string): Promise<T | null>;
  /** Inserts; throws DbError DUPLICATE when `_id` exists. Returns the id. */
  create(doc: T): Promise<string>;
  /**
   * Inserts many documents (an assignment run writes thousands). Not atomic as a whole: each document is
   * inserted or, when its `_id` exists, left as it is and reported in `existing`, so a re-run after a crash
   * completes the batch. Ids must be distinct within one call.
   */
  createMany(docs: readonly T[]): Promise<{ created: number; existing: string[] }>;
  /** Inserts or replaces the whole document. */
  set(doc: T): Promise<void>;
  /** Changes the given top-level fields; false when the document does not exist. */
  update(id: string, patch: Patch<T>): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  /** Returns how many documents changed. */
  updateWhere(filter: Filter, patch: Patch<T>): Promise<number>;
  removeWhere(filter: Filter): Promise<number>;
}

/**
 * A transaction over documents by id (CloudBase transactions allow no queries). Snapshot
 * reads; the whole function may run again when another writer collides, so keep it free of
 * other side effects.
 */
export interface Tx {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Throws DbError DUPLICATE (now or at commit) when `_id` exists. */
  create<T extends Doc>(collection: string, doc: T): Promise<void>;
  set<T extends Doc>(collection: string, doc: T): Promise<void>;
  update<T extends Doc>(collection: string, id: string, patch: Patch<T>): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
}

export interface Db {
  readonly kind: 'embedded' | 'cloudbase';
  collection<T extends Doc>(name: string): Collection<T>;
  transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R>;
}

// ---------------------------------------------------------------- Files

export interface StoredFile {
  /** Opaque id: `cloud://…` on WeChat, `local://…` on the local cloud. */
  fileId: string;
  size: number;
}

/**
 * Where a client may upload one file, from `Files.uploadTarget`. The server chooses the path and later
 * looks only there (`fileIdFor`), so whatever a client writes elsewhere is never used.
 */
export type UploadTarget =
  /** Mini-program (or the H5 build on CloudBase): `wx.cloud.uploadFile({ cloudPath, filePath })`. */
  | { kind: 'wx-cloud'; cloudPath: string }
  /** The H5 build on the local cloud: PUT the raw bytes to `url` with the granted Content-Type. */
  | { kind: 'http'; url: string; method: 'PUT' };

export interface UploadTargetOptions {
  /** Largest accepted size in bytes. Enforced at upload time on the local cloud only: see uploadTarget. */
  maxBytes: number;
  /** The one MIME type accepted, e.g. `application/pdf`. */
  contentType: string;
  /** How long the grant stays usable, 1 s .. 1 day (the local cloud's signed URL expires). */
  ttlSeconds: number;
}

export interface FileStat {
  size: number;
  /**
   * The type storage serves the file with: both stores derive it from the path's extension
   * (`application/octet-stream` when unknown); null when storage did not say. It says nothing about
   * the bytes: read them to verify a type.
   */
  contentType: string | null;
}

export interface Files {
  /** Stores bytes at a path like `entries/<id>/plan.pdf`. */
  put(path: string, content: Uint8Array, contentType: string): Promise<StoredFile>;
  read(fileId: string): Promise<Uint8Array>;
  /** A link that stops working after `ttlSeconds`; callers decide who may have it. */
  temporaryUrl(fileId: string, ttlSeconds: number): Promise<string>;
  remove(fileId: string): Promise<void>;
  /**
   * Where the client may upload one file to `path`. The local cloud's signed URL admits only that path
   * and refuses oversize or wrongly typed bytes at upload time. On WeChat the client calls
   * `wx.cloud.uploadFile` itself (storage security rules alone decide where it may write) and it takes
   * any bytes, so when the client reports the upload done, a use case must `stat` (and, for a type that
   * matters, `read`) the file at `fileIdFor(path)` and `remove` it if it breaks the rules.
   */
  uploadTarget(path: string, options: UploadTargetOptions): Promise<UploadTarget>;
  /** Size (and served content type when known) of a stored file, or null if it does not exist. */
  stat(fileId: string): Promise<FileStat | null>;
  /**
   * The fileId that an upload to `path` (a client's through uploadTarget, or put) has: `local://<path>`
   * on the local cloud, the `cloud://<env>.<bucket>/<path>` fileID of this environment on WeChat. The
   * server derives it itself instead of trusting the fileID a client reports (whose `cloud://` part could
   * name another environment's bucket). It does not check that the file exists: use `stat`. On WeChat
   * the first call in a process may upload a tiny probe file to learn the environment's fileID prefix.
   */
  fileIdFor(path: string): Promise<string>;
}

// ---------------------------------------------------------------- Messenger

/** A WeChat subscription message. Field values follow WeChat's per-type limits (thing ≤ 20 …). */
export interface SubscriptionMessage {
  toOpenid: string;
  templateId: string;
  /** Mini-program page opened from the message, with query. */
  page: string;
  data: Record<string, { value: string }>;
}

export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string };

export interface Messenger {
  /** Never throws for WeChat refusals (43101 not subscribed, 47003 bad data, 45009 quota). */
  send(message: SubscriptionMessage): Promise<SendResult>;
}

// ---------------------------------------------------------------- ContentCheck

export type ContentVerdict = 'pass' | 'review' | 'risky';

export interface ContentCheck {
  /** WeChat security.msgSecCheck v2; scene 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  checkText(input: {
    openid: string;
    text: string;
    scene: 1 | 2 | 3 | 4;
  }): Promise<{ verdict: ContentVerdict; label?: string }>;
}

// ---------------------------------------------------------------- Clock

export interface Clock {
  now(): Date;
  /**
   * Waits `ms` of this clock's time (a drain waiting for a retry's back-off). Without it, real time; a test's frozen
   * clock moves itself forward instead, so nothing sleeps.
   */
  wait?(ms: number): Promise<void>;
}

// ---------------------------------------------------------------- all of them

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface Ports {
  db: Db;
  files: Files;
  messenger: Messenger;
  contentCheck: ContentCheck;
  clock: Clock;
  log: Logger;
}
