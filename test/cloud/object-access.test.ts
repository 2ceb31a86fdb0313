/**
 * Object-level access: every action that takes the id of something owned (an entry, a draft, a file, an
 * objection, an assignment, an article, a round, a list, a contest), called by every caller of
 * `callerSpecs()` on a world where that thing belongs to one caller or to contest A (and its twin to
 * contest B), through the router, on the embedded store and on the CloudBase adapter over the stand-in.
 *
 * What each call must answer is derived from one row per action: which things it takes, which relations
 * admit a caller (owner / organizer of the thing's contest / judge assigned to the entry / judge of the
 * contest), and what kind of action it is:
 *
 * - `opens`: admitted callers get past the object check (ok, or a state error such as INVALID_STATE,
 *   never UNAUTHENTICATED / FORBIDDEN / NOT_FOUND); anyone else gets FORBIDDEN or NOT_FOUND (anonymous:
 *   UNAUTHENTICATED) and the store is left exactly as it was.
 * - `lists`: admitted callers find the thing in the answer; nobody else does.
 * - `self`: the id is derived from the caller (registration by contestId): the owner acts on the thing; for
 *   anyone else the answer never names it and the thing is unchanged.
 *
 * No answer to anyone carries another user's unmasked mobile, an ID number, another openid, or the credit
 * code of an entry the caller may not see. Adding an action that takes an owned id is one row in ROWS.
 */
import { actions, type ActionName } from '@core/actions';
import { isDeepStrictEqual as equal } from 'node:util';
import { ErrorCode } from '@core/errors';
import type { CallResult } from '@core/wire';
import type { CampaignDoc, ContestDoc, EntryDoc } from '../../cloudfunctions/usecases/collections';
import { personKey } from '../../cloudfunctions/usecases/files/file-links';
import { CALLER_KEYS, CALLER_OPENIDS, callerSpecs, type CallerKey, type CallerSpec } from '../support/callers';
import { points, roundFixture } from '../support/judging-fixtures';
import {
  STORES,
  admitted,
  buildOwnedWorld,
  leaksIn,
  storeSnapshot,
  type OwnedWorld,
  type Relation,
  type Thing,
  type ThingKey,
} from '../support/owned-things';

type Kind = 'opens' | 'lists' | 'self';

interface Row {
  action: ActionName;
  /** Tells two rows of one action apart in test names. */
  note?: string;
  things: readonly ThingKey[];
  admits: readonly Relation[];
  kind?: Kind;
  input: (thing: Thing, world: OwnedWorld) => unknown;
}

const callers = callerSpecs();

const ENTRIES_IN_ROUNDS = ['assignedEntryA', 'unassignedEntryA', 'entryB'] as const;
const ENTRIES = ['entrantEntryA', 'assignedEntryA', 'unassignedEntryA', 'entryB', 'draftB'] as const;
const CONTESTS = ['contestA', 'contestB'] as const;
const ROUNDS = ['roundA', 'roundB'] as const;
const ARTICLES = ['articleA', 'articleB', 'articlePlatform'] as const;
const LISTS = ['listA', 'listB'] as const;
const CAMPAIGNS = ['campaignA', 'campaignB'] as const;
const OBJECTIONS = ['objectionA', 'objectionB'] as const;
const LIVES = ['liveA', 'liveB'] as const;

const stored = async <T>(world: OwnedWorld, thing: Thing) =>
  (await world.ports.db.collection(thing.collection).get(thing.id)) as T;

/** An approved entry of the thing's contest (for inputs that name one). */
const anEntryOf = (world: OwnedWorld, thing: Thing) =>
  thing.contestId === world.contests.a ? world.things.unassignedEntryA.id : world.things.entryB.id;

const article = (thing: Thing, contestId: string | null) => ({
  id: thing.id,
  title: '改过的标题',
  category: 'notice',
  contestId,
  bodyHtml: '<p>改过的正文</p>',
  publishAt: '2026-12-01T10:00:00+08:00',
  status: 'draft',
});

