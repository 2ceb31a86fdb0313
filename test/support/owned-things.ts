/**
 * A world of owned things on top of `setUpCallers`, for the object-level suites (object-access, file-links):
 * every kind of thing an action takes the id of, once in contest A and once in contest B, each with the
 * facts that decide who may touch it (its owner, the contest whose organizers manage it, the judges assigned
 * to it), and the secrets no answer may carry to the wrong caller.
 *
 * Built the way the platform builds it: uploads through `files.upload.prepare` + `ports.files.put`, entries
 * through `registration.*` (or `approvedEntries`), judges bound with invite codes, rounds assigned by
 * `admin.round.assign`, lists published with a 公示 period, objections filed with evidence, exports made by
 * `admin.entry.export`. Only 复赛 sessions are written straight to the store (online rounds have none).
 */
import { createCloudBaseDb } from '../../cloudfunctions/adapters/cloud/cloudbase-db';
import type { Ports } from '../../cloudfunctions/ports';
import { createApi, type Api } from '../../cloudfunctions/router';
import { C, type AssignmentDoc, type EntryDoc, type SessionDoc } from '../../cloudfunctions/usecases/collections';
import { personKey } from '../../cloudfunctions/usecases/files/file-links';
import { createWxDatabaseStandin } from '../standins/wx-database';
import {
  CALLERS_TIME,
  CALLER_KEYS,
  CALLER_OPENIDS,
  DEMO_MOBILE,
  ENTRANT_ID_NUMBER,
  ENTRANT_MOBILE,
  callerAdminOpenids,
  setUpCallers,
  type CallerKey,
  type CallerSpec,
  type CallerWorld,
} from './callers';
import { approvedEntries, call, ok, roundFixture } from './judging-fixtures';
import { testPorts } from './local-ports';
import { makerFormFixture, pdfBytes } from './registration-fixtures';

export type Store = 'embedded' | 'cloudbase';
export const STORES: readonly Store[] = ['embedded', 'cloudbase'];

/** The smallest valid PNG header: enough for the byte check of an article image. */
export const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** A second judge of contest A outside the caller set, so some entries of A are not judge A's. */
export const JUDGE_X = { openid: 'oOwnedJudgeX000000000000000' };

export const THING_KEYS = [
  /** The entrant's submitted entry in A (in no round). */
  'entrantEntryA',
  /** An approved entry of A (someone else's) judge A is assigned to in round A. */
  'assignedEntryA',
  /** An approved entry of A in round A assigned to judge X only. */
  'unassignedEntryA',
  /** An approved entry of B (someone else's), assigned to judge B in round B. */
  'entryB',
  /** The entrant's maker draft in B, with an ID number and a business plan. */
  'draftB',
  'contestA',
  'contestB',
  'roundA',
  'roundB',
  /** Drafts of contest A (by organizer A), of contest B and of no contest (by the 组委会). */
  'articleA',
  'articleB',
  'articlePlatform',
  'listA',
  'listB',
  /** Objections with evidence, filed by the institution caller on list A / list B. */
  'objectionA',
  'objectionB',
  /** Campaign drafts to the entrants of A (by organizer A) and of B (by the 组委会). */
  'campaignA',
  'campaignB',
  /** Live finals (决赛 in live mode) of A (judge A on the panel) and of B (judge B), drawn, nobody on stage yet. */
  'liveA',
  'liveB',
] as const;
export type ThingKey = (typeof THING_KEYS)[number];

export interface Thing {
  key: ThingKey;
  collection: string;
  id: string;
  /** The contest whose organizers manage it; null: the 组委会 (a global organizer) only. */
  contestId: string | null;
  /** The caller it belongs to, if any. */
  owner: CallerKey | null;
  /** Entries: the entry and the round it is judged in (assignments are read from the store when asked). */
  entryId?: string;
  roundId?: string;
}

