/**
 * The holes found by probing the local cloud as a hostile user, each as its user would hit it, through
 * the router on the real embedded store and on the CloudBase adapter over the wx-server-sdk stand-in.
 */
import { seedDemoData } from '../../cloudfunctions/local/seed';
import type { Ports } from '../../cloudfunctions/ports';
import type { Api } from '../../cloudfunctions/router';
import {
  C,
  assignmentIdFor,
  roleGrantId,
  type ArticleDoc,
  type AssignmentDoc,
  type ContestDoc,
  type EntryDoc,
  type RoleGrantDoc,
} from '../../cloudfunctions/usecases/collections';
import {
  approvedEntries,
  bindJudges,
  call,
  judge,
  ok,
  organizer,
  points,
  roundFixture,
} from '../support/judging-fixtures';
import { testPorts } from '../support/local-ports';
import { portsOn, storeApi } from '../support/store-api';
import { openContest } from '../support/registration-fixtures';

const CONTEST = 'c-trust';
const OTHER = 'c-trust-other';
const ROUND = `${CONTEST}:preliminary`;
const scopedOrganizer = { openid: 'oScopedOrganizer000000000001' };
const anonymous = { openid: null };

/** The smallest valid PNG header: enough for the byte check of an article image. */
const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

type Store = 'embedded' | 'cloudbase';

