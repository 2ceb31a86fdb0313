/**
 * Who may ever receive a link to a stored file is decided by where the file is stored: the server
 * chooses every path, and the path names the owner. One kind per top folder:
 *
 * - `entries/<entryId>/…`             business plans: the entrant, the contest's organizers, judges assigned to it
 * - `objections/<listId>/<person>/…`  objection evidence: the person who filed it, the list's organizers
 * - `exports/<person>/…`              exports (some with unmasked mobiles): the organizer who made it
 * - `news/…`                          article images and attachments: everyone
 *
 * `<person>` is a keyed digest of the openid, made in the cloud (the openid itself never appears in a
 * path). Anything else, and any path that tries to climb out of its folder, belongs to no one.
 */

export const FILE_KINDS = ['businessPlan', 'objectionEvidence', 'export', 'newsMedia'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export type StoredPath =
  | { kind: 'businessPlan'; entryId: string }
  | { kind: 'objectionEvidence'; listId: string; person: string }
  | { kind: 'export'; person: string }
  | { kind: 'newsMedia' };

/** Kinds anyone may have a link to, e.g. inside an article, a result list or any other public answer. */
export const PUBLIC_FILE_KINDS: readonly FileKind[] = ['newsMedia'];

export const NEWS_FOLDER = 'news/';

const SEGMENT = /^[A-Za-z0-9_.:-]{1,64}$/;
const FILE = /^[A-Za-z0-9_.-]{1,120}$/;

/** The storage path inside a fileId: `local://<path>` or `cloud://<env>.<bucket>/<path>`. */
export function fileIdPath(fileId: string): string | null {
  if (typeof fileId !== 'string') return null;
  const local = /^local:\/\/(.+)$/.exec(fileId);
  if (local?.[1]) return local[1];
  const cloud = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return cloud?.[1] ?? null;
}

/** The kind of a storage path and the owner it names, or null when it is none of ours. */
export function classifyPath(path: string): StoredPath | null {
  if (typeof path !== 'string') return null;
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (!FILE.test(name) || name === '.' || name === '..') return null;
  const folders = parts.slice(0, -1);
  if (folders.some((s) => !SEGMENT.test(s) || s === '.' || s === '..')) return null;
  const [top, a, b] = folders;
  if (top === 'entries' && folders.length === 2 && a) return { kind: 'businessPlan', entryId: a };
  if (top === 'objections' && folders.length === 3 && a && b)
    return { kind: 'objectionEvidence', listId: a, person: b };
  if (top === 'exports' && folders.length === 2 && a) return { kind: 'export', person: a };
  if (top === 'news' && folders.length === 1) return { kind: 'newsMedia' };
  return null;
}

export function classifyFileId(fileId: string): StoredPath | null {
  const path = fileIdPath(fileId);
  return path === null ? null : classifyPath(path);
}

export function isPublicFileId(fileId: string): boolean {
  const stored = classifyFileId(fileId);
  return stored !== null && PUBLIC_FILE_KINDS.includes(stored.kind);
}

export function entryFolder(entryId: string): string {
  return `entries/${entryId}/`;
}

export function objectionFolder(listId: string, person: string): string {
  return `objections/${listId}/${person}/`;
}

export function exportFolder(person: string): string {
  return `exports/${person}/`;
}

/** Stored file ids an article body refers to (`<img src="cloud://…">` / `local://…`). */
export function storedSources(html: string): string[] {
  return [...new Set([...html.matchAll(/src="((?:cloud|local):\/\/[^"]+)"/g)].map((m) => m[1] ?? ''))].filter(
    (s) => s !== '',
  );
}