const ROWS: readonly Row[] = [
  // ------------------------------------------------------------ entries and drafts
  {
    action: 'registration.draft.save',
    kind: 'self',
    things: ['entrantEntryA', 'draftB'],
    admits: ['owner'],
    input: async (t, w) => ({
      contestId: t.contestId,
      form: { group: (await stored<EntryDoc>(w, t)).group, projectName: '重新保存的草稿' },
    }),
  },
  {
    action: 'registration.submit',
    kind: 'self',
    things: ['entrantEntryA', 'draftB'],
    admits: ['owner'],
    // The owner's own stored form, plan and all: anyone else sending it must not get the owner's entry.
    input: async (t, w) => ({ contestId: t.contestId, form: (await stored<EntryDoc>(w, t)).form }),
  },
  {
    action: 'registration.withdraw',
    kind: 'self',
    things: ['entrantEntryA', 'draftB'],
    admits: ['owner'],
    input: (t) => ({ contestId: t.contestId }),
  },
  {
    action: 'files.upload.prepare',
    kind: 'self',
    things: ['entrantEntryA', 'draftB'],
    admits: ['owner'],
    input: (t) => ({
      purpose: 'businessPlan',
      contestId: t.contestId,
      fileName: '计划书.pdf',
      contentType: 'application/pdf',
      size: 1000,
    }),
  },
  {
    action: 'registration.mine',
    kind: 'lists',
    things: ['entrantEntryA', 'draftB'],
    admits: ['owner'],
    input: () => undefined,
  },
  {
    action: 'files.link.get',
    note: 'businessPlan',
    things: ENTRIES,
    admits: ['owner', 'organizer', 'assignedJudge'],
    input: (t) => ({ attachment: 'businessPlan', entryId: t.id }),
  },
  {
    action: 'admin.entry.get',
    things: ['entrantEntryA', 'assignedEntryA', 'entryB', 'draftB'],
    admits: ['organizer'],
    input: (t) => ({ entryId: t.id }),
  },
  {
    action: 'admin.entry.decide',
    things: ['entrantEntryA', 'entryB', 'draftB'],
    admits: ['organizer'],
    input: (t) => ({ entryId: t.id, decision: 'reject', reason: '材料不全' }),
  },
  {
    action: 'admin.entry.list',
    note: 'unfiltered',
    kind: 'lists',
    things: ['entrantEntryA', 'assignedEntryA', 'entryB', 'draftB'],
    admits: ['organizer'],
    // Drafts are listed only when asked for by status.
    input: async (t, w) => ({ status: (await stored<EntryDoc>(w, t)).status }),
  },

  // ------------------------------------------------------------ assignments and scores
  {
    action: 'judge.entry.get',
    things: ENTRIES_IN_ROUNDS,
    admits: ['assignedJudge'],
    input: (t) => ({ roundId: t.roundId, entryId: t.id }),
  },
  {
    action: 'judge.score',
    things: ENTRIES_IN_ROUNDS,
    admits: ['assignedJudge'],
    input: (t) => ({ roundId: t.roundId, entryId: t.id, points: points(80), comment: '' }),
  },
  {
    action: 'judge.recuse',
    things: ENTRIES_IN_ROUNDS,
    admits: ['assignedJudge'],
    input: (t) => ({ roundId: t.roundId, entryId: t.id, reason: '与该企业有合作关系' }),
  },
  {
    action: 'judge.assignment.list',
    kind: 'lists',
    things: ENTRIES_IN_ROUNDS,
    admits: ['assignedJudge'],
    input: () => ({}),
  },
  {
    action: 'judge.profile.update',
    things: CONTESTS,
    admits: ['judgeOfContest'],
    input: (t) => ({
      contestId: t.id,
      name: '测试评委',
      organization: '上海某大学',
      title: '教授',
      expertise: ['新一代信息技术'],
      conflicts: { names: [], creditCodes: [] },
    }),
  },

  // ------------------------------------------------------------ objections and their evidence
  {
    action: 'files.link.get',
    note: 'objectionEvidence',
    things: OBJECTIONS,
    admits: ['owner', 'organizer'],
    input: (t) => ({ attachment: 'objectionEvidence', objectionId: t.id }),
  },
  {
    action: 'admin.objection.answer',
    things: OBJECTIONS,
    admits: ['organizer'],
    input: (t) => ({ id: t.id, answer: '经核查，维持原结果。' }),
  },
  { action: 'results.objection.mine', kind: 'lists', things: OBJECTIONS, admits: ['owner'], input: () => undefined },
  { action: 'admin.objection.list', kind: 'lists', things: OBJECTIONS, admits: ['organizer'], input: () => ({}) },

  // ------------------------------------------------------------ campaigns
  { action: 'admin.campaign.get', things: CAMPAIGNS, admits: ['organizer'], input: (t) => ({ id: t.id }) },
  { action: 'admin.campaign.report', things: CAMPAIGNS, admits: ['organizer'], input: (t) => ({ id: t.id }) },
  { action: 'admin.campaign.export', things: CAMPAIGNS, admits: ['organizer'], input: (t) => ({ id: t.id }) },
  {
    action: 'admin.campaign.upsert',
    things: CAMPAIGNS,
    admits: ['organizer'],
    input: async (t, w) => {
      const { contestId, kind, fields, audience } = await stored<CampaignDoc>(w, t);
      return { id: t.id, contestId, kind, fields: { ...fields, note: '时间有调整' }, audience };
    },
  },
  {
    action: 'admin.campaign.upsert',
    note: 'moved into contest A',
    things: CAMPAIGNS,
    admits: ['organizer'],
    input: async (t, w) => {
      const { kind, fields, audience } = await stored<CampaignDoc>(w, t);
      return { id: t.id, contestId: w.contests.a, kind, fields, audience };
    },
  },
  { action: 'admin.campaign.send', things: CAMPAIGNS, admits: ['organizer'], input: (t) => ({ id: t.id }) },
  { action: 'admin.campaign.list', kind: 'lists', things: CAMPAIGNS, admits: ['organizer'], input: () => ({}) },

  // ------------------------------------------------------------ result lists
  {
    action: 'admin.result.withdraw',
    things: LISTS,
    admits: ['organizer'],
    input: (t) => ({ id: t.id, reason: '名单有误，重新发布' }),
  },
  { action: 'admin.result.list', kind: 'lists', things: LISTS, admits: ['organizer'], input: () => ({}) },

  // ------------------------------------------------------------ articles
  { action: 'admin.article.get', things: ARTICLES, admits: ['organizer'], input: (t) => ({ id: t.id }) },
  { action: 'admin.article.upsert', things: ARTICLES, admits: ['organizer'], input: (t) => article(t, t.contestId) },
  {
    action: 'admin.article.upsert',
    note: 'moved into contest A',
    things: ARTICLES,
    admits: ['organizer'],
    input: (t, w) => article(t, w.contests.a),
  },
  {
    action: 'admin.article.remove',
    things: ARTICLES,
    admits: ['organizer'],
    input: (t) => ({ id: t.id, mode: 'unpublish' }),
  },
  { action: 'admin.article.list', kind: 'lists', things: ARTICLES, admits: ['organizer'], input: () => ({}) },

  // ------------------------------------------------------------ contests
  {
    action: 'admin.contest.upsert',
    things: CONTESTS,
    admits: ['organizer'],
    input: async (t, w) => {
      const { _id, ...settings } = await stored<ContestDoc>(w, t);
      return { ...settings, id: _id, name: `${settings.name}（修订）` };
    },
  },
  {
    action: 'admin.entry.list',
    note: 'by contest',
    things: CONTESTS,
    admits: ['organizer'],
    input: (t) => ({ contestId: t.id }),
  },
  { action: 'admin.entry.stats', things: CONTESTS, admits: ['organizer'], input: (t) => ({ contestId: t.id }) },
  { action: 'admin.entry.export', things: CONTESTS, admits: ['organizer'], input: (t) => ({ contestId: t.id }) },
  {
    action: 'admin.result.list',
    note: 'by contest',
    things: CONTESTS,
    admits: ['organizer'],
    input: (t) => ({ contestId: t.id }),
  },
  {
    action: 'admin.result.publish',
    things: CONTESTS,
    admits: ['organizer'],
    input: (t, w) => ({ contestId: t.id, kind: 'finalist', entries: [{ entryId: anEntryOf(w, t) }], publicityDays: 3 }),
  },
  { action: 'admin.round.list', things: CONTESTS, admits: ['organizer'], input: (t) => ({ contestId: t.id }) },
  {
    action: 'admin.round.upsert',
    things: CONTESTS,
    admits: ['organizer'],
    input: (t) => roundFixture(t.id, { judgesPerEntry: 1, blind: false, name: '预赛（修订）' }),
  },
  { action: 'admin.audit.list', things: CONTESTS, admits: ['organizer'], input: (t) => ({ contestId: t.id }) },
  { action: 'admin.audit.export', things: CONTESTS, admits: ['organizer'], input: (t) => ({ contestId: t.id }) },
  {
    action: 'admin.campaign.preview',
    things: CONTESTS,
    admits: ['organizer'],
    input: (t) => ({ contestId: t.id, kind: 'announcement', audience: { role: 'entrants' } }),
  },
  { action: 'admin.reminder.get', things: CONTESTS, admits: ['organizer'], input: (t) => ({ contestId: t.id }) },
  {
    action: 'admin.reminder.update',
    things: CONTESTS,
    admits: ['organizer'],
    input: (t) => ({ contestId: t.id, enabled: { award: false, registrationDeadline: false } }),
  },
  { action: 'admin.judge.list', things: CONTESTS, admits: ['organizer'], input: (t) => ({ contestId: t.id }) },
  {
    action: 'admin.judge.invite',
    things: CONTESTS,
    admits: ['organizer'],
    input: (t) => ({ contestId: t.id, count: 1 }),
  },

  // ------------------------------------------------------------ rounds
  { action: 'admin.round.get', things: ROUNDS, admits: ['organizer'], input: (t) => ({ roundId: t.id }) },
  { action: 'admin.round.assign', things: ROUNDS, admits: ['organizer'], input: (t) => ({ roundId: t.id }) },
  {
    action: 'admin.session.update',
    things: ROUNDS,
    admits: ['organizer'],
    input: (t) => ({ roundId: t.id, key: 's1', place: '上海国际会议中心', startsAt: null }),
  },
  { action: 'admin.round.progress', things: ROUNDS, admits: ['organizer'], input: (t) => ({ roundId: t.id }) },
  { action: 'admin.round.remind', things: ROUNDS, admits: ['organizer'], input: (t) => ({ roundId: t.id }) },
  { action: 'admin.round.ranking', things: ROUNDS, admits: ['organizer'], input: (t) => ({ roundId: t.id }) },
  {
    action: 'admin.round.cutoff',
    things: ROUNDS,
    admits: ['organizer'],
    input: (t) => ({ roundId: t.id, rule: { kind: 'top', n: 1 } }),
  },
  {
    action: 'admin.round.advance',
    things: ROUNDS,
    admits: ['organizer'],
    input: (t) => ({ roundId: t.id, rule: { kind: 'top', n: 1 }, fingerprint: 'stale-preview', publicityDays: 0 }),
  },
  { action: 'admin.award.propose', things: ROUNDS, admits: ['organizer'], input: (t) => ({ roundId: t.id }) },
  {
    action: 'admin.award.decide',
    things: ROUNDS,
    admits: ['organizer'],
    input: (t, w) => ({ roundId: t.id, prizes: [{ entryId: anEntryOf(w, t), prize: 'first' }] }),
  },
  { action: 'admin.award.export', things: ROUNDS, admits: ['organizer'], input: (t) => ({ roundId: t.id }) },
  {
    action: 'admin.audit.list',
    note: 'by round',
    things: ROUNDS,
    admits: ['organizer'],
    input: (t) => ({ contestId: t.contestId, roundId: t.id }),
  },
  // The live final: a show belongs to its contest's organizers; its panel judges score it; its notary reads it.
  { action: 'admin.live.list', things: ROUNDS, admits: ['organizer'], input: (t) => ({ roundId: t.id }) },
  {
    action: 'admin.live.finalists',
    things: ROUNDS,
    admits: ['organizer'],
    input: (t) => ({ roundId: t.id, group: 'enterprise' }),
  },
  { action: 'admin.live.get', things: LIVES, admits: ['organizer'], input: (t) => ({ liveId: t.id }) },
  {
    action: 'admin.live.upsert',
    things: LIVES,
    admits: ['organizer'],
    input: (t, w) => ({
      roundId: t.roundId,
      group: 'enterprise',
      judges: [personKey(t.contestId === w.contests.a ? CALLER_OPENIDS.judgeA : CALLER_OPENIDS.judgeB)],
    }),
  },
  { action: 'admin.live.draw', things: LIVES, admits: ['organizer'], input: (t) => ({ liveId: t.id }) },
  {
    action: 'admin.live.control',
    things: LIVES,
    admits: ['organizer'],
    input: (t) => ({ liveId: t.id, command: 'pitch', entryId: t.entryId }),
  },
  {
    action: 'admin.live.export',
    things: LIVES,
    admits: ['organizer', 'notaryOfContest'],
    input: (t) => ({ liveId: t.id, format: 'xlsx' }),
  },
  { action: 'judge.live', things: LIVES, admits: ['judgeOfContest'], input: (t) => ({ liveId: t.id }) },
  {
    action: 'judge.live.score',
    things: LIVES,
    admits: ['judgeOfContest'],
    input: (t) => ({ liveId: t.id, entryId: t.entryId, points: points(80), comment: '' }),
  },
  { action: 'notary.live.log', things: LIVES, admits: ['notaryOfContest'], input: (t) => ({ liveId: t.id }) },
  {
    action: 'notary.live.confirm',
    things: LIVES,
    admits: ['notaryOfContest'],
    input: (t) => ({ liveId: t.id, head: '0'.repeat(64) }),
  },
];

