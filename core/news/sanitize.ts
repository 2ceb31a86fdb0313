import sanitizeHtml from 'sanitize-html';

/**
 * Article bodies are written by organizers but read by everyone, so they are cleaned on save with an
 * allowlist (sanitize-html): no scripts, no event handlers, no `javascript:` or `data:` links, no style
 * or class from outside. Images get one fixed inline style so they fit a phone inside WeChat's
 * rich-text, which ignores page stylesheets.
 */
const IMAGE_STYLE = 'max-width:100%;height:auto;';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
    'span',
    'div',
    'sub',
    'sup',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height', 'style'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  // Images may point at https or at our own stored files (cloud:// on WeChat, local:// locally),
  // which news.get turns into links.
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'http', 'cloud', 'local'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, style: IMAGE_STYLE } }),
    a: (tagName, attribs) => ({ tagName, attribs }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The text of an article, for search snippets and the content check. */
export function articleText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
