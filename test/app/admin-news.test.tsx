/**
 * 新闻管理 and the article editor: Beijing-time publishAt on the wire, the server's field errors beside
 * the fields, 定时发布 for a future time, the confirmed 删除, and a preview that never runs what was typed.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AdminArticle } from '@core/news/views';
import type { CallRequest } from '@core/wire';
import { articleState, publishAtOf } from '../../src/admin/lib/article-form';
import { applyTool, bodyToHtml, insertImage, previewNodes, type RichNode } from '../../src/admin/lib/article-html';
import AdminArticlePage from '../../src/admin/pages/article/index';
import AdminNewsPage from '../../src/admin/pages/news/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { contest, signedIn } from './support/fixtures';

const organizer = signedIn('组委会秘书处', [{ role: 'organizer', contestId: null, contestName: null }], ['admin']);
// 2024-08-01 10:00 in Beijing.
const SERVER_NOW = '2024-08-01T02:00:00.000Z';

function article(overrides: Partial<AdminArticle> = {}): AdminArticle {
  return {
    id: 'a-1',
    title: '关于举办2024年“创客中国”上海市中小企业创新创业大赛的通知',
    category: 'notice',
    contestId: null,
    cover: null,
    coverUrl: null,
    bodyHtml: '<p>各有关单位：</p>',
    attachments: [],
    fileLinks: {},
    pinned: false,
    publishAt: '2024-07-31T01:00:00.000Z',
    status: 'published',
    visible: true,
    views: 128,
    author: '组委会秘书处',
    updatedAt: '2024-07-31T01:00:00.000Z',
    ...overrides,
  };
}

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  Object.assign(Taro.getCurrentInstance(), { router: null });
  jest.restoreAllMocks();
});

type Handler = (req: CallRequest) => { json: unknown } | Error;

async function serve(
  params: Record<string, string>,
  path: string,
  actions: Record<string, Handler>,
  paths: Parameters<typeof stubFetch>[0]['paths'] = {},
) {
  Object.assign(Taro.getCurrentInstance(), { router: { params, path } });
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(organizer),
      'contest.list': () => ok({ items: [contest()], editions: [], now: SERVER_NOW }),
      ...actions,
    },
    paths,
  });
  await act(() => refreshMe());
  return stub;
}

function upserts(s: FetchStub): CallRequest[] {
  return s.apiCalls().filter((c) => c.action === 'admin.article.upsert');
}

async function drawn(container: HTMLElement, selector: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = container.querySelector(selector);
    if (!found) throw new Error(`${selector} not drawn yet`);
    return found as HTMLElement;
  });
}

async function typeInto(container: HTMLElement, selector: string, value: string): Promise<void> {
  const box = (await drawn(container, selector)) as HTMLInputElement;
  box.value = value;
  fireEvent.input(box);
}

describe('the editor’s rules', () => {
  test('a Beijing wall-clock time goes on the wire with +08:00', () => {
    expect(publishAtOf('2024-08-20', '09:30')).toBe('2024-08-20T09:30:00+08:00');
    expect(publishAtOf('', '09:30')).toBe('');
  });

  test('草稿 / 已发布 / 定时发布（时间）/ 已下线', () => {
    expect(articleState(article({ status: 'draft', visible: false })).label).toBe('草稿');
    expect(articleState(article()).label).toBe('已发布');
    expect(articleState(article({ visible: false, publishAt: '2024-08-20T01:30:00.000Z' }))).toEqual({
      state: 'scheduled',
      label: '定时发布（8月20日 09:30）',
    });
    expect(articleState(article({ status: 'unpublished', visible: false })).label).toBe('已下线');
  });

  test('plain lines become paragraphs; HTML lines and open blocks pass unchanged', () => {
    expect(bodyToHtml('第一段第一行\n第一行续\n\n第二段')).toBe('<p>第一段第一行<br>第一行续</p>\n<p>第二段</p>');
    expect(bodyToHtml('<h2>赛程</h2>\n<ul>\n<li>预赛</li>\n</ul>\n正文')).toBe(
      '<h2>赛程</h2>\n<ul>\n<li>预赛</li>\n</ul>\n<p>正文</p>',
    );
    // What the server stored comes back into the box and goes out again unchanged.
    const stored = '<p>各有关单位：</p>\n<img src="local://news/img-1.png" style="max-width:100%;height:auto;" />';
    expect(bodyToHtml(stored)).toBe(stored);
  });

  test('toolbar buttons wrap the selection, or insert a placeholder at the cursor', () => {
    expect(applyTool('大赛通知', 0, 2, 'bold')).toEqual({ text: '<strong>大赛</strong>通知', cursor: 19 });
    expect(applyTool('正文', 2, 2, 'h2').text).toBe('正文\n<h2>小标题</h2>');
    expect(applyTool('预赛\n复赛', 0, 5, 'ul').text).toBe('<ul>\n<li>预赛</li>\n<li>复赛</li>\n</ul>');
    expect(insertImage('第一段', 3, 'local://news/img-1.png', '现场"照片"').text).toBe(
      '第一段\n<img src="local://news/img-1.png" alt="现场照片">',
    );
  });

  test('the preview keeps what the server keeps: no script, no event handlers, no javascript: links', () => {
    const { nodes, removed } = previewNodes(
      '<p onclick="steal()">正文&amp;更多<script>alert(1)</script></p><img src=x onerror="alert(2)">' +
        '<a href="javascript:alert(3)">链接</a><img src="local://news/img-1.png" alt="图">' +
        '<iframe src="https://evil.example"></iframe>',
      (src) => (src === 'local://news/img-1.png' ? 'blob:preview-1' : null),
    );
    const flat = JSON.stringify(nodes);
    expect(flat).not.toMatch(/script|onerror|onclick|javascript|iframe|alert/);
    expect(nodes[0]).toEqual({ name: 'p', attrs: {}, children: [{ type: 'text', text: '正文&更多' }] });
    const images = (nodes as RichNode[]).filter((n) => 'name' in n && n.name === 'img');
    expect(images).toEqual([
      { name: 'img', attrs: { src: 'blob:preview-1', alt: '图', style: 'max-width:100%;height:auto' } },
    ]);
    expect(removed).toEqual(
      expect.arrayContaining([
        'onclick 属性',
        '「script」标签',
        'onerror 属性',
        'javascript: 链接',
        '「iframe」标签',
        '不完整的图片地址',
      ]),
    );
  });
});

test('the editor sends admin.article.upsert with publishAt in +08:00 and shows the server’s field errors beside the fields', async () => {
  const answers: Array<{ json: unknown }> = [
    {
      json: {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: '填写的内容有误，请检查后重试',
          details: { bodyHtml: '正文不能为空', cover: '请重新上传图片' },
        },
      },
    },
    {
      json: {
        ok: false,
        error: {
          code: 'CONTENT_RISKY',
          message: '内容含有不适宜的信息，请修改后重试',
          details: { title: '含有不适宜的内容，请修改' },
        },
      },
    },
  ];
  const s = await serve({}, '/admin/pages/article/index', {
    'admin.article.upsert': (req) =>
      answers.shift() ??
      ok({
        article: article({
          ...(req.data as Partial<AdminArticle>),
          id: 'a-new',
          publishAt: '2024-08-20T01:30:00.000Z',
          visible: false,
          bodyHtml: '<p>大赛报名将于8月23日开始。</p>',
        }),
      }),
  });
  const { container } = render(<AdminArticlePage />);
  await drawn(container, '.article-form');
  // A new article starts at the server's current minute, Beijing time: publish now.
  expect((container.querySelector('input.article-publish-date') as HTMLInputElement).value).toBe('2024-08-01');
  expect((container.querySelector('input.article-publish-time') as HTMLInputElement).value).toBe('10:00');
  expect(container.querySelector('.article-publish-when')?.textContent).toContain('立即发布');

  await typeInto(container, '.article-title-input input', '第九届大赛报名通知');
  fireEvent.click(container.querySelector('.article-category-notice') as Element);
  fireEvent.change(container.querySelector('textarea.article-body-input') as Element, {
    target: { value: '大赛报名将于8月23日开始。<script>alert(1)</script>' },
  });
  fireEvent.change(container.querySelector('input.article-publish-date') as Element, {
    target: { value: '2024-08-20' },
  });
  fireEvent.change(container.querySelector('input.article-publish-time') as Element, { target: { value: '09:30' } });
  expect(container.querySelector('.article-publish-when')?.textContent).toBe(
    '定时发布：发布后将于 2024年8月20日 09:30（北京时间）对读者可见',
  );
  expect(container.querySelector('.article-publish')?.textContent).toBe('定时发布');
  expect(container.querySelector('.article-preview-removed')?.textContent).toContain('「script」标签');

  fireEvent.click(container.querySelector('.article-publish') as Element);
  await waitFor(() =>
    expect(container.querySelector('.field-error[data-for="bodyHtml"]')?.textContent).toBe('正文不能为空'),
  );
  expect(container.querySelector('.field-error[data-for="cover"]')?.textContent).toBe('请重新上传图片');
  expect(container.querySelector('.article-server-error')?.textContent).toBe('填写的内容有误，请检查后重试');
  expect(upserts(s)[0]?.data).toEqual({
    title: '第九届大赛报名通知',
    category: 'notice',
    contestId: null,
    cover: null,
    bodyHtml: '<p>大赛报名将于8月23日开始。<script>alert(1)</script></p>',
    attachments: [],
    pinned: false,
    publishAt: '2024-08-20T09:30:00+08:00',
    status: 'published',
  });

  // CONTENT_RISKY names the field too.
  fireEvent.click(container.querySelector('.article-publish') as Element);
  await waitFor(() =>
    expect(container.querySelector('.field-error[data-for="title"]')?.textContent).toBe('含有不适宜的内容，请修改'),
  );

  fireEvent.click(container.querySelector('.article-publish') as Element);
  await waitFor(() => expect(container.querySelector('.article-saved')).not.toBeNull());
  expect(container.querySelector('.article-saved')?.textContent).toBe(
    '已设为定时发布，将于 8月20日 09:30（北京时间）对读者可见；正文中的「script」标签已被服务器移除',
  );
  expect(container.querySelector('.article-state')?.textContent).toBe('定时发布（8月20日 09:30）');
  // The box now holds what the server stored, and the next save is an edit of the same article.
  expect((container.querySelector('textarea.article-body-input') as HTMLTextAreaElement).value).toBe(
    '<p>大赛报名将于8月23日开始。</p>',
  );
  // Back to a draft hides a published article from readers: it asks first.
  const modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  fireEvent.click(container.querySelector('.article-save-draft') as Element);
  await waitFor(() => expect(upserts(s)).toHaveLength(4));
  expect(modal).toHaveBeenCalledTimes(1);
  expect(upserts(s)[3]?.data).toMatchObject({ id: 'a-new', status: 'draft' });
});

test('a new title or category missing is refused before anything is sent', async () => {
  const s = await serve({}, '/admin/pages/article/index', {});
  const { container } = render(<AdminArticlePage />);
  await drawn(container, '.article-form');
  fireEvent.click(container.querySelector('.article-save-draft') as Element);
  await waitFor(() =>
    expect(container.querySelector('.field-error[data-for="category"]')?.textContent).toBe('请选择栏目'),
  );
  fireEvent.click(container.querySelector('.article-category-news') as Element);
  fireEvent.click(container.querySelector('.article-save-draft') as Element);
  // callCloud checks the action's own schema: the title is named before a round trip.
  await waitFor(() =>
    expect(container.querySelector('.field-error[data-for="title"]')?.textContent).toBe('请填写标题'),
  );
  expect(upserts(s)).toHaveLength(0);
});

test('an inline image is uploaded to the signed link and inserted as <img src="fileId">', async () => {
  const s = await serve(
    {},
    '/admin/pages/article/index',
    {
      'files.upload.prepare': () =>
        ok({
          target: { kind: 'http', url: '/upload/news/img-1.png?sig=abc', method: 'PUT' },
          path: 'news/img-1.png',
          maxBytes: 5 * 1024 * 1024,
        }),
    },
    { 'PUT /upload/news/img-1.png?sig=abc': () => ok({ fileId: 'local://news/img-1.png', size: 4 }) },
  );
  const { container } = render(<AdminArticlePage />);
  await drawn(container, '.article-form');
  fireEvent.change(container.querySelector('textarea.article-body-input') as Element, {
    target: { value: '第一段' },
  });
  const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '现场.png', { type: 'image/png' });
  fireEvent.change(container.querySelector('input.article-image-input') as Element, { target: { files: [file] } });
  await waitFor(() =>
    expect((container.querySelector('textarea.article-body-input') as HTMLTextAreaElement).value).toContain(
      '<img src="local://news/img-1.png" alt="现场.png">',
    ),
  );
  const target = s.apiCalls().find((c) => c.action === 'files.upload.prepare');
  expect(target?.data).toEqual({ purpose: 'newsImage', fileName: '现场.png', contentType: 'image/png', size: 4 });
  const put = s.calls.find((c) => c.method === 'PUT');
  expect(put?.headers['content-type']).toBe('image/png');
});

test('a file of the wrong kind is refused beside its field before any upload', async () => {
  const s = await serve({}, '/admin/pages/article/index', {});
  const { container } = render(<AdminArticlePage />);
  await drawn(container, '.article-form');
  const file = new File(['x'], '报名表.doc', { type: 'application/msword' });
  fireEvent.change(container.querySelector('input.article-attachment-input') as Element, { target: { files: [file] } });
  await waitFor(() =>
    expect(container.querySelector('.field-error[data-for="attachments"]')?.textContent).toBe(
      '附件只接受 PDF、Excel（xlsx）或 Word（docx）',
    ),
  );
  expect(s.apiCalls().filter((c) => c.action === 'files.upload.prepare')).toHaveLength(0);
});

describe('新闻管理', () => {
  const rows = [
    article({ id: 'a-draft', title: '草稿一篇', status: 'draft', visible: false }),
    article({ id: 'a-live', title: '已发布一篇', pinned: true, views: 128 }),
    article({ id: 'a-later', title: '定时一篇', visible: false, publishAt: '2024-08-20T01:30:00.000Z' }),
    article({ id: 'a-off', title: '下线一篇', status: 'unpublished', visible: false }),
  ];

  test('each row says where it stands for readers; a future time is 定时发布', async () => {
    await serve({}, '/admin/pages/news/index', {
      'admin.article.list': () => ok({ items: rows, total: rows.length, page: 1, pageSize: 20 }),
    });
    const { container } = render(<AdminNewsPage />);
    await drawn(container, '.news-row');
    const status = (id: string) => container.querySelector(`.news-row[data-article-id="${id}"] .news-row-status`);
    expect(status('a-draft')?.textContent).toBe('草稿');
    expect(status('a-live')?.textContent).toBe('已发布');
    expect(status('a-later')?.textContent).toBe('定时发布（8月20日 09:30）');
    expect(status('a-later')?.className).toContain('news-row-status--scheduled');
    expect(container.querySelector('.news-row[data-article-id="a-later"]')?.getAttribute('data-state')).toBe(
      'scheduled',
    );
    expect(status('a-off')?.textContent).toBe('已下线');
    expect(container.querySelector('.news-row[data-article-id="a-live"] .news-row-pinned')).not.toBeNull();
    expect(container.querySelector('.news-row[data-article-id="a-live"] .news-row-views')?.textContent).toBe(
      '阅读 128',
    );
    // 下线 only where readers can see it, or will.
    expect(container.querySelectorAll('.news-unpublish')).toHaveLength(2);
  });

  test('删除 asks first: cancel sends nothing, confirm removes and reloads', async () => {
    let items = rows;
    const s = await serve({}, '/admin/pages/news/index', {
      'admin.article.list': () => ok({ items, total: items.length, page: 1, pageSize: 20 }),
      'admin.article.remove': (req) => {
        const { id } = req.data as { id: string };
        items = items.filter((a) => a.id !== id);
        return ok({ id, removed: 'deleted' });
      },
    });
    const modal = jest
      .spyOn(Taro, 'showModal')
      .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
      .mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    const { container } = render(<AdminNewsPage />);
    await drawn(container, '.news-row');
    const del = () => container.querySelector('.news-row[data-article-id="a-off"] .news-delete') as Element;
    fireEvent.click(del());
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(s.apiCalls().filter((c) => c.action === 'admin.article.remove')).toHaveLength(0);
    fireEvent.click(del());
    await waitFor(() => expect(container.querySelector('.news-action-done')?.textContent).toBe('已删除「下线一篇」'));
    await waitFor(() =>
      expect([...container.querySelectorAll('.news-row')].map((row) => row.getAttribute('data-article-id'))).toEqual([
        'a-draft',
        'a-live',
        'a-later',
      ]),
    );
    expect(s.apiCalls().find((c) => c.action === 'admin.article.remove')?.data).toEqual({
      id: 'a-off',
      mode: 'delete',
    });
  });
});

test('editing loads the stored article on a Beijing clock and keeps a stored cover', async () => {
  await serve({ id: 'a-1' }, '/admin/pages/article/index', {
    'admin.article.get': () =>
      ok({
        article: article({
          cover: { fileId: 'local://news/img-c.png', name: '封面.png', size: 2048 },
          coverUrl: '/files/news/img-c.png?sig=1',
          attachments: [{ fileId: 'local://news/att-1.pdf', name: '报名指南.pdf', size: 3 * 1024 * 1024 }],
          pinned: true,
        }),
      }),
  });
  const { container } = render(<AdminArticlePage />);
  await drawn(container, '.article-form');
  expect((container.querySelector('input.article-publish-date') as HTMLInputElement).value).toBe('2024-07-31');
  expect((container.querySelector('input.article-publish-time') as HTMLInputElement).value).toBe('09:00');
  expect(container.querySelector('.article-state')?.textContent).toBe('已发布');
  expect(container.querySelector('.article-category-notice')?.getAttribute('aria-pressed')).toBe('true');
  expect(container.querySelector('.article-pinned')?.getAttribute('aria-checked')).toBe('true');
  expect(container.querySelector('.article-cover-name')?.textContent).toBe('封面.png');
  expect(container.querySelector('.article-attachment-name')?.textContent).toBe('报名指南.pdf');
});