/**
 * Inputs that name something owned. An action with one of these keys in its input must have a row, or be
 * listed here with the reason it is not object-scoped.
 */
const OWNED_KEYS = new Set(['entryId', 'roundId', 'contestId', 'id', 'objectionId', 'listId', 'liveId']);
const NOT_OBJECT_SCOPED: Partial<Record<ActionName, string>> = {
  'admin.edition.upsert': 'editions belong to the 组委会 alone (globalOnly at the gate)',
  'admin.institution.decide': 'institutions belong to the 组委会 alone (globalOnly at the gate)',
  'results.objection.file': 'anyone signed in may object to a list in 公示 (files.link.get covers the evidence)',
  'notify.subscription.record': 'anyone signed in may follow any contest’s public notices (订阅赛事提醒)',
};

function inputKeys(schema: unknown, out = new Set<string>()): Set<string> {
  const s = schema as {
    type?: string;
    entries?: Record<string, unknown>;
    options?: unknown[];
    wrapped?: unknown;
    item?: unknown;
  };
  if (s.entries) {
    for (const [key, inner] of Object.entries(s.entries)) {
      out.add(key);
      inputKeys(inner, out);
    }
  }
  for (const option of s.options ?? []) inputKeys(option, out);
  if (s.wrapped) inputKeys(s.wrapped, out);
  if (s.item) inputKeys(s.item, out);
  return out;
}