/** The stored private and public files of the world, by what they are. */
export interface WorldFiles {
  /** Business plans by entry thing. */
  plans: Record<'entrantEntryA' | 'assignedEntryA' | 'unassignedEntryA' | 'entryB' | 'draftB', string>;
  evidence: Record<'objectionA' | 'objectionB', string>;
  /** Exports and the caller who made each. */
  exports: Record<'byOrganizerA' | 'byGlobalOrganizer', { fileId: string; maker: CallerKey }>;
  newsImage: string;
}

export interface OwnedWorld extends CallerWorld {
  store: Store;
  api: Api;
  ports: Ports;
  local: ReturnType<typeof testPorts>;
  things: Record<ThingKey, Thing>;
  files: WorldFiles;
  /** Approved entries of judge A in round A (all of them; `assignedEntryA` is the first). */
  judgeAEntries: string[];
  /** A published, visible article of contest A with the news image in its body and as its cover. */
  publicArticleId: string;
  dispose(): void;
}

export function makeApi(ports: Ports): Api {
  return createApi({
    ports,
    adminOpenids: callerAdminOpenids(),
    runtime: 'local',
    version: 'owned',
    idHashKey: Buffer.alloc(32, 9),
    idempotency: { keepMs: 3600_000, leaseMs: 5_000, waitMs: 3_000, pollMs: 5 },
  });
}

const globalOrganizer = { openid: CALLER_OPENIDS.globalOrganizer };
const organizerA = { openid: CALLER_OPENIDS.organizerA };
const entrant = { openid: CALLER_OPENIDS.entrant };
const institution = { openid: CALLER_OPENIDS.institution };

/** The fileId of a stored file's signed link (`http://127.0.0.1:1/files/<path>?exp=…`). */
export async function fileIdOfLink(ports: Ports, url: string): Promise<string> {
  const path = decodeURIComponent(new URL(url).pathname.replace(/^\/files\//, ''));
  return ports.files.fileIdFor(path);
}

async function upload(
  api: Api,
  ports: Ports,
  who: { openid: string },
  request: Record<string, unknown>,
  bytes: Buffer,
  contentType: string,
): Promise<{ fileId: string; name: string; size: number }> {
  const { path } = await ok<{ path: string }>(
    call(api, who, 'files.upload.prepare', { ...request, contentType, size: bytes.length }),
  );
  await ports.files.put(path, bytes, contentType);
  return { fileId: await ports.files.fileIdFor(path), name: String(request.fileName), size: bytes.length };
}

async function bindJudgeX(api: Api, contestId: string): Promise<void> {
  const { invites } = await ok<{ invites: Array<{ code: string }> }>(
    call(api, globalOrganizer, 'admin.judge.invite', { contestId, count: 1 }),
  );
  await ok(
    call(api, JUDGE_X, 'judge.bind', {
      code: invites[0]?.code,
      name: '外聘评委',
      organization: '上海某研究院',
      title: '研究员',
      expertise: ['新一代信息技术'],
      conflicts: { names: [], creditCodes: [] },
    }),
  );
}

async function activeAssignments(ports: Ports, roundId: string): Promise<AssignmentDoc[]> {
  return ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId, status: 'active' });
}