describe.each<Store>(['embedded', 'cloudbase'])('trust on the %s store', (store) => {
  let local: ReturnType<typeof testPorts>;
  let ports: Ports;
  let api: Api;

  beforeEach(async () => {
    local = testPorts();
    local.clock.freeze(new Date('2026-11-26T02:00:00Z'));
    ports = portsOn(store, local);
    await seedDemoData(ports);
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(CONTEST));
    await ports.db.collection<ContestDoc>(C.contests).create(openContest(OTHER));
    await ports.db.collection<RoleGrantDoc>(C.roles).create({
      _id: roleGrantId(scopedOrganizer.openid, 'organizer', OTHER),
      openid: scopedOrganizer.openid,
      role: 'organizer',
      contestId: OTHER,
      createdAt: '2026-11-20T00:00:00.000Z',
    });
    api = storeApi(ports);
  });
  afterEach(() => local.dispose());

  const errorLogs = () => local.logs.filter((l) => l.level === 'error');

  describe('1. private files never reach an article', () => {
    const article = (bodyHtml: string, contestId: string | null = null) => ({
      title: '关于决赛安排的通知',
      category: 'notice',
      contestId,
      bodyHtml,
      publishAt: '2026-11-26T10:00:00+08:00',
      status: 'published',
    });

    test('a business plan, an export or objection evidence as a body image is refused on save, in Chinese', async () => {
      const [entry] = await approvedEntries(ports, CONTEST, [{ n: 1 }]);
      const plan = entry?.form.businessPlan?.fileId ?? '';
      expect(plan).toMatch(/^local:\/\/entries\//);
      const exported = await ok<{ url: string }>(
        call(api, organizer, 'admin.entry.export', { includeSensitive: true }),
      );
      const exportPath = new URL(exported.url).pathname.replace(/^\/files\//, '');
      const sources = [
        plan,
        `local://${exportPath}`,
        'local://objections/l-1/abcdef0123456789/x.png',
        // The same on WeChat: a cloud:// id of any bucket names the same private folders.
        `cloud://prod-1a2b.7072-prod-1a2b-1300000000/${plan.replace('local://', '')}`,
        'local://entries/../news/img.png',
      ];
      for (const src of sources) {
        for (const who of [organizer, scopedOrganizer]) {
          const answer = await call(api, who, 'admin.article.upsert', article(`<p>正文</p><img src="${src}">`, OTHER));
          expect({ src, answer }).toMatchObject({
            src,
            answer: {
              ok: false,
              error: {
                code: 'INVALID_INPUT',
                details: { bodyHtml: expect.stringContaining('不能引用报名材料、异议附件或导出文件') },
              },
            },
          });
        }
      }
      expect(await ports.db.collection<ArticleDoc>(C.articles).count({ title: '关于决赛安排的通知' })).toBe(0);
    });

    test('an uploaded news image is kept and linked; a private id already stored is shown as no image', async () => {
      const image = await ports.files.put('news/img-trust.png', pngBytes, 'image/png');
      const saved = await ok<{ article: { id: string } }>(
        call(api, organizer, 'admin.article.upsert', article(`<p>现场照片</p><img src="${image.fileId}">`)),
      );
      const read = await ok<{ article: { bodyHtml: string } }>(
        call(api, anonymous, 'news.get', { id: saved.article.id }),
      );
      expect(read.article.bodyHtml).toMatch(/src="http:\/\/127\.0\.0\.1:1\/files\/news\/img-trust\.png\?/);

      // An article stored before this rule (or by hand) that names a plan: readers get no link to it.
      const [entry] = await approvedEntries(ports, CONTEST, [{ n: 2 }]);
      const plan = entry?.form.businessPlan?.fileId ?? '';
      await ports.db.collection<ArticleDoc>(C.articles).update(saved.article.id, {
        bodyHtml: `<p>旧文章</p><img src="${plan}" />`,
        cover: { fileId: plan, name: 'x', size: 1 },
      });
      const leaked = await ok<{ article: { bodyHtml: string; coverUrl: string | null } }>(
        call(api, anonymous, 'news.get', { id: saved.article.id }),
      );
      expect(leaked.article.bodyHtml).toContain('src=""');
      expect(JSON.stringify(leaked)).not.toContain('/files/entries/');
      expect(leaked.article.coverUrl).toBeNull();
      const home = await ok(call(api, anonymous, 'home.get', {}));
      expect(JSON.stringify(home)).not.toContain('/files/entries/');
    });
  });

  describe('2–4. judges and the entries they may read', () => {
    async function round(entries: Parameters<typeof approvedEntries>[2], judges = 4, blind = false) {
      const docs = await approvedEntries(ports, CONTEST, entries);
      await bindJudges(
        api,
        CONTEST,
        Array.from({ length: judges }, (_, i) => ({ who: judge(i + 1) })),
      );
      await ok(call(api, organizer, 'admin.round.upsert', roundFixture(CONTEST, { judgesPerEntry: 3, blind })));
      return docs;
    }
    const assignments = () => ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: ROUND });

    test('a judge is never assigned their own entry, nor one naming their company, and may not read or score it', async () => {
      const docs = await round([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
      const own = docs[0] as EntryDoc;
      // Judge 1 registered entry 1 from their own account; judge 2's account entered company 2 in another
      // contest (withdrawn there), and entry 2 of this contest names the same company from someone else's account.
      await ports.db.collection<EntryDoc>(C.entries).update(own._id, { ownerOpenid: judge(1).openid });
      await ports.db.collection<EntryDoc>(C.entries).create({
        ...(docs[1] as EntryDoc),
        _id: 'e-elsewhere-2',
        contestId: OTHER,
        ownerOpenid: judge(2).openid,
        status: 'withdrawn',
      });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const all = await assignments();
      expect(all.filter((a) => a.entryId === own._id).map((a) => a.judgeOpenid)).not.toContain(judge(1).openid);
      expect(all.filter((a) => a.entryId === docs[1]?._id).map((a) => a.judgeOpenid)).not.toContain(judge(2).openid);
      for (const entry of docs) expect(all.filter((a) => a.entryId === entry._id)).toHaveLength(3);

      // Even with assignments written behind the platform's back, the judges can't open or score them.
      for (const [who, entry] of [
        [judge(1), own],
        [judge(2), docs[1] as EntryDoc],
      ] as const) {
        await ports.db.collection<AssignmentDoc>(C.assignments).create({
          ...(all[0] as AssignmentDoc),
          _id: assignmentIdFor(ROUND, entry._id, who.openid),
          entryId: entry._id,
          judgeOpenid: who.openid,
          score: null,
          status: 'active',
        });
        const refused = { ok: false, error: { code: 'FORBIDDEN', message: '您与该项目存在回避关系，不能查看或评分' } };
        const ref = { roundId: ROUND, entryId: entry._id };
        expect(await call(api, who, 'judge.entry.get', ref)).toMatchObject(refused);
        expect(await call(api, who, 'judge.score', { ...ref, points: points(90) })).toMatchObject(refused);
        const stored = await ports.db
          .collection<AssignmentDoc>(C.assignments)
          .get(assignmentIdFor(ROUND, entry._id, who.openid));
        expect(stored?.score).toBeNull();
      }
      // Judge 2 gets no link to the plan of their company's entry; judge 1 still sees their own, as its entrant.
      expect(
        await call(api, judge(2), 'files.link.get', { attachment: 'businessPlan', entryId: docs[1]?._id }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(
        await call(api, judge(1), 'files.link.get', { attachment: 'businessPlan', entryId: own._id }),
      ).toMatchObject({
        ok: true,
      });
    });

    test('a recused judge gets no more of the entry: no view, no plan link', async () => {
      await round([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const mine = (await assignments()).find((a) => a.judgeOpenid === judge(1).openid) as AssignmentDoc;
      const ref = { roundId: ROUND, entryId: mine.entryId };
      const before = await ok<{ entry: { businessPlan: { url: string } } }>(
        call(api, judge(1), 'judge.entry.get', ref),
      );
      expect(before.entry.businessPlan.url).toContain('/files/entries/');
      expect(
        await call(api, judge(1), 'files.link.get', { attachment: 'businessPlan', entryId: mine.entryId }),
      ).toMatchObject({
        ok: true,
      });
      await ok(call(api, judge(1), 'judge.recuse', { ...ref, reason: '与该企业有合作关系' }));
      expect(await call(api, judge(1), 'judge.entry.get', ref)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: '您已回避该项目，不能再查看材料' },
      });
      expect(
        await call(api, judge(1), 'files.link.get', { attachment: 'businessPlan', entryId: mine.entryId }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      // The task list still says it was recused, without any material.
      const list = await ok<{ rounds: Array<{ items: Array<{ entryId: string; state: string }> }> }>(
        call(api, judge(1), 'judge.assignment.list', {}),
      );
      expect(list.rounds[0]?.items.find((i) => i.entryId === mine.entryId)?.state).toBe('recused');
    });

    test('blind review takes the company out of the project name as well', async () => {
      await round([{ n: 1, company: '上海云帆数据服务有限公司' }, { n: 2 }, { n: 3 }], 3, true);
      const yunfan = (
        await ports.db.collection<EntryDoc>(C.entries).find({ orgName: '上海云帆数据服务有限公司' })
      )[0] as EntryDoc;
      await ports.db.collection<EntryDoc>(C.entries).update(yunfan._id, { projectName: '云帆中小企业数据中台' });
      await ok(call(api, organizer, 'admin.round.assign', { roundId: ROUND }));
      const seen = await ok<{ entry: Record<string, unknown> }>(
        call(api, judge(1), 'judge.entry.get', { roundId: ROUND, entryId: yunfan._id }),
      );
      expect(seen.entry.projectName).toBe('（已隐去）中小企业数据中台');
      expect(JSON.stringify(seen)).not.toContain('云帆');
      const list = await ok(call(api, judge(1), 'judge.assignment.list', {}));
      expect(JSON.stringify(list)).toContain('（已隐去）中小企业数据中台');
      expect(JSON.stringify(list)).not.toContain('云帆');
    });
  });

  describe('5. an organizer of one contest sees that contest only', () => {
    test('news drafts of other contests and platform-wide data stay out of reach', async () => {
      const mk = (title: string, contestId: string | null) =>
        ok<{ article: { id: string } }>(
          call(api, organizer, 'admin.article.upsert', {
            title,
            category: 'notice',
            contestId,
            bodyHtml: '<p>草稿内容</p>',
            publishAt: '2026-12-01T10:00:00+08:00',
            status: 'draft',
          }),
        );
      const mine = await mk('本赛事草稿', OTHER);
      const theirs = await mk('其他赛事草稿', CONTEST);
      const platform = await mk('大赛组委会草稿', null);
      const listed = await ok<{ items: Array<{ id: string }>; total: number }>(
        call(api, scopedOrganizer, 'admin.article.list', {}),
      );
      expect(listed.items.map((i) => i.id)).toEqual([mine.article.id]);
      expect(listed.total).toBe(1);
      for (const id of [theirs.article.id, platform.article.id]) {
        expect(await call(api, scopedOrganizer, 'admin.article.get', { id })).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
      }
      expect(await call(api, scopedOrganizer, 'admin.article.get', { id: mine.article.id })).toMatchObject({
        ok: true,
      });
      const all = await ok<{ total: number }>(call(api, organizer, 'admin.article.list', {}));
      expect(all.total).toBeGreaterThanOrEqual(3);
      for (const action of ['admin.system.status', 'admin.institution.list']) {
        expect(await call(api, scopedOrganizer, action, {})).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: '只有大赛组委会可以进行此操作' },
        });
      }
      expect(await call(api, scopedOrganizer, 'admin.edition.upsert', { name: '第十届', year: 2025 })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await call(api, organizer, 'admin.system.status', {})).toMatchObject({ ok: true });
    });
  });

  describe('6. bad input is a typed error, never INTERNAL', () => {
    test('a page number far past any list, deep nesting as the action, a non-object event', async () => {
      const tooFar = { page: 1e15 };
      expect(await call(api, anonymous, 'news.list', tooFar)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { page: '页码过大' } },
      });
      for (const action of ['admin.entry.list', 'admin.article.list']) {
        expect(await call(api, organizer, action, tooFar)).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT', details: { page: '页码过大' } },
        });
      }
      expect(await call(api, organizer, 'admin.audit.list', { contestId: CONTEST, ...tooFar })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { page: '页码过大' } },
      });
      let deep: unknown = [];
      for (let i = 0; i < 200_000; i++) deep = [deep];
      expect(await api({ action: deep, data: {} }, anonymous)).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_ACTION', message: '请求缺少操作名称' },
      });
      const nested = await api({ action: 'news.list', data: deep }, anonymous);
      expect(nested.ok || nested.error.code).not.toBe('INTERNAL');
      expect(await api([{ action: 'auth.me' }], anonymous)).toMatchObject({ error: { code: 'UNKNOWN_ACTION' } });
      expect(errorLogs()).toEqual([]);
    });
  });

  describe('7. text hygiene and numbers out of range', () => {
    test('control, bidi and lone surrogate characters are refused with the field named; 1e400 is not stored as null', async () => {
      const who = { openid: 'oGuest0000000000000000000001' };
      for (const name of ['张\u0000明', '\u202E明张', '张明\u2066', 'ab\uD800c', '张\u200F明']) {
        expect(await call(api, who, 'auth.profile.update', { name })).toMatchObject({
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            details: { name: '昵称含有不可见的控制字符或文字方向符号，请删除后重新输入' },
          },
        });
      }
      // Emoji (a proper surrogate pair), full-width text and line breaks in long texts are fine.
      expect(await call(api, who, 'auth.profile.update', { name: '张明😀Ａ' })).toMatchObject({ ok: true });

      const draft = (form: Record<string, unknown>) =>
        call(api, who, 'registration.draft.save', { contestId: CONTEST, form: { group: 'enterprise', ...form } });
      expect(await draft({ companyName: '上海\u202E司公限有技科' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { 'form.companyName': expect.stringContaining('控制字符') } },
      });
      // JSON.parse('1e400') is Infinity: what a client sending 1e400 delivers.
      for (const revenue of [JSON.parse('1e400') as number, Number.NEGATIVE_INFINITY, -5, Number.NaN]) {
        expect(await draft({ revenue })).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT', details: { 'form.revenue': expect.any(String) } },
        });
      }
      expect(await ports.db.collection<EntryDoc>(C.entries).count({ ownerOpenid: who.openid })).toBe(0);
      expect(await draft({ revenue: 1280.5, summary: '第一行\n第二行' })).toMatchObject({ ok: true });
      const [stored] = await ports.db.collection<EntryDoc>(C.entries).find({ ownerOpenid: who.openid });
      expect(stored?.form).toMatchObject({ revenue: 1280.5, summary: '第一行\n第二行' });
    });
  });
});
