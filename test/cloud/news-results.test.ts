/** News, home and results use cases on the real embedded database, through the router. */
import { createApi, type Api } from '../../cloudfunctions/router';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import { DEMO_ADMIN_OPENIDS, demoOpenid } from '../../cloudfunctions/local/seed-data';
import { C, type ArticleDoc, type ContestDoc } from '../../cloudfunctions/usecases/collections';
import { testPorts } from '../support/local-ports';
import { enterpriseFormFixture, openContest, pdfBytes } from '../support/registration-fixtures';

let ports: ReturnType<typeof testPorts>;
let api: Api;
const organizer = { openid: demoOpenid('organizer') };
const reader = { openid: null };
const alice = { openid: 'oAlice000000000000000000001' };
const bob = { openid: 'oBob00000000000000000000001' };
const NOW = new Date('2026-11-23T02:00:00Z');

beforeEach(async () => {
  ports = testPorts();
  ports.clock.freeze(NOW);
  await seedDemoData(ports);
  await ports.db.collection<ContestDoc>(C.contests).create(openContest('c-open-1'));
  api = createApi({
    ports,
    adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
    runtime: 'local',
    version: 't',
    idHashKey: Buffer.alloc(32, 3),
  });
});
afterEach(() => ports.dispose());

async function call(who: { openid: string | null }, action: string, data?: unknown, requestId?: string) {
  return api({ action, data, ...(requestId ? { requestId } : {}) }, who);
}
function data<T>(answer: Awaited<ReturnType<Api>>): T {
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data as T;
}

const article = (overrides: Record<string, unknown> = {}) => ({
  title: '关于举办大赛的通知',
  category: 'notice',
  bodyHtml: '<p>报名即将开始。</p>',
  publishAt: '2026-11-23T10:00:00+08:00',
  status: 'published',
  ...overrides,
});

async function uploadNewsImage(): Promise<{ fileId: string; name: string; size: number }> {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const target = data<{ path: string }>(
    await call(organizer, 'files.upload.prepare', {
      purpose: 'newsImage',
      fileName: 'cover.png',
      contentType: 'image/png',
      size: png.length,
    }),
  );
  await ports.files.put(target.path, png, 'image/png');
  return { fileId: await ports.files.fileIdFor(target.path), name: 'cover.png', size: png.length };
}

