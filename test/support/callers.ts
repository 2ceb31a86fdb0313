/**
 * One set of callers for the router suites: who they are (openid and the grants they were given, as
 * designed here, not as the store reports them) and a factory that makes the store agree — a submitted
 * entry, judges bound through invite codes, stored role grants, an organizer in ADMIN_OPENIDS.
 *
 * Usage: build the api with `adminOpenids: callerAdminOpenids()`, freeze the clock inside the
 * registration window of `openContest()` (e.g. at `CALLERS_TIME`), then `await setUpCallers(api, ports)`.
 */
import type { RoleGrant } from '@core/roles';
import type { Api } from '../../cloudfunctions/router';
import { DbError, type Ports } from '../../cloudfunctions/ports';
import { edition2024 } from '../../cloudfunctions/local/seed-data';
import {
  C,
  roleGrantId,
  type ContestDoc,
  type EditionDoc,
  type RoleGrantDoc,
} from '../../cloudfunctions/usecases/collections';
import { approvedEntries, call, ok } from './judging-fixtures';
import { enterpriseFormFixture, idNumber, makerFormFixture, openContest, pdfBytes } from './registration-fixtures';

export const CALLER_KEYS = [
  'anonymous',
  'newUser',
  'entrant',
  'judgeA',
  'judgeB',
  'notary',
  'institution',
  'organizerA',
  'globalOrganizer',
] as const;
export type CallerKey = (typeof CALLER_KEYS)[number];

export interface CallerSpec {
  key: CallerKey;
  /** What the caller is, for test names. */
  label: string;
  openid: string | null;
  /**
   * The grants this caller was given by `setUpCallers`, including the entrant role every signed-in user
   * holds (docs/ARCHITECTURE.md: "entrant for anyone signed in") and organizer for ADMIN_OPENIDS.
   */
  grants: readonly RoleGrant[];
}

/** Inside the registration window of `openContest()` (2026-11-01 .. 2026-12-31, Shanghai). */
export const CALLERS_TIME = new Date('2026-11-26T02:00:00Z');

export const DEFAULT_CONTESTS = { a: 'c-callers-a', b: 'c-callers-b' } as const;
export interface CallerContests {
  a: string;
  b: string;
}

/** WeChat-shaped openids (`o` + 27 characters); none is a substring of another. */
function wxOpenid(name: string): string {
  return `o${name}`.padEnd(28, '0');
}

export const CALLER_OPENIDS: Readonly<Record<Exclude<CallerKey, 'anonymous'>, string>> = {
  newUser: wxOpenid('CallerNewUserX'),
  entrant: wxOpenid('CallerEntrantX'),
  judgeA: wxOpenid('CallerJudgeAX'),
  judgeB: wxOpenid('CallerJudgeBX'),
  notary: wxOpenid('CallerNotaryX'),
  institution: wxOpenid('CallerInstitutionX'),
  organizerA: wxOpenid('CallerOrganizerAX'),
  globalOrganizer: wxOpenid('CallerGlobalOrgX'),
};

/** ADMIN_OPENIDS for an api serving these callers: the global organizer only. */
export function callerAdminOpenids(): Set<string> {
  return new Set([CALLER_OPENIDS.globalOrganizer]);
}

/** The entrant's own mobile: other callers must never see it unmasked. */
export const ENTRANT_MOBILE = '13700001111';
/** The mobile of entries owned by nobody among the callers (enterpriseFormFixture's): nobody may see it unmasked. */
export const DEMO_MOBILE = '13812341234';
/** The maker ID number the entrant typed into a draft: stored only as hash and mask. */
export const ENTRANT_ID_NUMBER = idNumber(7);

export function callerSpecs(contests: CallerContests = DEFAULT_CONTESTS): Record<CallerKey, CallerSpec> {
  const entrant: RoleGrant = { role: 'entrant', contestId: null };
  const spec = (key: CallerKey, label: string, openid: string | null, grants: RoleGrant[]): CallerSpec => ({
    key,
    label,
    openid,
    grants,
  });
  return {
    anonymous: spec('anonymous', 'anonymous follower', null, []),
    newUser: spec('newUser', 'new user, no data', CALLER_OPENIDS.newUser, [entrant]),
    entrant: spec('entrant', 'entrant with a submitted entry', CALLER_OPENIDS.entrant, [entrant]),
    judgeA: spec('judgeA', 'judge of contest A', CALLER_OPENIDS.judgeA, [
      entrant,
      { role: 'judge', contestId: contests.a },
    ]),
    judgeB: spec('judgeB', 'judge of contest B only', CALLER_OPENIDS.judgeB, [
      entrant,
      { role: 'judge', contestId: contests.b },
    ]),
    notary: spec('notary', 'notary of contest A', CALLER_OPENIDS.notary, [
      entrant,
      { role: 'notary', contestId: contests.a },
    ]),
    institution: spec('institution', 'institution (global grant)', CALLER_OPENIDS.institution, [
      entrant,
      { role: 'institution', contestId: null },
    ]),
    organizerA: spec('organizerA', 'organizer of contest A (stored grant)', CALLER_OPENIDS.organizerA, [
      entrant,
      { role: 'organizer', contestId: contests.a },
    ]),
    globalOrganizer: spec('globalOrganizer', 'global organizer (ADMIN_OPENIDS)', CALLER_OPENIDS.globalOrganizer, [
      entrant,
      { role: 'organizer', contestId: null },
    ]),
  };
}

