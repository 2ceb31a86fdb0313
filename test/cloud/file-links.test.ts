/**
 * Who may have a link to a stored file, on the embedded store and on the CloudBase adapter over the stand-in.
 *
 * 1. For every kind of FILE_KINDS, real files stored the way the platform stores them; for every caller, the
 *    policy (`mayHaveLink` of usecases/files/file-links.ts, with the grants the router loads) and the actions
 *    that hand links out (`files.link.get`, `judge.entry.get`, `admin.*.export`, `news.get`) must agree with each
 *    other and with who the world says holds the file: the entrant, the contest's organizers and the judges
 *    assigned to the entry for a business plan; the filer and the list's organizers for objection evidence;
 *    the organizer who made an export; everyone for news media. A link counts only when it verifies (a
 *    signed, unexpired link to exactly that file).
 * 2. No public answer ever carries a link to (or the raw id of) a private file, even when an article's body,
 *    cover and attachments name private files written straight into the store, and result lists name
 *    entries with business plans: every `access: 'public'` action of the table is called as a reader.
 */
import { actions, type ActionName } from '@core/actions';
import { FILE_KINDS, type FileKind } from '@core/files/access';
import type { CallResult } from '@core/wire';
import { C, type ArticleDoc, type EntryDoc } from '../../cloudfunctions/usecases/collections';
import type { Caller } from '../../cloudfunctions/usecases/context';
import { loadGrants } from '../../cloudfunctions/usecases/system/load-grants';
import { mayHaveLink } from '../../cloudfunctions/usecases/files/file-links';
import {
  CALLER_KEYS,
  CALLER_OPENIDS,
  callerAdminOpenids,
  callerSpecs,
  type CallerKey,
  type CallerSpec,
} from '../support/callers';
import { call, ok, points } from '../support/judging-fixtures';
import {
  STORES,
  admitted,
  buildOwnedWorld,
  fileIdOfLink,
  type OwnedWorld,
  type Relation,
  type Thing,
  type ThingKey,
} from '../support/owned-things';
import { makerFormFixture, pdfBytes } from '../support/registration-fixtures';

const callers = callerSpecs();
const who = (key: CallerKey) => ({ openid: callers[key].openid });

