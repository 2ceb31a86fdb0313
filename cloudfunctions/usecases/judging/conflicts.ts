import { AppError, ErrorCode } from '@core/errors';
import { entrantIdentity, judgeConflicts } from '@core/judging/conflicts';
import type { EntryForAssignment, JudgeProfileForAssignment } from '@core/judging/types';
import type { Db } from '../../ports';
import { C, judgeIdFor, type EntryDoc, type JudgeDoc } from '../collections';

/** The company or maker an entry names, from its stored form. */
export function identityOf(entry: Pick<EntryDoc, 'form'>): string | null {
  const form = entry.form as { group: string; creditCode?: string; idHash?: string };
  return entrantIdentity(form);
}

/** The entry as the conflict rule sees it: who submitted it and whom it names. */
function entryConflictSide(
  entry: Pick<EntryDoc, 'ownerOpenid' | 'orgName' | 'form'>,
): Pick<EntryForAssignment, 'orgName' | 'creditCode' | 'ownerId' | 'identity'> {
  const form = entry.form as { group: string; creditCode?: string };
  return {
    orgName: entry.orgName,
    creditCode: form.group === 'enterprise' ? (form.creditCode ?? null) : null,
    ownerId: entry.ownerOpenid,
    identity: identityOf(entry),
  };
}

/**
 * The entrant identities of every entry each account submitted (any contest, any status: a withdrawn or
 * rejected entry still says whose company it is), for the accounts of a contest's judges.
 */
async function ownIdentities(db: Db, openids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const unique = [...new Set(openids)];
  for (let i = 0; i < unique.length; i += 100) {
    const owned = await db
      .collection<EntryDoc>(C.entries)
      .find({ ownerOpenid: { $in: unique.slice(i, i + 100) } }, { limit: 1000 });
    for (const entry of owned) {
      const identity = identityOf(entry);
      if (identity === null) continue;
      const list = out.get(entry.ownerOpenid) ?? [];
      if (!list.includes(identity)) list.push(identity);
      out.set(entry.ownerOpenid, list);
    }
  }
  return out;
}

/** Judges as assignment, top-ups and panels see them: expertise, declared conflicts and their own entries. */
export async function judgeProfiles(db: Db, judges: readonly JudgeDoc[]): Promise<JudgeProfileForAssignment[]> {
  const identities = await ownIdentities(
    db,
    judges.map((j) => j.openid),
  );
  return judges.map((doc) => ({
    id: doc.openid,
    expertise: doc.expertise,
    conflicts: doc.conflicts,
    identities: identities.get(doc.openid) ?? [],
  }));
}

/**
 * A judge may not read or score an entry they conflict with, whatever the assignment says: their own, one
 * naming their company, or a declared one (a conflict declared after the assignment, or an entry submitted
 * by the judge's account after it).
 */
export async function assertJudgeFree(
  db: Db,
  contestId: string,
  openid: string,
  entry: EntryDoc,
  /** The judge's document when the caller has read it already (null: not bound). */
  known?: JudgeDoc | null,
): Promise<void> {
  if (entry.ownerOpenid === openid) throw conflictError();
  const [judge, identities] = await Promise.all([
    known !== undefined ? known : db.collection<JudgeDoc>(C.judges).get(judgeIdFor(contestId, openid)),
    ownIdentities(db, [openid]),
  ]);
  const profile = {
    id: openid,
    conflicts: judge?.conflicts ?? { names: [], creditCodes: [] },
    identities: identities.get(openid) ?? [],
  };
  if (judgeConflicts(profile, entryConflictSide(entry))) throw conflictError();
}

function conflictError(): AppError {
  return new AppError(ErrorCode.FORBIDDEN, '您与该项目存在回避关系，不能查看或评分');
}