export interface CallerWorld {
  callers: Record<CallerKey, CallerSpec>;
  contests: CallerContests;
  /** The entrant's submitted entry in contest A. */
  entrantEntryId: string;
  /** Entries of contest A owned by people outside the caller set (mobile DEMO_MOBILE). */
  otherEntryIds: string[];
}

async function createIfMissing<T extends { _id: string }>(ports: Ports, collection: string, doc: T): Promise<void> {
  try {
    await ports.db.collection<T>(collection).create(doc);
  } catch (error) {
    if (!(error instanceof DbError && error.code === 'DUPLICATE')) throw error;
  }
}

async function storeGrant(ports: Ports, openid: string, grant: RoleGrant): Promise<void> {
  await createIfMissing<RoleGrantDoc>(ports, C.roles, {
    _id: roleGrantId(openid, grant.role, grant.contestId),
    openid,
    role: grant.role,
    contestId: grant.contestId,
    createdAt: ports.clock.now().toISOString(),
  });
}

/** What a client does: ask where to upload, upload there, hand the fileId to the form. */
async function uploadPlan(api: Api, ports: Ports, who: { openid: string }, contestId: string) {
  const { path } = await ok<{ path: string }>(
    call(api, who, 'files.upload.prepare', {
      contestId,
      purpose: 'businessPlan',
      fileName: '商业计划书.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    }),
  );
  await ports.files.put(path, pdfBytes, 'application/pdf');
  return { fileId: await ports.files.fileIdFor(path), name: '商业计划书.pdf', size: pdfBytes.length };
}

async function bindJudge(api: Api, organizer: { openid: string }, who: { openid: string }, contestId: string) {
  const { invites } = await ok<{ invites: Array<{ code: string }> }>(
    call(api, organizer, 'admin.judge.invite', { contestId, count: 1 }),
  );
  await ok(
    call(api, who, 'judge.bind', {
      code: invites[0]?.code,
      name: '测试评委',
      organization: '上海某大学',
      title: '教授',
      expertise: ['新一代信息技术'],
      conflicts: { names: [], creditCodes: [] },
    }),
  );
}

/**
 * Makes the store match `callerSpecs()`: contests A and B (`openContest`), the entrant's submitted entry in A
 * (and a maker draft with an ID number in B), two entries of other people in A, judges bound through
 * `admin.judge.invite` + `judge.bind`, stored grants for the notary, the institution and the organizer of A.
 * The api must have `callerAdminOpenids()` among its ADMIN_OPENIDS; throws naming the step that failed.
 */
export async function setUpCallers(
  api: Api,
  ports: Ports,
  contests: CallerContests = DEFAULT_CONTESTS,
): Promise<CallerWorld> {
  const callers = callerSpecs(contests);
  await createIfMissing<EditionDoc>(ports, C.editions, edition2024);
  await createIfMissing<ContestDoc>(ports, C.contests, openContest(contests.a));
  await createIfMissing<ContestDoc>(ports, C.contests, openContest(contests.b));

  const organizer = { openid: CALLER_OPENIDS.globalOrganizer };
  const entrant = { openid: CALLER_OPENIDS.entrant };

  const plan = await uploadPlan(api, ports, entrant, contests.a);
  const submitted = await ok<{ entryId: string }>(
    call(api, entrant, 'registration.submit', {
      contestId: contests.a,
      form: { ...enterpriseFormFixture(1, plan), mobile: ENTRANT_MOBILE },
    }),
  );
  await ok(
    call(api, entrant, 'registration.draft.save', {
      contestId: contests.b,
      form: {
        ...makerFormFixture(7, { fileId: 'x', name: 'x', size: 1 }),
        businessPlan: undefined,
        mobile: ENTRANT_MOBILE,
        idNumber: ENTRANT_ID_NUMBER,
      },
    }),
  );
  const others = await approvedEntries(ports, contests.a, [{ n: 31 }, { n: 32 }]);

  await bindJudge(api, organizer, { openid: CALLER_OPENIDS.judgeA }, contests.a);
  await bindJudge(api, organizer, { openid: CALLER_OPENIDS.judgeB }, contests.b);

  for (const key of ['notary', 'institution', 'organizerA'] as const) {
    for (const grant of callers[key].grants) {
      if (grant.role !== 'entrant') await storeGrant(ports, CALLER_OPENIDS[key], grant);
    }
  }
  return { callers, contests, entrantEntryId: submitted.entryId, otherEntryIds: others.map((d) => d._id) };
}