/** The fileIds of every link in an answer that verifies (signed by this store, unexpired). */
function linkedFiles(world: OwnedWorld, answer: unknown): string[] {
  const urls = (JSON.stringify(answer) ?? '').match(/https?:\/\/[^"\s\\]+/g) ?? [];
  return urls.flatMap((url) => {
    const granted = world.local.localFiles.verify(url);
    return granted ? [granted.fileId] : [];
  });
}

async function callerOf(world: OwnedWorld, key: CallerKey): Promise<Caller> {
  const openid = callers[key].openid;
  return { openid, grants: openid === null ? [] : await loadGrants(world.ports.db, openid, callerAdminOpenids()) };
}

// ---------------------------------------------------------------- the fixture table

/** One stored file, who holds it, and the calls that would hand a caller a link to it. */
interface LinkCase {
  fileId: string;
  holds(caller: CallerSpec): Promise<boolean>;
  handOut(caller: CallerSpec): Promise<unknown[]>;
}

interface CaseSpec {
  name: string;
  open(world: OwnedWorld, extra: Extra): Promise<LinkCase>;
}

/** Whatever the suite adds to the owned world: exports by action and maker, the notary's draft, a news attachment. */
interface Extra {
  exports: Map<string, { fileId: string; answer: unknown }>;
  notaryDraft: string;
  newsAttachment: string;
  attachmentArticleId: string;
  recused: string;
  finalRound: string;
  liveShow: string;
}

const PLAN_HOLDERS: readonly Relation[] = ['owner', 'organizer', 'assignedJudge'];
const EVIDENCE_HOLDERS: readonly Relation[] = ['owner', 'organizer'];

/** The calls that hand out an entry's plan: files.link.get for the entry, and judge.entry.get when it is in a round. */
function planCalls(world: OwnedWorld, thing: Thing, caller: CallerSpec): Promise<unknown[]> {
  const asks: Array<[string, unknown]> = [['files.link.get', { attachment: 'businessPlan', entryId: thing.id }]];
  if (thing.roundId) asks.push(['judge.entry.get', { roundId: thing.roundId, entryId: thing.id }]);
  return Promise.all(asks.map(([action, data]) => call(world.api, caller, action, data)));
}

function planCase(key: ThingKey & keyof OwnedWorld['files']['plans'], name: string): CaseSpec {
  return {
    name,
    async open(world) {
      const thing = world.things[key];
      return {
        fileId: world.files.plans[key],
        holds: (caller) => admitted(world.ports, caller, thing, PLAN_HOLDERS),
        handOut: (caller) => planCalls(world, thing, caller),
      };
    },
  };
}

/** Every action that exports a file, with an input that makes one in the suite's world. */
const EXPORT_INPUTS: Record<
  Extract<ActionName, `admin.${string}.export`>,
  (world: OwnedWorld, extra: Extra) => unknown
> = {
  'admin.entry.export': (world) => ({ contestId: world.contests.a, includeSensitive: true }),
  'admin.award.export': (_world, extra) => ({ roundId: extra.finalRound }),
  'admin.audit.export': (world) => ({ contestId: world.contests.a }),
  'admin.campaign.export': (world) => ({ id: world.things.campaignA.id }),
  'admin.live.export': (_world, extra) => ({ liveId: extra.liveShow, format: 'xlsx' }),
};
const EXPORT_ACTIONS = Object.keys(EXPORT_INPUTS) as Array<keyof typeof EXPORT_INPUTS>;
const EXPORT_MAKERS = ['organizerA', 'globalOrganizer'] as const;

const FIXTURES: Record<FileKind, readonly CaseSpec[]> = {
  businessPlan: [
    planCase('entrantEntryA', 'the entrant’s plan (contest A, in no round)'),
    planCase('assignedEntryA', 'a plan of contest A assigned to judge A'),
    planCase('unassignedEntryA', 'a plan of contest A assigned to judge X only'),
    planCase('entryB', 'a plan of contest B assigned to judge B'),
    planCase('draftB', 'the plan in the entrant’s draft of contest B'),
    {
      name: 'a plan of contest A judge A recused from',
      async open(world, extra) {
        const thing: Thing = { ...world.things.assignedEntryA, id: extra.recused, entryId: extra.recused };
        const plan = (await world.ports.db.collection<EntryDoc>(C.entries).get(extra.recused))?.form.businessPlan;
        return {
          fileId: plan?.fileId ?? '',
          holds: (caller) => admitted(world.ports, caller, thing, PLAN_HOLDERS),
          handOut: (caller) => planCalls(world, thing, caller),
        };
      },
    },
    {
      // saveDraft keeps what is typed: the notary's draft of A names the plan of an entry of B.
      name: 'a plan of contest B also named in the notary’s draft of contest A',
      async open(world, extra) {
        const draft: Thing = { ...world.things.entrantEntryA, id: extra.notaryDraft, entryId: extra.notaryDraft };
        return {
          fileId: world.files.plans.entryB,
          holds: (caller) => admitted(world.ports, caller, world.things.entryB, PLAN_HOLDERS),
          handOut: async (caller) => [
            ...(await planCalls(world, world.things.entryB, caller)),
            ...(await planCalls(world, draft, caller)),
          ],
        };
      },
    },
  ],
  objectionEvidence: (['objectionA', 'objectionB'] as const).map((key) => ({
    name: `the evidence of an objection to list ${key.slice(-1)} (filed by the institution caller)`,
    async open(world: OwnedWorld) {
      const thing = world.things[key];
      return {
        fileId: world.files.evidence[key],
        holds: (caller: CallerSpec) => admitted(world.ports, caller, thing, EVIDENCE_HOLDERS),
        handOut: async (caller: CallerSpec) => [
          await call(world.api, caller, 'files.link.get', { attachment: 'objectionEvidence', objectionId: thing.id }),
        ],
      };
    },
  })),
  export: EXPORT_ACTIONS.flatMap((action) =>
    EXPORT_MAKERS.map((maker) => ({
      name: `${action} made by ${maker}`,
      async open(world: OwnedWorld, extra: Extra) {
        const made = extra.exports.get(`${action}:${maker}`);
        if (made === undefined) throw new Error(`no export by ${action}:${maker}`);
        return {
          fileId: made.fileId,
          holds: async (caller: CallerSpec) => caller.key === maker,
          // No action takes an export's id: the maker had its link from the export itself; anyone asking the
          // same export again gets an export of their own.
          handOut: async (caller: CallerSpec) => [
            ...(caller.key === maker ? [made.answer] : []),
            await call(world.api, caller, action, EXPORT_INPUTS[action](world, extra)),
          ],
        };
      },
    })),
  ),
  newsMedia: [
    {
      name: 'an article image (body and cover)',
      async open(world) {
        return {
          fileId: world.files.newsImage,
          holds: async () => true,
          handOut: async (caller) => [await call(world.api, caller, 'news.get', { id: world.publicArticleId })],
        };
      },
    },
    {
      name: 'an article attachment',
      async open(world, extra) {
        return {
          fileId: extra.newsAttachment,
          holds: async () => true,
          handOut: async (caller) => [await call(world.api, caller, 'news.get', { id: extra.attachmentArticleId })],
        };
      },
    },
  ],
};

/** What the suite adds to the owned world, through the actions. */
async function extend(world: OwnedWorld): Promise<Extra> {
  const { api, ports } = world;
  const { a } = world.contests;
  const globalOrganizer = who('globalOrganizer');

  // Judge A steps back from a second entry of round A.
  const recused = world.judgeAEntries[1] as string;
  await ok(
    call(api, who('judgeA'), 'judge.recuse', {
      roundId: world.things.assignedEntryA.roundId,
      entryId: recused,
      reason: '与该企业有合作关系',
    }),
  );

  // The notary starts a draft in A that names the plan of an entry of B.
  const { idNumber: _id, ...maker } = makerFormFixture(8, {
    fileId: world.files.plans.entryB,
    name: '计划书.pdf',
    size: pdfBytes.length,
  });
  const notaryDraft = (
    await ok<{ entryId: string }>(call(api, who('notary'), 'registration.draft.save', { contestId: a, form: maker }))
  ).entryId;

  // The world's live final in A, run, signed off by the notary and awarded, so every export action can make a file.
  const { id: show, roundId: finalRound, entryId: finalist } = world.things.liveA;
  for (const command of ['pitch', 'qa', 'score'])
    await ok(call(api, globalOrganizer, 'admin.live.control', { liveId: show, command, entryId: finalist }));
  await ok(
    call(api, who('judgeA'), 'judge.live.score', { liveId: show, entryId: finalist, points: points(88), comment: '' }),
  );
  await ok(call(api, globalOrganizer, 'admin.live.control', { liveId: show, command: 'finish', entryId: finalist }));
  const log = await ok<{ log: { head: { hash: string } } }>(
    call(api, who('notary'), 'notary.live.log', { liveId: show }),
  );
  await ok(call(api, who('notary'), 'notary.live.confirm', { liveId: show, head: log.log.head.hash }));
  await ok(
    call(api, globalOrganizer, 'admin.award.decide', {
      roundId: finalRound,
      prizes: [{ entryId: finalist, prize: 'first' }],
    }),
  );

  const partial: Omit<Extra, 'exports'> = {
    notaryDraft,
    recused,
    finalRound: finalRound as string,
    liveShow: show,
    newsAttachment: '',
    attachmentArticleId: '',
  };
  const exports = new Map<string, { fileId: string; answer: unknown }>();
  for (const action of EXPORT_ACTIONS) {
    for (const maker of EXPORT_MAKERS) {
      const answer = await call(api, who(maker), action, EXPORT_INPUTS[action](world, { ...partial, exports }));
      const url = (await ok<{ url: string }>(Promise.resolve(answer))).url;
      exports.set(`${action}:${maker}`, { fileId: await fileIdOfLink(ports, url), answer });
    }
  }

  // A published article with a PDF attachment.
  const { path } = await ok<{ path: string }>(
    call(api, who('organizerA'), 'files.upload.prepare', {
      purpose: 'newsAttachment',
      fileName: '报名指南.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    }),
  );
  await ports.files.put(path, pdfBytes, 'application/pdf');
  const newsAttachment = await ports.files.fileIdFor(path);
  const attachmentArticleId = (
    await ok<{ article: { id: string } }>(
      call(api, who('organizerA'), 'admin.article.upsert', {
        title: '报名指南',
        category: 'notice',
        contestId: a,
        bodyHtml: '<p>请下载附件。</p>',
        attachments: [{ fileId: newsAttachment, name: '报名指南.pdf', size: pdfBytes.length }],
        publishAt: '2026-11-26T09:00:00+08:00',
        status: 'published',
      }),
    )
  ).article.id;
  world.local.logs.length = 0;
  return { ...partial, exports, newsAttachment, attachmentArticleId };
}

const SPECS = FILE_KINDS.flatMap((kind) => FIXTURES[kind].map((spec) => ({ kind, ...spec })));

test('every file kind has cases, and every export action is in the export fixture', () => {
  for (const kind of FILE_KINDS) expect({ kind, cases: FIXTURES[kind].length > 0 }).toEqual({ kind, cases: true });
  const exportActions = Object.keys(actions).filter((name) => /^admin\.[^.]+\.export$/.test(name));
  expect(EXPORT_ACTIONS.slice().sort()).toEqual(exportActions.sort());
  expect(new Set(SPECS.map((s) => s.name)).size).toBe(SPECS.length);
});

describe.each(STORES)('who may have a link, on the %s store', (store) => {
  let world: OwnedWorld;
  let extra: Extra;
  const cases = new Map<string, LinkCase>();

  beforeAll(async () => {
    world = await buildOwnedWorld(store);
    extra = await extend(world);
    for (const spec of SPECS) cases.set(spec.name, await spec.open(world, extra));
  });
  afterAll(() => world?.dispose());

  /** What the policy says and what the actions hand out, for one caller and one case. */
  async function observe(name: string, key: CallerKey) {
    const c = cases.get(name);
    if (c === undefined) throw new Error(`no case ${name}`);
    const policy = await mayHaveLink(world.ports, await callerOf(world, key), c.fileId);
    const answers = await c.handOut(callers[key]);
    const handed = answers.some((answer) => linkedFiles(world, answer).includes(c.fileId));
    return { case: name, caller: key, fileId: c.fileId, policy, handed };
  }

  test('the grants the policy is asked with are the ones the callers were given', async () => {
    for (const key of CALLER_KEYS) {
      const seen = (await callerOf(world, key)).grants.map((g) => `${g.role}@${g.contestId ?? '*'}`).sort();
      expect({ key, seen }).toEqual({
        key,
        seen: callers[key].grants.map((g) => `${g.role}@${g.contestId ?? '*'}`).sort(),
      });
    }
  });

  describe.each(SPECS.map((s) => [s.kind, s.name] as const))('%s: %s', (_kind, name) => {
    test.each(CALLER_KEYS.map((k) => [k, callers[k].label] as const))('%s (%s)', async (key) => {
      const c = cases.get(name);
      if (c === undefined) throw new Error(`no case ${name}`);
      expect(c.fileId).toMatch(/^local:\/\//);
      const holds = await c.holds(callers[key]);
      expect(await observe(name, key)).toEqual({
        case: name,
        caller: key,
        fileId: c.fileId,
        policy: holds,
        handed: holds,
      });
    });
  });

  // The cases the brief names, asserted against the policy and the actions themselves, not the derivation.
  test.each<[string, CallerKey, boolean]>([
    ['a plan of contest A assigned to judge A', 'judgeA', true],
    ['a plan of contest A judge A recused from', 'judgeA', false],
    ['a plan of contest A assigned to judge X only', 'judgeA', false],
    ['a plan of contest A assigned to judge A', 'judgeB', false],
    ['a plan of contest A assigned to judge A', 'organizerA', true],
    ['a plan of contest B assigned to judge B', 'organizerA', false],
    ['a plan of contest B assigned to judge B', 'judgeB', true],
    ['the entrant’s plan (contest A, in no round)', 'entrant', true],
    ['the entrant’s plan (contest A, in no round)', 'judgeA', false],
    ['a plan of contest B also named in the notary’s draft of contest A', 'notary', false],
    ['admin.entry.export made by organizerA', 'organizerA', true],
    ['admin.entry.export made by organizerA', 'globalOrganizer', false],
    ['admin.audit.export made by globalOrganizer', 'organizerA', false],
    ['admin.award.export made by globalOrganizer', 'globalOrganizer', true],
    ['the evidence of an objection to list A (filed by the institution caller)', 'institution', true],
    ['the evidence of an objection to list A (filed by the institution caller)', 'organizerA', true],
    ['the evidence of an objection to list B (filed by the institution caller)', 'organizerA', false],
    ['the evidence of an objection to list A (filed by the institution caller)', 'entrant', false],
    ['an article image (body and cover)', 'anonymous', true],
  ])('named: %s → %s %s', async (name, key, expected) => {
    const seen = await observe(name, key);
    expect(seen).toEqual({ ...seen, policy: expected, handed: expected });
  });

  test('judge.recuse takes judge A’s link away: policy, files.link.get and judge.entry.get before and after', async () => {
    const entryId = world.judgeAEntries[2] as string;
    const thing: Thing = { ...world.things.assignedEntryA, id: entryId, entryId };
    const plan = (await world.ports.db.collection<EntryDoc>(C.entries).get(entryId))?.form.businessPlan?.fileId ?? '';
    const judgeA = await callerOf(world, 'judgeA');
    const look = async () => ({
      policy: await mayHaveLink(world.ports, judgeA, plan),
      handed: (await planCalls(world, thing, callers.judgeA)).map((answer) =>
        linkedFiles(world, answer).includes(plan),
      ),
    });
    expect(await look()).toEqual({ policy: true, handed: [true, true] });
    await ok(
      call(world.api, who('judgeA'), 'judge.recuse', { roundId: thing.roundId, entryId, reason: '曾为该企业提供咨询' }),
    );
    expect(await look()).toEqual({ policy: false, handed: [false, false] });
  });

  test('every export action hands its caller a link to a file only that caller may have', async () => {
    for (const action of EXPORT_ACTIONS) {
      for (const maker of EXPORT_MAKERS) {
        const answer = await call(world.api, who(maker), action, EXPORT_INPUTS[action](world, extra));
        const [fileId, ...more] = linkedFiles(world, answer);
        expect({ action, maker, links: more.length, fileId: typeof fileId }).toEqual({
          action,
          maker,
          links: 0,
          fileId: 'string',
        });
        const holders: CallerKey[] = [];
        for (const key of CALLER_KEYS) {
          if (await mayHaveLink(world.ports, await callerOf(world, key), fileId as string)) holders.push(key);
        }
        expect({ action, maker, holders }).toEqual({ action, maker, holders: [maker] });
      }
    }
  });
});

// ---------------------------------------------------------------- part 2: public answers

const PUBLIC_ACTIONS = (Object.keys(actions) as ActionName[]).filter((name) => actions[name].access === 'public');
const PRIVATE_LINK = /\/files\/(?:entries|exports|objections)\//;
const PRIVATE_ID = /(?:local|cloud):\/\/[^"\s\\]*?(?:entries|exports|objections)\//;

describe.each(STORES)('public answers never link a private file, on the %s store', (store) => {
  let world: OwnedWorld;
  let planted: string[];
  const articleIds: string[] = [];
  /** Every answer of every public action, by action. */
  const answers = new Map<ActionName, Array<{ data: unknown; answer: CallResult<unknown> }>>();

  beforeAll(async () => {
    world = await buildOwnedWorld(store);
    const { plans, evidence, exports } = world.files;
    const privates = [
      plans.entrantEntryA,
      plans.assignedEntryA,
      plans.entryB,
      evidence.objectionA,
      exports.byGlobalOrganizer.fileId,
    ];
    // The same files as WeChat names them, and through a folder that climbs out of news/.
    planted = [
      ...privates,
      ...privates.map((id) => id.replace('local://', 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/')),
      ...privates.map((id) => id.replace('local://', 'local://news/../')),
    ];
    const articles = world.ports.db.collection<ArticleDoc>(C.articles);
    const ref = (fileId: string) => ({ fileId, name: '材料.pdf', size: 100 });
    const body = [
      `<p>现场图集</p>`,
      `<img src="${world.files.newsImage}">`,
      ...planted.map((id) => `<img src="${id}">`),
    ].join('');
    // Written behind the save-time check: as if stored before it existed, or by hand.
    const covers = [world.files.newsImage, ...planted];
    for (const [i, cover] of covers.entries()) {
      const id = `a-planted-${i}`;
      await articles.create({
        _id: id,
        title: `现场图集 ${i}`,
        category: 'news',
        contestId: world.contests.a,
        cover: ref(cover),
        bodyHtml: body,
        text: '现场图集',
        attachments: planted.map(ref),
        pinned: true,
        // Visible at CALLERS_TIME (02:00Z); the one with the news cover is the newest, so it leads the banners.
        publishAt: i === 0 ? '2026-11-26T01:30:00.000Z' : '2026-11-26T01:10:00.000Z',
        status: 'published',
        authorOpenid: CALLER_OPENIDS.organizerA,
        authorName: '组委会',
        views: 0,
        createdAt: '2026-11-26T01:00:00.000Z',
        updatedAt: '2026-11-26T01:00:00.000Z',
      });
      articleIds.push(id);
    }
    // The result lists of the world name entries with business plans and carry an objection with evidence.
    const inputs: unknown[] = [
      { liveId: world.things.liveA.id },
      undefined,
      {},
      ...[...articleIds, world.publicArticleId].map((id) => ({ id })),
      { id: world.contests.a },
      { contestId: world.contests.a },
      // A list's projects a page at a time (results.items): the lists name entries with business plans.
      { listId: world.things.listA.id },
      { listId: world.things.listB.id, offset: 0, limit: 50 },
      { q: '工业视觉' },
      { q: '现场' },
    ];
    for (const action of PUBLIC_ACTIONS) {
      const got: Array<{ data: unknown; answer: CallResult<unknown> }> = [];
      for (const caller of [callers.anonymous, callers.newUser]) {
        for (const data of inputs)
          got.push({ data, answer: await world.api({ action, data }, { openid: caller.openid }) });
      }
      answers.set(action, got);
    }
  });
  afterAll(() => world?.dispose());

  test('the planted ids are private files that exist, so a leak would be a working link', async () => {
    for (const id of planted.filter((p) => p.startsWith('local://') && !p.includes('/../'))) {
      expect({ id, stored: (await world.ports.files.stat(id)) !== null }).toEqual({ id, stored: true });
    }
    expect(planted.length).toBeGreaterThanOrEqual(15);
  });

  test.each(PUBLIC_ACTIONS)('%s: answers, and no link or raw id of a private file in any answer', (action) => {
    const got = answers.get(action) ?? [];
    expect({ action, someOk: got.some((g) => g.answer.ok) }).toEqual({ action, someOk: true });
    for (const { data, answer } of got) {
      const text = JSON.stringify(answer);
      expect({
        action,
        data,
        privateLink: PRIVATE_LINK.exec(text)?.[0] ?? null,
        privateId: PRIVATE_ID.exec(text)?.[0] ?? null,
      }).toEqual({
        action,
        data,
        privateLink: null,
        privateId: null,
      });
      // Every link that works points into news/.
      const linked = linkedFiles(world, answer).filter((id) => !id.startsWith('local://news/'));
      expect({ action, data, linked }).toEqual({ action, data, linked: [] });
      expect({ action, data, internal: !answer.ok && answer.error.code === 'INTERNAL' }).toEqual({
        action,
        data,
        internal: false,
      });
    }
  });

  test('the news image still gets its link: in the planted bodies, as a cover and on the home banners', () => {
    const linksOf = (action: ActionName) => (answers.get(action) ?? []).flatMap((g) => linkedFiles(world, g.answer));
    for (const action of ['news.get', 'news.list', 'home.get'] as const) {
      expect({ action, image: linksOf(action).includes(world.files.newsImage) }).toEqual({ action, image: true });
    }
    const planted0 = (answers.get('news.get') ?? []).find(
      (g) => (g.data as { id?: string } | undefined)?.id === articleIds[0],
    );
    expect(planted0?.answer).toMatchObject({
      ok: true,
      data: { article: { coverUrl: expect.stringContaining('/files/news/') } },
    });
    expect(linkedFiles(world, planted0?.answer)).toContain(world.files.newsImage);
    expect(world.local.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