/** Builds the whole world on a fresh store; throws naming the step that failed. */
export async function buildOwnedWorld(store: Store): Promise<OwnedWorld> {
  const local = testPorts({ start: CALLERS_TIME });
  local.clock.freeze(CALLERS_TIME);
  const ports: Ports = store === 'embedded' ? local : { ...local, db: createCloudBaseDb(createWxDatabaseStandin()) };
  const api = makeApi(ports);
  try {
    const world = await setUpCallers(api, ports);
    const { a, b } = world.contests;

    // Contest A: six approved entries of other people, judged by judge A and judge X, one judge each.
    await approvedEntries(ports, a, [{ n: 33 }, { n: 34 }, { n: 35 }, { n: 36 }]);
    await bindJudgeX(api, a);
    const roundA = (
      await ok<{ round: { id: string } }>(
        call(api, globalOrganizer, 'admin.round.upsert', roundFixture(a, { judgesPerEntry: 1, blind: false })),
      )
    ).round.id;
    await ok(call(api, globalOrganizer, 'admin.round.assign', { roundId: roundA }));
    const inA = await activeAssignments(ports, roundA);
    const judgeAEntries = inA.filter((x) => x.judgeOpenid === CALLER_OPENIDS.judgeA).map((x) => x.entryId);
    const judgeXEntries = inA.filter((x) => x.judgeOpenid === JUDGE_X.openid).map((x) => x.entryId);
    if (judgeAEntries.length < 3 || judgeXEntries.length < 1)
      throw new Error(`round A: judge A has ${judgeAEntries.length} entries, judge X ${judgeXEntries.length}`);

    // Contest B: two approved entries, judge B assigned to both; the entrant's maker draft gets a plan.
    const inB = await approvedEntries(ports, b, [{ n: 41 }, { n: 42 }]);
    const roundB = (
      await ok<{ round: { id: string } }>(
        call(api, globalOrganizer, 'admin.round.upsert', roundFixture(b, { judgesPerEntry: 1, blind: false })),
      )
    ).round.id;
    await ok(call(api, globalOrganizer, 'admin.round.assign', { roundId: roundB }));
    const entryB = inB[0] as EntryDoc;
    const planB = await upload(
      api,
      ports,
      entrant,
      { purpose: 'businessPlan', contestId: b, fileName: '创客计划书.pdf' },
      pdfBytes,
      'application/pdf',
    );
    const { idNumber: _typed, ...maker } = makerFormFixture(7, planB);
    const draftB = (
      await ok<{ entryId: string }>(
        call(api, entrant, 'registration.draft.save', {
          contestId: b,
          form: { ...maker, mobile: ENTRANT_MOBILE },
        }),
      )
    ).entryId;

    // Live finals: one finalist each, the contest's caller judge on the panel, the order drawn.
    const liveFinal = async (contestId: string, n: number, judgeOpenid: string) => {
      const [finalist] = await approvedEntries(ports, contestId, [{ n, status: 'finalist' }]);
      const roundId = (
        await ok<{ round: { id: string } }>(
          call(
            api,
            globalOrganizer,
            'admin.round.upsert',
            roundFixture(contestId, { stage: 'final', judgesPerEntry: 1, mode: 'live' }),
          ),
        )
      ).round.id;
      const liveId = (
        await ok<{ console: { liveId: string } }>(
          call(api, globalOrganizer, 'admin.live.upsert', {
            roundId,
            group: 'enterprise',
            judges: [personKey(judgeOpenid)],
          }),
        )
      ).console.liveId;
      await ok(call(api, globalOrganizer, 'admin.live.draw', { liveId, seed: `owned-${n}` }));
      return { liveId, roundId, entryId: (finalist as EntryDoc)._id };
    };
    const liveA = await liveFinal(a, 37, CALLER_OPENIDS.judgeA);
    const liveB = await liveFinal(b, 43, CALLER_OPENIDS.judgeB);

    // 复赛-style sessions to place (online rounds make none).
    for (const roundId of [roundA, roundB]) {
      await ports.db.collection<SessionDoc>(C.sessions).create({
        _id: `${roundId}:s1`,
        roundId,
        key: 's1',
        district: '浦东新区',
        field: '新一代信息技术',
        entryIds: [],
        judgeOpenids: [],
        place: '',
        startsAt: null,
        updatedAt: CALLERS_TIME.toISOString(),
      });
    }

    // Articles: drafts of A (by organizer A), of B and of no contest (by the 组委会), and a public one.
    const draftArticle = async (who: { openid: string }, contestId: string | null, title: string) =>
      (
        await ok<{ article: { id: string } }>(
          call(api, who, 'admin.article.upsert', {
            title,
            category: 'notice',
            contestId,
            bodyHtml: '<p>草稿内容</p>',
            publishAt: '2026-12-01T10:00:00+08:00',
            status: 'draft',
          }),
        )
      ).article.id;
    const articleA = await draftArticle(organizerA, a, '赛事A通知草稿');
    const articleB = await draftArticle(globalOrganizer, b, '赛事B通知草稿');
    const articlePlatform = await draftArticle(globalOrganizer, null, '大赛组委会草稿');
    const draftCampaign = async (who: { openid: string }, contestId: string) =>
      (
        await ok<{ campaign: { id: string } }>(
          call(api, who, 'admin.campaign.upsert', {
            contestId,
            kind: 'announcement',
            fields: { title: '决赛路演安排', at: '2026-12-08T09:00:00+08:00', note: '请准时参加' },
            audience: { role: 'entrants' },
          }),
        )
      ).campaign.id;
    const campaignA = await draftCampaign(organizerA, a);
    const campaignB = await draftCampaign(globalOrganizer, b);
    const image = await upload(
      api,
      ports,
      organizerA,
      { purpose: 'newsImage', fileName: '现场.png' },
      pngBytes,
      'image/png',
    );
    const publicArticleId = (
      await ok<{ article: { id: string } }>(
        call(api, organizerA, 'admin.article.upsert', {
          title: '赛事A现场照片',
          category: 'news',
          contestId: a,
          cover: image,
          bodyHtml: `<p>现场照片</p><img src="${image.fileId}">`,
          publishAt: '2026-11-26T09:00:00+08:00',
          status: 'published',
        }),
      )
    ).article.id;

    // Result lists in 公示, and an objection with evidence on each (filed by the institution caller).
    const publish = async (who: { openid: string }, contestId: string, entryId: string) =>
      (
        await ok<{ list: { id: string } }>(
          call(api, who, 'admin.result.publish', {
            contestId,
            kind: 'preliminary',
            entries: [{ entryId }],
            publicityDays: 5,
          }),
        )
      ).list.id;
    const listA = await publish(organizerA, a, judgeXEntries[0] as string);
    const listB = await publish(globalOrganizer, b, entryB._id);
    const object = async (listId: string, entryId: string) => {
      const evidence = await upload(
        api,
        ports,
        institution,
        { purpose: 'objection', listId, fileName: '证据.pdf' },
        pdfBytes,
        'application/pdf',
      );
      const filed = await ok<{ objection: { id: string } }>(
        call(api, institution, 'results.objection.file', {
          listId,
          entryId,
          reason: '该项目与我方专利高度相似',
          contact: 'service@example.com',
          attachment: evidence,
        }),
      );
      return { id: filed.objection.id, fileId: evidence.fileId };
    };
    const objectionA = await object(listA, judgeXEntries[0] as string);
    const objectionB = await object(listB, entryB._id);

    // Exports: organizer A's of contest A, the 组委会's of everything with unmasked mobiles.
    const exportBy = async (who: { openid: string }, input: Record<string, unknown>) =>
      fileIdOfLink(ports, (await ok<{ url: string }>(call(api, who, 'admin.entry.export', input))).url);
    const exportA = await exportBy(organizerA, { contestId: a });
    const exportAll = await exportBy(globalOrganizer, { includeSensitive: true });

    const entries = ports.db.collection<EntryDoc>(C.entries);
    const planOf = async (entryId: string) => {
      const plan = (await entries.get(entryId))?.form.businessPlan?.fileId;
      if (plan === undefined) throw new Error(`entry ${entryId} has no business plan`);
      return plan;
    };
    const entryThing = (key: ThingKey, id: string, contestId: string, owner: CallerKey | null, roundId?: string) =>
      ({ key, collection: C.entries, id, contestId, owner, entryId: id, roundId }) satisfies Thing;
    const thing = (key: ThingKey, collection: string, id: string, contestId: string | null, owner: CallerKey | null) =>
      ({ key, collection, id, contestId, owner }) satisfies Thing;
    const things: Record<ThingKey, Thing> = {
      entrantEntryA: entryThing('entrantEntryA', world.entrantEntryId, a, 'entrant'),
      assignedEntryA: entryThing('assignedEntryA', judgeAEntries[0] as string, a, null, roundA),
      unassignedEntryA: entryThing('unassignedEntryA', judgeXEntries[0] as string, a, null, roundA),
      entryB: entryThing('entryB', entryB._id, b, null, roundB),
      draftB: entryThing('draftB', draftB, b, 'entrant'),
      contestA: thing('contestA', C.contests, a, a, null),
      contestB: thing('contestB', C.contests, b, b, null),
      roundA: thing('roundA', C.rounds, roundA, a, null),
      roundB: thing('roundB', C.rounds, roundB, b, null),
      articleA: thing('articleA', C.articles, articleA, a, null),
      articleB: thing('articleB', C.articles, articleB, b, null),
      articlePlatform: thing('articlePlatform', C.articles, articlePlatform, null, null),
      listA: thing('listA', C.resultLists, listA, a, null),
      listB: thing('listB', C.resultLists, listB, b, null),
      objectionA: thing('objectionA', C.objections, objectionA.id, a, 'institution'),
      objectionB: thing('objectionB', C.objections, objectionB.id, b, 'institution'),
      campaignA: thing('campaignA', C.campaigns, campaignA, a, null),
      campaignB: thing('campaignB', C.campaigns, campaignB, b, null),
      liveA: { ...thing('liveA', C.liveShows, liveA.liveId, a, null), entryId: liveA.entryId, roundId: liveA.roundId },
      liveB: { ...thing('liveB', C.liveShows, liveB.liveId, b, null), entryId: liveB.entryId, roundId: liveB.roundId },
    };
    const files: WorldFiles = {
      plans: {
        entrantEntryA: await planOf(things.entrantEntryA.id),
        assignedEntryA: await planOf(things.assignedEntryA.id),
        unassignedEntryA: await planOf(things.unassignedEntryA.id),
        entryB: await planOf(things.entryB.id),
        draftB: await planOf(things.draftB.id),
      },
      evidence: { objectionA: objectionA.fileId, objectionB: objectionB.fileId },
      exports: {
        byOrganizerA: { fileId: exportA, maker: 'organizerA' },
        byGlobalOrganizer: { fileId: exportAll, maker: 'globalOrganizer' },
      },
      newsImage: image.fileId,
    };
    // Setting up is not under test: only what the suites call may log errors.
    local.logs.length = 0;
    return {
      ...world,
      store,
      api,
      ports,
      local,
      things,
      files,
      judgeAEntries,
      publicArticleId,
      dispose: () => local.dispose(),
    };
  } catch (error) {
    local.dispose();
    throw error;
  }
}

