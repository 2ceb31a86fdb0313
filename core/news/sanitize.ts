import sanitizeHtml from 'sanitize-html';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, IMAGE_SCHEMES, IMAGE_STYLE, LINK_SCHEMES } from './allowlist';

/**
 * Article bodies are written by organizers but read by everyone, so they are cleaned on save with an
 * allowlist (sanitize-html): no scripts, no event handlers, no `javascript:` or `data:` links, no style
 * or class from outside. Images get one fixed inline style so they fit a phone inside WeChat's
 * rich-text, which ignores page stylesheets.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: Object.fromEntries(
    Object.entries(ALLOWED_ATTRIBUTES).map(([tag, attributes]) => [
      tag,
      tag === 'img' ? [...attributes, 'style'] : [...attributes],
    ]),
  ),
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, style: IMAGE_STYLE } }),
  },
  // A relative or scheme-less image address would only ever show as a broken image.
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !new RegExp(`^(${IMAGE_SCHEMES.join('|')}):`, 'i').test(frame.attribs.src ?? ''),
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The text of an article, for search snippets and the content check. */
export function articleText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
