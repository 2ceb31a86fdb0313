import { articleText, sanitizeArticleHtml } from '../../../core/news/sanitize';
import { isArticleVisible } from '../../../core/news/types';

describe('article HTML is cleaned on save', () => {
  test('scripts are removed with their content', () => {
    expect(sanitizeArticleHtml('<p>公告</p><script>alert(1)</script>')).toBe('<p>公告</p>');
    expect(sanitizeArticleHtml('<SCRIPT src="https://evil.example/x.js"></SCRIPT><p>正文</p>')).toBe('<p>正文</p>');
  });

  test('event handlers never survive, whatever their case', () => {
    const out = sanitizeArticleHtml(
      '<img src="https://a.example/x.png" onerror="alert(1)"><p onclick="steal()" ONMOUSEOVER="x">文字</p>',
    );
    expect(out).not.toMatch(/on\w+=/i);
    expect(out).toContain('<p>文字</p>');
  });

  test('javascript:, data: and protocol-relative links are dropped', () => {
    expect(sanitizeArticleHtml('<a href="javascript:alert(1)">点我</a>')).toBe('<a>点我</a>');
    expect(sanitizeArticleHtml('<a href="JaVaScRiPt:alert(1)">点我</a>')).toBe('<a>点我</a>');
    expect(sanitizeArticleHtml('<a href="&#106;avascript:alert(1)">点我</a>')).toBe('<a>点我</a>');
    expect(sanitizeArticleHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBe('');
    expect(sanitizeArticleHtml('<a href="//evil.example">x</a>')).toBe('<a>x</a>');
    expect(sanitizeArticleHtml('<a href="https://www.miit.gov.cn/">工信部</a>')).toBe(
      '<a href="https://www.miit.gov.cn/">工信部</a>',
    );
  });

  test('style injection is stripped; images get only the phone-sized style', () => {
    expect(sanitizeArticleHtml('<p style="position:fixed;top:0;background:url(javascript:x)">x</p>')).toBe('<p>x</p>');
    expect(sanitizeArticleHtml('<style>body{display:none}</style><p>x</p>')).toBe('<p>x</p>');
    expect(sanitizeArticleHtml('<img src="https://a.example/x.png" style="width:9999px" class="evil">')).toBe(
      '<img src="https://a.example/x.png" style="max-width:100%;height:auto" />',
    );
  });

  test('lists keep their bullets and numbers in rich-text: one fixed style each, whatever was typed', () => {
    expect(sanitizeArticleHtml('<ul style="padding:0;list-style:none"><li style="color:red">预赛</li></ul>')).toBe(
      '<ul style="padding-left:1.6em;margin:0.5em 0;list-style-type:disc"><li>预赛</li></ul>',
    );
    expect(sanitizeArticleHtml('<ol class="x"><li>复赛</li></ol>')).toBe(
      '<ol style="padding-left:1.6em;margin:0.5em 0;list-style-type:decimal"><li>复赛</li></ol>',
    );
    // A tag with allowed attributes but no fixed style still takes no style at all.
    expect(sanitizeArticleHtml('<a href="https://a.example/" style="position:fixed;top:0">x</a>')).toBe(
      '<a href="https://a.example/">x</a>',
    );
  });

  test('an image without a full address (`<img src=x onerror=…>`) is dropped, not kept broken', () => {
    expect(sanitizeArticleHtml('<p>a</p><img src=x onerror="alert(1)"><img src="/relative.png">')).toBe('<p>a</p>');
  });

  test('iframes, forms and objects are removed; stored file ids stay for images', () => {
    expect(
      sanitizeArticleHtml('<iframe src="https://evil.example"></iframe><form><input></form><object></object>'),
    ).toBe('');
    expect(sanitizeArticleHtml('<img src="cloud://env.bucket/news/img-1.png">')).toContain(
      'src="cloud://env.bucket/news/img-1.png"',
    );
    expect(sanitizeArticleHtml('<a href="cloud://env.bucket/x">x</a>')).toBe('<a>x</a>');
  });

  test('the plain text of an article, for excerpts and the content check', () => {
    expect(articleText('<h2>通知</h2><p>报名截止 <strong>8月31日</strong></p>')).toBe('通知报名截止 8月31日');
  });
});

test('an article is visible once published and its time has come', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  expect(isArticleVisible({ status: 'published', publishAt: '2026-11-23T02:00:00.000Z' }, now)).toBe(true);
  expect(isArticleVisible({ status: 'published', publishAt: '2026-11-23T02:00:00.001Z' }, now)).toBe(false);
  expect(isArticleVisible({ status: 'draft', publishAt: '2026-01-01T00:00:00.000Z' }, now)).toBe(false);
  expect(isArticleVisible({ status: 'unpublished', publishAt: '2026-01-01T00:00:00.000Z' }, now)).toBe(false);
});