// ---------------------------------------------------------------- who relates to a thing

/** The ways a caller may relate to a thing; a row of a suite names the ones that admit. */
export type Relation = 'owner' | 'organizer' | 'assignedJudge' | 'judgeOfContest' | 'notaryOfContest';

/** Organizer of the contest as designed in callerSpecs (not as the product's role helpers say). */
export function organizerOf(caller: CallerSpec, contestId: string | null): boolean {
  return caller.grants.some(
    (g) => g.role === 'organizer' && (g.contestId === null || (contestId !== null && g.contestId === contestId)),
  );
}

export function judgeOf(caller: CallerSpec, contestId: string | null): boolean {
  return (
    contestId !== null &&
    caller.grants.some((g) => g.role === 'judge' && (g.contestId === null || g.contestId === contestId))
  );
}

/** Whether the caller, a judge of the entry's contest, holds an active assignment to it (in its round, if it has one). */
export async function assignedTo(ports: Ports, caller: CallerSpec, thing: Thing): Promise<boolean> {
  if (caller.openid === null || thing.entryId === undefined || !judgeOf(caller, thing.contestId)) return false;
  const filter = {
    entryId: thing.entryId,
    judgeOpenid: caller.openid,
    status: 'active',
    ...(thing.roundId ? { roundId: thing.roundId } : {}),
  };
  return (await ports.db.collection<AssignmentDoc>(C.assignments).count(filter)) > 0;
}