const REFUSALS: readonly string[] = [ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND];
/** Callers who hold nothing of a thing go first: a later admitted write (a recusal, a withdrawal) can't change their answer. */
const ORDER: readonly CallerKey[] = [
  'anonymous',
  'newUser',
  'notary',
  'institution',
  'judgeB',
  'judgeA',
  'entrant',
  'organizerA',
  'globalOrganizer',
];

const codeOf = (answer: CallResult<unknown>) => (answer.ok ? 'ok' : answer.error.code);

test('every action that takes an owned id has a row, and every row names a real action and things', () => {
  const covered = new Set(ROWS.map((r) => r.action));
  const missing = (Object.keys(actions) as ActionName[]).filter((name) => {
    const def = actions[name] as { access: unknown; input: unknown };
    if (def.access === 'public' || covered.has(name) || NOT_OBJECT_SCOPED[name] !== undefined) return false;
    return [...inputKeys(def.input)].some((k) => OWNED_KEYS.has(k));
  });
  expect(missing).toEqual([]);
  expect(ORDER.slice().sort()).toEqual([...CALLER_KEYS].sort());
  for (const row of ROWS) {
    expect(actions[row.action]).toBeDefined();
    expect(row.things.length).toBeGreaterThan(0);
  }
  // The walker sees nested ids (prizes[].entryId, the files.link.get variants), so the check is not vacuous.
  expect(inputKeys(actions['admin.award.decide'].input).has('entryId')).toBe(true);
  expect(inputKeys(actions['files.link.get'].input).has('objectionId')).toBe(true);
});

