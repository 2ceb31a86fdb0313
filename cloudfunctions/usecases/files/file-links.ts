import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '@core/errors';
import { classifyFileId, isPublicFileId, type StoredPath } from '@core/files/access';
import { hasRole } from '@core/roles';
import type { Files, Ports } from '../../ports';
import type { Caller } from '../context';
import { C, type AssignmentDoc, type EntryDoc, type ResultListDoc } from '../collections';
import { assertJudgeFree } from '../judging/conflicts';

/**
 * The one place that signs links to stored files (eslint refuses `temporaryUrl` anywhere else in the use
 * cases). Who may receive one is decided by the file's folder (core/files/access.ts) and, for private
 * kinds, by the documents that folder names: the entry, the objection's list, the person's digest.
 */

/** The `<person>` folder of an account: a digest, so no path ever shows an openid. */
export function personKey(openid: string): string {
  return createHash('sha256').update(openid).digest('hex').slice(0, 16);
}

/**
 * Proof that the policy admitted this caller to this entry's files: made only here, so a use case that has
 * just asked (judge.entry.get) can sign the plan's link without the same reads again.
 */
export interface EntryFilesGrant {
  readonly entryId: string;
  readonly openid: string;
}
const grants = new WeakSet<EntryFilesGrant>();

export type EntryFilesAccess =
  | { ok: true; as: 'entrant' | 'organizer' | 'judge'; grant: EntryFilesGrant }
  | { ok: false; reason: 'anonymous' | 'stranger' | 'recused' | 'conflict' };

/**
 * The entrant, the contest's organizers, and judges of the contest with an active assignment to the entry
 * (recused means no more access) who do not conflict with it (their own entry, their company, a declared
 * one). `assignment`: the caller's assignment the use case already read, if any; `asJudge`: only the judge's
 * way in counts (judge.entry.get: a judge who also entered the project may not review it).
 */
export async function entryFilesAccess(
  ports: Ports,
  caller: Caller,
  entry: EntryDoc,
  known: { assignment?: AssignmentDoc; asJudge?: boolean } = {},
): Promise<EntryFilesAccess> {
  const openid = caller.openid;
  if (openid === null) return { ok: false, reason: 'anonymous' };
  const admit = (as: 'entrant' | 'organizer' | 'judge'): EntryFilesAccess => {
    const grant: EntryFilesGrant = Object.freeze({ entryId: entry._id, openid });
    grants.add(grant);
    return { ok: true, as, grant };
  };
  if (!known.asJudge && entry.ownerOpenid === openid) return admit('entrant');
  if (!known.asJudge && hasRole(caller.grants, 'organizer', entry.contestId)) return admit('organizer');
  if (!hasRole(caller.grants, 'judge', entry.contestId)) return { ok: false, reason: 'stranger' };
  const mine =
    known.assignment && known.assignment.entryId === entry._id && known.assignment.judgeOpenid === openid
      ? [known.assignment]
      : await ports.db
          .collection<AssignmentDoc>(C.assignments)
          .find({ entryId: entry._id, judgeOpenid: openid, status: 'active' }, { limit: 1 });
  const active = mine.find((a) => a.status === 'active');
  if (active === undefined) return { ok: false, reason: mine.length > 0 ? 'recused' : 'stranger' };
  try {
    await assertJudgeFree(ports.db, entry.contestId, openid, entry);
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.FORBIDDEN) return { ok: false, reason: 'conflict' };
    throw error;
  }
  return admit('judge');
}

/** Facts a use case already has, so the check does not read them again. */
export interface KnownFacts {
  entry?: EntryDoc;
  /** From entryFilesAccess for this caller and entry. */
  grant?: EntryFilesGrant;
}

async function mayHave(ports: Ports, caller: Caller, stored: StoredPath, known: KnownFacts): Promise<boolean> {
  if (stored.kind === 'newsMedia') return true;
  const openid = caller.openid;
  if (openid === null) return false;
  switch (stored.kind) {
    case 'export':
      // The notary exports the live final's 成绩单 and log too (admin.live.export): only ever their own file.
      return (
        (hasRole(caller.grants, 'organizer') || hasRole(caller.grants, 'notary')) && stored.person === personKey(openid)
      );
    case 'objectionEvidence': {
      if (stored.person === personKey(openid)) return true;
      if (!hasRole(caller.grants, 'organizer')) return false;
      const list = await ports.db.collection<ResultListDoc>(C.resultLists).get(stored.listId);
      return list !== null && hasRole(caller.grants, 'organizer', list.contestId);
    }
    case 'businessPlan': {
      const grant = known.grant;
      if (grant && grants.has(grant) && grant.entryId === stored.entryId && grant.openid === openid) return true;
      const entry =
        known.entry?._id === stored.entryId
          ? known.entry
          : await ports.db.collection<EntryDoc>(C.entries).get(stored.entryId);
      return entry !== null && (await entryFilesAccess(ports, caller, entry)).ok;
    }
  }
}

/** Whether this caller may ever receive a link to this stored file. */
export async function mayHaveLink(
  ports: Ports,
  caller: Caller,
  fileId: string,
  known: KnownFacts = {},
): Promise<boolean> {
  const stored = classifyFileId(fileId);
  return stored !== null && (await mayHave(ports, caller, stored, known));
}

/** A short-lived link for this caller, or FORBIDDEN. */
export async function signedLink(
  ports: Ports,
  caller: Caller,
  fileId: string,
  ttlSeconds: number,
  known: KnownFacts = {},
): Promise<string> {
  if (!(await mayHaveLink(ports, caller, fileId, known))) {
    throw new AppError(ErrorCode.FORBIDDEN, '没有权限查看该文件');
  }
  return ports.files.temporaryUrl(fileId, ttlSeconds);
}

/**
 * A link for a public answer (an article, a result list): only a public kind ever gets one; anything else,
 * or a missing file, shows as no image rather than an error page.
 */
export async function publicLink(files: Files, fileId: string, ttlSeconds: number): Promise<string> {
  if (!isPublicFileId(fileId)) return '';
  try {
    return await files.temporaryUrl(fileId, ttlSeconds);
  } catch {
    return '';
  }
}

/** Stored file ids inside article HTML (`<img src="cloud://…">`) become public links, private ones none. */
export async function resolvePublicLinks(files: Files, html: string, ttlSeconds: number): Promise<string> {
  const pattern = /src="((?:cloud|local):\/\/[^"]+)"/g;
  const ids = [...new Set([...html.matchAll(pattern)].map((m) => m[1] ?? ''))];
  const links = new Map(
    await Promise.all(ids.map(async (id) => [id, await publicLink(files, id, ttlSeconds)] as const)),
  );
  return html.replace(pattern, (_, id: string) => `src="${links.get(id) ?? ''}"`);
}