export async function relates(ports: Ports, caller: CallerSpec, thing: Thing, relation: Relation): Promise<boolean> {
  switch (relation) {
    case 'owner':
      return thing.owner === caller.key;
    case 'organizer':
      return caller.openid !== null && organizerOf(caller, thing.contestId);
    case 'assignedJudge':
      return assignedTo(ports, caller, thing);
    case 'judgeOfContest':
      return judgeOf(caller, thing.contestId);
    case 'notaryOfContest':
      return (
        thing.contestId !== null &&
        caller.grants.some((g) => g.role === 'notary' && (g.contestId === null || g.contestId === thing.contestId))
      );
  }
}

export async function admitted(
  ports: Ports,
  caller: CallerSpec,
  thing: Thing,
  relations: readonly Relation[],
): Promise<boolean> {
  for (const relation of relations) if (await relates(ports, caller, thing, relation)) return true;
  return false;
}

// ---------------------------------------------------------------- secrets

/** Any 18-character 身份证号码 shape (17 digits and a digit or X), not inside a longer token. */
export const ID_NUMBER_SHAPE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/**
 * What must not appear in an answer to `caller`: every openid but its own (the callers', judge X's and the
 * other entrants'), unmasked mobiles it does not own, the entrant's ID number, and the credit codes of
 * entries it may not see (it is neither their entrant, nor an organizer of their contest, nor an assigned judge).
 */
