/**
 * What an article body may contain: the one allowlist, used by the server's sanitizer
 * (core/news/sanitize.ts, on save) and the editor's preview (src/admin/lib/article-html.ts). Kept
 * apart from the sanitizer so the mini-program can import it without sanitize-html.
 */
export const ALLOWED_TAGS: readonly string[] = [
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
];

export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};

export const LINK_SCHEMES: readonly string[] = ['https', 'http', 'mailto', 'tel'];
/** Images may also point at our own stored files, which news.get turns into links. */
export const IMAGE_SCHEMES: readonly string[] = ['https', 'http', 'cloud', 'local'];

/** Every image gets this style so it fits a phone inside WeChat's rich-text, which ignores stylesheets. */
export const IMAGE_STYLE = 'max-width:100%;height:auto';

/**
 * The one style each of these tags gets, whatever was typed: rich-text ignores stylesheets, and without room on
 * the left a list's bullets and numbers fall outside the body (which scrolls sideways for wide tables) and vanish.
 */
export const FIXED_STYLES: Readonly<Record<string, string>> = {
  img: IMAGE_STYLE,
  ul: 'padding-left:1.6em;margin:0.5em 0;list-style-type:disc',
  ol: 'padding-left:1.6em;margin:0.5em 0;list-style-type:decimal',
};
