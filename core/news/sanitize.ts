import sanitizeHtml from 'sanitize-html';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, FIXED_STYLES, IMAGE_SCHEMES, LINK_SCHEMES } from './allowlist';

/**
 * Article bodies are written by organizers but read by everyone, so they are cleaned on save with an
 * allowlist (sanitize-html): no scripts, no event handlers, no `javascript:` or `data:` links, no style
 * or class from outside. Images and lists get one fixed inline style each (FIXED_STYLES) so they fit a
 * phone inside WeChat's rich-text, which ignores page stylesheets.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  // `style` only where the transform below writes the fixed one over whatever was typed.
  allowedAttributes: Object.fromEntries(
    [...new Set([...Object.keys(ALLOWED_ATTRIBUTES), ...Object.keys(FIXED_STYLES)])].map((tag) => [
      tag,
      tag in FIXED_STYLES ? [...(ALLOWED_ATTRIBUTES[tag] ?? []), 'style'] : [...(ALLOWED_ATTRIBUTES[tag] ?? [])],
    ]),
  ),
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: Object.fromEntries(
    Object.entries(FIXED_STYLES).map(([tag, style]) => [
      tag,
      (tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName, attribs: { ...attribs, style } }),
    ]),
  ),
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