describe.each(STORES)('object access on the %s store', (store) => {
  let shared: OwnedWorld;
  beforeAll(async () => {
    shared = await buildOwnedWorld(store);
  });
  afterAll(() => shared?.dispose());

  // The derivation is only as good as the world's facts: the relations must say what the brief says.
  test.each<[CallerKey, ThingKey, Relation, boolean]>([
    ['entrant', 'entrantEntryA', 'owner', true],
    ['entrant', 'draftB', 'owner', true],
    ['newUser', 'entrantEntryA', 'owner', false],
    ['institution', 'objectionA', 'owner', true],
    ['organizerA', 'entrantEntryA', 'organizer', true],
    ['organizerA', 'entryB', 'organizer', false],
    ['organizerA', 'articlePlatform', 'organizer', false],
    ['globalOrganizer', 'entryB', 'organizer', true],
    ['globalOrganizer', 'articlePlatform', 'organizer', true],
    ['notary', 'contestA', 'organizer', false],
    ['judgeA', 'assignedEntryA', 'assignedJudge', true],
    ['judgeA', 'unassignedEntryA', 'assignedJudge', false],
    ['judgeB', 'assignedEntryA', 'assignedJudge', false],
    ['judgeB', 'entryB', 'assignedJudge', true],
    ['judgeA', 'contestA', 'judgeOfContest', true],
    ['judgeA', 'contestB', 'judgeOfContest', false],
  ])('world fact: %s → %s as %s is %s', async (callerKey, key, relation, expected) => {
    expect(await admitted(shared.ports, callers[callerKey], shared.things[key], [relation])).toBe(expected);
  });

  for (const row of ROWS) {
    const kind = row.kind ?? 'opens';
    const def = actions[row.action] as { write: boolean };
    // Writes (and actions whose id is the caller's own) get a world of their own per thing.
    const fresh = def.write || kind === 'self';
    for (const key of row.things) {
      describe(`${row.action}${row.note ? ` (${row.note})` : ''} on ${key} [${row.admits.join(' | ')}]`, () => {
        let own: OwnedWorld | undefined;
        beforeAll(async () => {
          if (fresh) own = await buildOwnedWorld(store);
        });
        afterAll(() => own?.dispose());

        test.each(ORDER.map((k) => [k, callers[k].label] as const))('%s (%s)', async (callerKey) => {
          const world = own ?? shared;
          const thing = world.things[key];
          const caller: CallerSpec = callers[callerKey];
          const data = await row.input(thing, world);
          const isAdmitted = caller.openid !== null && (await admitted(world.ports, caller, thing, row.admits));
          const before = kind === 'self' ? null : await storeSnapshot(world.ports);
          const thingBefore = await world.ports.db.collection(thing.collection).get(thing.id);

          const answer = await world.api({ action: row.action, data }, { openid: caller.openid });
          const code = codeOf(answer);
          const namesThing = JSON.stringify(answer).includes(thing.id);
          // What the row says this caller must get, and what it got, as the same facts.
          let expected: Record<string, unknown>;
          let seen: Record<string, unknown>;
          if (caller.openid === null) {
            expected = { code: ErrorCode.UNAUTHENTICATED };
            seen = { code };
          } else if (kind === 'opens' && isAdmitted) {
            expected = { pastObjectCheck: true };
            seen = { pastObjectCheck: !REFUSALS.includes(code) };
          } else if (kind === 'opens') {
            expected = { refused: 'FORBIDDEN or NOT_FOUND', storeChanged: false };
            seen = {
              refused: code === ErrorCode.FORBIDDEN || code === ErrorCode.NOT_FOUND ? 'FORBIDDEN or NOT_FOUND' : code,
              storeChanged: !equal(await storeSnapshot(world.ports), before),
            };
          } else if (kind === 'lists' && isAdmitted) {
            expected = { code: 'ok', namesThing: true };
            seen = { code, namesThing };
          } else if (kind === 'lists') {
            expected = { namesThing: false, storeChanged: false };
            seen = { namesThing, storeChanged: !equal(await storeSnapshot(world.ports), before) };
          } else if (isAdmitted) {
            expected = { pastObjectCheck: true, namesThing: answer.ok };
            seen = { pastObjectCheck: !REFUSALS.includes(code), namesThing };
          } else {
            expected = { namesThing: false, thingChanged: false };
            seen = {
              namesThing,
              thingChanged: !equal(await world.ports.db.collection(thing.collection).get(thing.id), thingBefore),
            };
          }
          const where = { action: row.action, thing: key, caller: callerKey, admitted: isAdmitted, answer };
          expect({ ...where, ...seen, internal: code === ErrorCode.INTERNAL }).toEqual({
            ...where,
            ...expected,
            internal: false,
          });
          expect({ ...where, leaks: await leaksIn(world.ports, caller, answer) }).toEqual({ ...where, leaks: [] });
        });
      });
    }
  }
});
