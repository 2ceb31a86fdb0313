/**
 * The realtime push (`db.collection(name).doc(id).watch({ onChange, onError })`) as the client SDK delivers it,
 * shared by the two stand-ins that implement it: the mini-program harness's `wx.cloud.database()` following the
 * local cloud's Server-Sent Events (test/weapp/support/cloud-watch.ts) and the in-process database stand-in
 * (wx-database.ts). Both build their snapshots here, so the shapes below are written down once.
 *
 * What the shapes follow:
 *  - WeChat's reference for the snapshot and its change events (Collection.watch / Document.watch):
 *    developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/collection/Collection.watch.html
 *    — `docChanges`, `docs` (the query's result after the event), `type` ("仅在第一次初始化数据时有值为 init"),
 *    `id`; a change carries `id`, `queueType` (init / update / enqueue / dequeue), `dataType` (init / update /
 *    replace / add / remove: "update 对应 update 操作", "replace 对应 set 操作"), `docId`, `doc` (the whole
 *    record), and `updatedFields` / `removedFields` "仅在 update 操作时有此信息". `close()` "返回 Promise，会在关闭
 *    完成时 resolve".
 *  - The realtime guide (developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/database/realtime.html):
 *    "如果监听发起失败或监听过程中出现不可恢复的错误，则会终止监听并通过 onError 抛出异常" — after onError the
 *    watch is over, the app opens a new one; at most 5000 records per watch (one here); the collection's read
 *    permission applies to the watch too (cloud.tencent.com/document/product/876/41801, 系统限制).
 *  - The SDK's own client (github.com/TencentCloudBase/cloudbase-js-sdk, packages/realtime/src/
 *    virtual-websocket-client.ts): a query that matches nothing opens with `{ id: currEvent, docChanges: [],
 *    docs: [], type: 'init' }`; later events must arrive with consecutive ids (`currentEventId === change.id - 1`);
 *    errors are CloudSDKErrors with a string `errCode` (error.ts: SDK_DATABASE_REALTIME_LISTENER_INIT_WATCH_FAIL,
 *    …_WEBSOCKET_CONNECTION_ERROR, …) and `errMsg`; websocket-client.ts closes every watch with
 *    …_WEBSOCKET_CONNECTION_ERROR when the open connection fails.
 */

export interface WatchDoc {
  _id: string;
  [field: string]: unknown;
}

export type WatchDataType = 'init' | 'update' | 'replace' | 'add' | 'remove';
export type WatchQueueType = 'init' | 'update' | 'enqueue' | 'dequeue';

export interface WatchChange {
  id: number;
  dataType: WatchDataType;
  queueType: WatchQueueType;
  docId: string;
  doc: WatchDoc;
  /** Dotted field path → new value; only for `dataType: 'update'`. */
  updatedFields?: Record<string, unknown>;
  /** Only for `dataType: 'update'`, and only when fields went away. */
  removedFields?: string[];
}

export interface WatchSnapshot {
  id: number;
  /** Only on the first snapshot. */
  type?: 'init';
  docs: WatchDoc[];
  docChanges: WatchChange[];
}

export interface WatchOptions {
  onChange(snapshot: WatchSnapshot): void;
  onError(error: unknown): void;
}

export interface Watcher {
  close(): Promise<void>;
}

/** Shaped like the realtime SDK's CloudSDKError: a string errCode, the message reads `errCode: … | errMsg: …`. */
export class WatchError extends Error {
  constructor(
    readonly errCode: string,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
    this.name = 'CloudSDKError';
  }
}

/** What a write did to the watched document, as far as the stand-in knows. */
export type WriteKind = 'set' | 'update' | 'add' | 'remove';

/** The SDK's Snapshot hands out `JSON.parse(JSON.stringify(...))` copies (and jsdom, where pages run, has no structuredClone). */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves by dotted path (arrays are leaves, as in update data). */
function leaves(value: Record<string, unknown>, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  for (const [key, child] of Object.entries(value)) {
    if (isPlainObject(child) && Object.keys(child).length > 0) leaves(child, `${prefix}${key}.`, into);
    else into.set(`${prefix}${key}`, child);
  }
  return into;
}

function fieldDiff(
  prev: WatchDoc,
  next: WatchDoc,
): { updatedFields: Record<string, unknown>; removedFields: string[] } {
  const before = leaves(prev, '', new Map());
  const after = leaves(next, '', new Map());
  const updatedFields: Record<string, unknown> = {};
  for (const [path, value] of after) {
    if (JSON.stringify(before.get(path)) !== JSON.stringify(value)) updatedFields[path] = jsonCopy(value);
  }
  const removedFields = [...before.keys()].filter((path) => !after.has(path));
  return { updatedFields, removedFields };
}

/**
 * One watch's run of snapshots on one document: the init snapshot, then one per change, ids consecutive. Each
 * snapshot holds its own copies (the SDK hands out JSON copies too), so a page mutating one cannot reach the next.
 */
export class DocWatchSequence {
  private id = 0;
  private current: WatchDoc | null = null;

  constructor(private readonly docId: string) {}

  init(doc: WatchDoc | null): WatchSnapshot {
    this.id += 1;
    this.current = doc === null ? null : jsonCopy(doc);
    if (doc === null) return { id: this.id, type: 'init', docs: [], docChanges: [] };
    const change: WatchChange = {
      id: this.id,
      dataType: 'init',
      queueType: 'init',
      docId: this.docId,
      doc: jsonCopy(doc),
    };
    return { id: this.id, type: 'init', docs: [jsonCopy(doc)], docChanges: [change] };
  }

  /** The snapshot for the document becoming `next` by a write of `kind`; null when nothing changed. */
  change(next: WatchDoc | null, kind: WriteKind): WatchSnapshot | null {
    const prev = this.current;
    if (prev === null && next === null) return null;
    if (prev !== null && next !== null && JSON.stringify(prev) === JSON.stringify(next)) return null;
    this.id += 1;
    this.current = next === null ? null : jsonCopy(next);
    let change: WatchChange;
    if (prev === null && next !== null) {
      change = { id: this.id, dataType: 'add', queueType: 'enqueue', docId: this.docId, doc: jsonCopy(next) };
    } else if (prev !== null && next === null) {
      // The SDK fills a removal's doc from the record it had.
      change = { id: this.id, dataType: 'remove', queueType: 'dequeue', docId: this.docId, doc: prev };
    } else {
      const doc = jsonCopy(next as WatchDoc);
      if (kind === 'update') {
        const { updatedFields, removedFields } = fieldDiff(prev as WatchDoc, doc);
        change = { id: this.id, dataType: 'update', queueType: 'update', docId: this.docId, doc, updatedFields };
        if (removedFields.length > 0) change.removedFields = removedFields;
      } else {
        change = { id: this.id, dataType: 'replace', queueType: 'update', docId: this.docId, doc };
      }
    }
    return { id: this.id, docs: next === null ? [] : [jsonCopy(next)], docChanges: [change] };
  }
}