export async function forbiddenFor(ports: Ports, caller: CallerSpec): Promise<string[]> {
  const entries = await ports.db.collection<EntryDoc>(C.entries).find({});
  const assignments = await ports.db.collection<AssignmentDoc>(C.assignments).find({ status: 'active' });
  const openids = new Set<string>([
    ...CALLER_KEYS.flatMap((k) => (k === 'anonymous' ? [] : [CALLER_OPENIDS[k]])),
    JUDGE_X.openid,
    ...entries.map((e) => e.ownerOpenid),
  ]);
  if (caller.openid !== null) openids.delete(caller.openid);
  const mobiles = caller.key === 'entrant' ? [DEMO_MOBILE] : [DEMO_MOBILE, ENTRANT_MOBILE];
  const hidden = entries.filter((e) => {
    if (e.ownerOpenid === caller.openid) return false;
    if (caller.openid !== null && organizerOf(caller, e.contestId)) return false;
    return !(
      judgeOf(caller, e.contestId) && assignments.some((x) => x.entryId === e._id && x.judgeOpenid === caller.openid)
    );
  });
  const creditCodes = hidden.flatMap((e) => {
    const code = (e.form as { creditCode?: string }).creditCode;
    return typeof code === 'string' && code !== '' ? [code] : [];
  });
  return [...openids, ...mobiles, ENTRANT_ID_NUMBER, ...creditCodes];
}

/** The secrets found in an answer (empty when it is clean). */
export async function leaksIn(ports: Ports, caller: CallerSpec, answer: unknown): Promise<string[]> {
  const text = JSON.stringify(answer) ?? '';
  const found = (await forbiddenFor(ports, caller)).filter((s) => text.includes(s));
  const id = ID_NUMBER_SHAPE.exec(text);
  return id ? [...found, `ID-number shape ${id[0]}`] : found;
}

/** Every document of every collection, for "a refused call changed nothing". */
export async function storeSnapshot(ports: Ports): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of Object.values(C)) {
    out[name] = await ports.db.collection(name).find({}, { orderBy: [['_id', 'asc']] });
  }
  return out;
}