describe('news', () => {
  test('bodies are sanitized on save: readers never get scripts or event handlers', async () => {
    const saved = data<{ article: { id: string; bodyHtml: string } }>(
      await call(organizer, 'admin.article.upsert', {
        ...article(),
        bodyHtml:
          '<p>正文</p><script>alert(1)</script><img src="https://a.example/x.png" onerror="alert(2)"><a href="javascript:x()">链接</a>',
      }),
    );
    const read = data<{ article: { bodyHtml: string } }>(await call(reader, 'news.get', { id: saved.article.id }));
    expect(read.article.bodyHtml).not.toMatch(/script|onerror|javascript:/i);
    expect(read.article.bodyHtml).toContain('<p>正文</p>');
  });

  test('scheduled publishing: an article with a future time is invisible until the clock reaches it', async () => {
    await call(organizer, 'admin.article.upsert', article({ title: '现在发布' }));
    const scheduled = data<{ article: { id: string; visible: boolean } }>(
      await call(
        organizer,
        'admin.article.upsert',
        article({ title: '一分钟后发布', publishAt: '2026-11-23T10:01:00+08:00' }),
      ),
    );
    expect(scheduled.article.visible).toBe(false);
    const titles = async () =>
      data<{ items: Array<{ title: string }> }>(await call(reader, 'news.list', {})).items.map((i) => i.title);
    expect(await titles()).toEqual(['现在发布']);
    expect(await call(reader, 'news.get', { id: scheduled.article.id })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });

    ports.clock.freeze(new Date('2026-11-23T02:01:00Z'));
    expect(await titles()).toEqual(['一分钟后发布', '现在发布']);
    expect(await call(reader, 'news.get', { id: scheduled.article.id })).toMatchObject({ ok: true });
  });

  test('pinned first, category filter, title search, paging; drafts and unpublished stay hidden', async () => {
    for (let i = 1; i <= 12; i += 1) {
      await call(
        organizer,
        'admin.article.upsert',
        article({
          title: `赛事动态 ${i}`,
          category: 'news',
          publishAt: `2026-11-${String(i).padStart(2, '0')}T09:00:00+08:00`,
        }),
      );
    }
    await call(
      organizer,
      'admin.article.upsert',
      article({ title: '置顶的政策解读', category: 'policy', pinned: true, publishAt: '2026-01-01T00:00:00+08:00' }),
    );
    await call(organizer, 'admin.article.upsert', article({ title: '草稿', status: 'draft' }));
    const gone = data<{ article: { id: string } }>(
      await call(organizer, 'admin.article.upsert', article({ title: '将下线' })),
    );
    await call(organizer, 'admin.article.remove', { id: gone.article.id, mode: 'unpublish' });

    const first = data<{ items: Array<{ title: string; pinned: boolean }>; total: number }>(
      await call(reader, 'news.list', { pageSize: 5 }),
    );
    expect(first.total).toBe(13);
    expect(first.items[0]).toMatchObject({ title: '置顶的政策解读', pinned: true });
    expect(first.items[1]?.title).toBe('赛事动态 12');
    const third = data<{ items: unknown[] }>(await call(reader, 'news.list', { pageSize: 5, page: 3 }));
    expect(third.items).toHaveLength(3);
    expect(data<{ total: number }>(await call(reader, 'news.list', { category: 'policy' })).total).toBe(1);
    expect(
      data<{ items: Array<{ title: string }> }>(await call(reader, 'news.list', { q: '动态 1' })).items.map(
        (i) => i.title,
      ),
    ).toEqual(['赛事动态 12', '赛事动态 11', '赛事动态 10', '赛事动态 1']);
    expect(data<{ total: number }>(await call(organizer, 'admin.article.list', {})).total).toBe(15);
  });

  test('1,000 concurrent views of one article count exactly 1,000', async () => {
    const saved = data<{ article: { id: string } }>(await call(organizer, 'admin.article.upsert', article()));
    await Promise.all(Array.from({ length: 1000 }, () => call(reader, 'news.get', { id: saved.article.id })));
    expect((await ports.db.collection<ArticleDoc>(C.articles).get(saved.article.id))?.views).toBe(1000);
  });

  test('an edit never loses views counted meanwhile', async () => {
    const saved = data<{ article: { id: string } }>(await call(organizer, 'admin.article.upsert', article()));
    await Promise.all([
      ...Array.from({ length: 50 }, () => call(reader, 'news.get', { id: saved.article.id })),
      call(organizer, 'admin.article.upsert', article({ id: saved.article.id, title: '改过的标题' })),
    ]);
    expect(await ports.db.collection<ArticleDoc>(C.articles).get(saved.article.id)).toMatchObject({
      title: '改过的标题',
      views: 50,
    });
  });

  test('covers and inline images are our own uploads, served as links; others are refused', async () => {
    const cover = await uploadNewsImage();
    const saved = data<{ article: { id: string } }>(
      await call(
        organizer,
        'admin.article.upsert',
        article({ cover, bodyHtml: `<p>图</p><img src="${cover.fileId}">`, pinned: true }),
      ),
    );
    const read = data<{ article: { coverUrl: string; bodyHtml: string } }>(
      await call(reader, 'news.get', { id: saved.article.id }),
    );
    expect(read.article.coverUrl).toContain('/files/news/');
    expect(read.article.bodyHtml).toMatch(
      /<img src="http:\/\/127\.0\.0\.1:1\/files\/news\/[^"]+" style="max-width:100%;height:auto"/,
    );
    expect(
      await call(
        organizer,
        'admin.article.upsert',
        article({ cover: { fileId: 'local://entries/e-x/plan.pdf', name: 'x.png', size: 3 } }),
      ),
    ).toMatchObject({ error: { code: 'INVALID_INPUT', details: { cover: '请重新上传图片' } } });
    // Only organizers may upload news files.
    expect(
      await call(alice, 'files.upload.prepare', {
        purpose: 'newsImage',
        fileName: 'a.png',
        contentType: 'image/png',
        size: 10,
      }),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await call(alice, 'admin.article.upsert', article())).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('home', () => {
  test('one call: pinned banners with covers, running contests with their current stage, latest five', async () => {
    const cover = await uploadNewsImage();
    await call(organizer, 'admin.article.upsert', article({ title: '头条', pinned: true, cover }));
    await call(
      organizer,
      'admin.article.upsert',
      article({ title: '置顶无图', pinned: true, publishAt: '2026-10-01T08:00:00+08:00' }),
    );
    for (let i = 1; i <= 6; i += 1)
      await call(
        organizer,
        'admin.article.upsert',
        article({ title: `动态 ${i}`, publishAt: `2026-11-0${i}T08:00:00+08:00` }),
      );
    const home = data<{
      banners: Array<{ title: string; coverUrl: string }>;
      latest: Array<{ title: string }>;
      contests: Array<{ id: string; phase: { current: string | null; next: { key: string } | null } }>;
    }>(await call(reader, 'home.get'));
    expect(home.banners.map((b) => b.title)).toEqual(['头条']);
    expect(home.banners[0]?.coverUrl).toContain('/files/news/');
    expect(home.latest.map((a) => a.title)).toEqual(['头条', '动态 6', '动态 5', '动态 4', '动态 3']);
    expect(home.contests.find((c) => c.id === 'c-open-1')?.phase).toMatchObject({ current: 'registration' });
    // The 2024 contest ended long ago: it is on 成绩 and the contest list, no longer on 首页.
    expect(home.contests.some((c) => c.id === 'sh-2024')).toBe(false);
  });
});

describe('results', () => {
  async function submittedEntry(who: { openid: string }, n: number): Promise<string> {
    const target = data<{ path: string }>(
      await call(who, 'files.upload.prepare', {
        purpose: 'businessPlan',
        contestId: 'c-open-1',
        fileName: 'p.pdf',
        contentType: 'application/pdf',
        size: pdfBytes.length,
      }),
    );
    await ports.files.put(target.path, pdfBytes, 'application/pdf');
    const plan = { fileId: await ports.files.fileIdFor(target.path), name: 'p.pdf', size: pdfBytes.length };
    return data<{ entryId: string }>(
      await call(who, 'registration.submit', { contestId: 'c-open-1', form: enterpriseFormFixture(n, plan) }),
    ).entryId;
  }

  test('publish a 决赛入围名单 with 公示: public, searchable, no PII; objection during 公示, answered and read back', async () => {
    const a = await submittedEntry(alice, 301);
    const b = await submittedEntry(bob, 302);
    const published = data<{ list: { id: string; items: unknown[]; inPublicity: boolean; title: string } }>(
      await call(
        organizer,
        'admin.result.publish',
        { contestId: 'c-open-1', kind: 'finalist', entries: [{ entryId: a }, { entryId: b }], publicityDays: 5 },
        'publish-0001',
      ),
    );
    expect(published.list).toMatchObject({ inPublicity: true, title: '测试赛事 c-open-1 决赛入围名单' });
    const lists = data<{ lists: Array<{ id: string; items: Array<Record<string, unknown>> }> }>(
      await call(reader, 'results.list', {}),
    );
    expect(lists.lists).toHaveLength(1);
    expect(JSON.stringify(lists)).not.toMatch(/1381234|mobile|creditCode|idHash/);
    expect(lists.lists[0]?.items[0]).toEqual(
      expect.objectContaining({
        projectName: '工业视觉质检平台301',
        orgName: '上海测试科技有限公司301',
        group: 'enterprise',
      }),
    );

    const found = data<{ items: Array<{ projectName: string; listTitle: string }> }>(
      await call(reader, 'results.search', { q: '质检平台302' }),
    );
    expect(found.items).toEqual([
      expect.objectContaining({ projectName: '工业视觉质检平台302', listTitle: published.list.title }),
    ]);

    expect(
      await call(reader, 'results.objection.file', {
        listId: published.list.id,
        reason: '该项目存在问题',
        contact: '13700001111',
      }),
    ).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    const filed = data<{ objection: { id: string; status: string } }>(
      await call(
        bob,
        'results.objection.file',
        { listId: published.list.id, entryId: a, reason: '该项目与我方专利高度相似', contact: '13700001111' },
        'object-0001',
      ),
    );
    expect(filed.objection.status).toBe('open');
    expect(
      data<{ items: Array<{ status: string }> }>(await call(organizer, 'admin.objection.list', { status: 'open' }))
        .items,
    ).toHaveLength(1);
    await call(
      organizer,
      'admin.objection.answer',
      { id: filed.objection.id, answer: '经核查，专利不同，维持原结果。' },
      'answer-0001',
    );
    expect(
      data<{ items: Array<{ status: string; answer: string }> }>(await call(bob, 'results.objection.mine')),
    ).toEqual({
      items: [
        expect.objectContaining({
          status: 'answered',
          answer: '经核查，专利不同，维持原结果。',
          projectName: '工业视觉质检平台301',
        }),
      ],
    });
    // Nobody else reads it.
    expect(data<{ items: unknown[] }>(await call(alice, 'results.objection.mine')).items).toEqual([]);

    // After the 公示 period no more objections.
    ports.clock.freeze(new Date(NOW.getTime() + 5 * 86400_000));
    expect(
      await call(bob, 'results.objection.file', {
        listId: published.list.id,
        reason: '再次提出异议',
        contact: 'x@example.com',
      }),
    ).toMatchObject({
      error: { code: 'INVALID_STATE', message: '该名单不在公示期内，不能提交异议' },
    });
  });

  test('a retried publish returns the same list; drafts cannot be listed; withdraw hides the list and its search lines', async () => {
    const a = await submittedEntry(alice, 311);
    await call(bob, 'registration.draft.save', {
      contestId: 'c-open-1',
      form: { group: 'enterprise', projectName: '草稿项目' },
    });
    const draftId = data<{ items: Array<{ id: string }> }>(await call(bob, 'registration.mine')).items[0]?.id;
    expect(
      await call(organizer, 'admin.result.publish', {
        contestId: 'c-open-1',
        kind: 'awards',
        entries: [{ entryId: a }, { entryId: draftId }],
      }),
    ).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { 'entries.1.entryId': expect.stringContaining('不能列入名单') } },
    });

    const input = { contestId: 'c-open-1', kind: 'awards', entries: [{ entryId: a, prize: 'first' }] };
    const first = await call(organizer, 'admin.result.publish', input, 'publish-retry-01');
    expect(await call(organizer, 'admin.result.publish', input, 'publish-retry-01')).toEqual(first);
    expect(data<{ lists: unknown[] }>(await call(reader, 'results.list', {})).lists).toHaveLength(1);
    const id = data<{ list: { id: string; items: Array<{ prize: string }> } }>(first).list;
    expect(id.items[0]?.prize).toBe('first');

    expect(await call(organizer, 'admin.result.withdraw', { id: id.id, reason: '名单有误，重新发布' })).toMatchObject({
      ok: true,
      data: { list: { status: 'withdrawn' } },
    });
    expect(data<{ lists: unknown[] }>(await call(reader, 'results.list', {})).lists).toEqual([]);
    expect(data<{ items: unknown[] }>(await call(reader, 'results.search', { q: '质检平台311' })).items).toEqual([]);
    expect(await call(alice, 'admin.result.publish', input)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
