/**
 * The article body as the editor handles it: simple HTML in a text box, where lines of plain text
 * become paragraphs, plus a preview that never runs what was typed.
 *
 * The preview is built here, not by handing the typed text to RichText as a string: on H5 a string
 * becomes innerHTML, so `<img onerror>` would run in the organizer's own browser. Instead the text is
 * parsed into RichText's node array keeping only what the server's sanitizer keeps: both read the one
 * allowlist in core/news/allowlist.ts (the sanitizer itself, with sanitize-html and postcss, is far
 * too big for the subpackage). The server stays the authority; after a save the editor shows its copy.
 */
import {
  ALLOWED_ATTRIBUTES as ALLOWED_ATTRS,
  ALLOWED_TAGS as ALLOWED_TAG_LIST,
  FIXED_STYLES,
  IMAGE_SCHEMES,
  IMAGE_STYLE,
  LINK_SCHEMES,
} from '@core/news/allowlist';

const ALLOWED_TAGS = new Set(ALLOWED_TAG_LIST);
/** sanitize-html drops these tags with everything inside them, not only the tags. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'textarea', 'option', 'noscript']);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr', 'col', 'area', 'base']);
export { IMAGE_STYLE };

/** RichText's node array (the shape both WeChat's rich-text and Taro's H5 RichText take). */
export type RichNode =
  { type: 'text'; text: string } | { name: string; attrs?: Record<string, string>; children?: RichNode[] };

export interface PreviewResult {
  nodes: RichNode[];
  /** What the preview left out, for a hint (e.g. 「script」标签, onerror 属性). */
  removed: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** The scheme of a URL as a browser would read it (control characters and spaces are ignored). */
function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** Relative links are kept, as sanitize-html keeps them; protocol-relative ones are not. */
function urlAllowed(url: string, schemes: readonly string[]): boolean {
  const scheme = schemeOf(url);
  if (scheme === null) return !/^\s*\/\//.test(url);
  return schemes.includes(scheme);
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Array<[string, string]>;
  end: number;
}

/** Reads the tag starting at `start` (a '<'), or null when it isn't one (then the '<' is text). */
function readTag(html: string, start: number): Tag | null {
  const head = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start, start + 40));
  if (!head) return null;
  const closing = head[1] === '/';
  const name = (head[2] ?? '').toLowerCase();
  let i = start + head[0].length;
  const attrs: Array<[string, string]> = [];
  const attr = /\s*([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
  for (;;) {
    attr.lastIndex = i;
    const match = attr.exec(html);
    if (!match || match[0] === '') break;
    attrs.push([(match[1] ?? '').toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? '')]);
    i = attr.lastIndex;
  }
  const tail = /^\s*(\/?)>/.exec(html.slice(i));
  if (!tail) {
    // An unfinished tag (`<img src="a`): the rest is not shown, as a browser would not show it.
    return { name, closing, selfClosing: true, attrs: [], end: html.length };
  }
  return { name, closing, selfClosing: tail[1] === '/', attrs, end: i + tail[0].length };
}

/**
 * Typed HTML → RichText nodes, keeping what the server keeps. `imageUrl` turns a stored file id
 * (cloud://…, local://…) into something the preview can load, or null to show a placeholder.
 */
export function previewNodes(
  html: string,
  imageUrl: (src: string) => string | null,
  // WeChat's rich-text decodes entities in text nodes again (Taro's H5 one does not), so there a
  // decoded `&` goes back as `&amp;`.
  options: { reencodeAmpersands?: boolean } = {},
): PreviewResult {
  const removed = new Set<string>();
  const root: RichNode[] = [];
  const stack: Array<{ name: string; children: RichNode[] }> = [];
  const children = () => stack[stack.length - 1]?.children ?? root;
  const pushText = (decoded: string) => {
    if (decoded === '') return;
    const text = options.reencodeAmpersands ? decoded.replace(/&/g, '&amp;') : decoded;
    const list = children();
    const last = list[list.length - 1];
    if (last && 'type' in last) last.text += text;
    else list.push({ type: 'text', text });
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      pushText(decodeEntities(html.slice(i)));
      break;
    }
    pushText(decodeEntities(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (/^<[!?]/.test(html.slice(lt, lt + 2))) {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === null) {
      pushText('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && DROPPED_WITH_CONTENT.has(tag.name)) {
      removed.add(`「${tag.name}」标签`);
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      if (close === -1) i = html.length;
      else {
        const end = html.indexOf('>', close);
        i = end === -1 ? html.length : end + 1;
      }
      continue;
    }
    if (!ALLOWED_TAGS.has(tag.name)) {
      if (!tag.closing) removed.add(`「${tag.name}」标签`);
      continue;
    }
    if (tag.closing) {
      const at = stack.map((s) => s.name).lastIndexOf(tag.name);
      if (at !== -1) stack.length = at;
      continue;
    }
    const allowed = ALLOWED_ATTRS[tag.name] ?? [];
    const attrs: Record<string, string> = {};
    for (const [name, value] of tag.attrs) {
      if (!allowed.includes(name)) {
        // The server forces its own image style; only attributes it would drop are worth a hint.
        if (!(tag.name === 'img' && name === 'style')) removed.add(`${name} 属性`);
        continue;
      }
      if (name === 'href' && !urlAllowed(value, LINK_SCHEMES)) {
        removed.add(`${schemeOf(value) ?? '不安全的'}: 链接`);
        continue;
      }
      attrs[name] = value;
    }
    let node: RichNode;
    if (tag.name === 'img') {
      const src = attrs.src ?? '';
      // Like the server: an image needs an address with an allowed scheme; a relative one would be broken.
      const imageScheme = schemeOf(src);
      if (imageScheme === null || !IMAGE_SCHEMES.includes(imageScheme)) {
        if (src !== '') removed.add(imageScheme === null ? '不完整的图片地址' : `${imageScheme}: 图片地址`);
        continue;
      }
      const shown = imageScheme === 'cloud' || imageScheme === 'local' ? imageUrl(src) : src;
      node =
        shown === null
          ? {
              name: 'span',
              attrs: { class: 'article-preview-image-pending', style: 'color:#6b7280;' },
              children: [{ type: 'text', text: `［图片 ${attrs.alt ?? ''}：保存后读者可见］` }],
            }
          : { name: 'img', attrs: { ...attrs, src: shown, style: IMAGE_STYLE } };
    } else {
      const style = FIXED_STYLES[tag.name];
      node = { name: tag.name, attrs: style === undefined ? attrs : { ...attrs, style } };
    }
    children().push(node);
    if (!VOID_TAGS.has(tag.name) && !tag.selfClosing && 'name' in node && node.name === tag.name) {
      node.children = [];
      stack.push({ name: tag.name, children: node.children });
    }
  }
  return { nodes: root, removed: [...removed] };
}

/** Tags that start a block of their own: a line beginning with one is HTML, not a paragraph of text. */
const BLOCK = 'p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|th|td|hr|div|img|br';
const BLOCK_LINE = new RegExp(`^<\\/?(?:${BLOCK})(?=[\\s/>])`, 'i');
const CONTAINERS = 'p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|th|td|div';

function depthChange(line: string): number {
  const opens = line.match(new RegExp(`<(?:${CONTAINERS})(?=[\\s>])`, 'gi'))?.length ?? 0;
  const closes = line.match(new RegExp(`</(?:${CONTAINERS})\\s*>`, 'gi'))?.length ?? 0;
  return opens - closes;
}

/**
 * What is sent as bodyHtml: lines of plain text become paragraphs (one line break inside a paragraph
 * is a <br>, a blank line starts the next one); lines that are HTML blocks, and everything inside a
 * block still open, pass unchanged. So an organizer can type plain text and use the toolbar, and HTML
 * the server stored comes back into the box as it was.
 */
export function bodyToHtml(source: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let depth = 0;
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.join('<br>')}</p>`);
    paragraph = [];
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (depth > 0 || BLOCK_LINE.test(line)) {
      flush();
      if (line !== '') out.push(line);
      depth = Math.max(0, depth + depthChange(line));
    } else if (line === '') {
      flush();
    } else {
      paragraph.push(raw.trimEnd());
    }
  }
  flush();
  return out.join('\n');
}

export type Tool = 'h2' | 'bold' | 'ul' | 'ol';

export interface Edited {
  text: string;
  /** Where the cursor goes after the edit. */
  cursor: number;
}

const placeholders: Record<Tool, string> = { h2: '小标题', bold: '加粗文字', ul: '列表项', ol: '列表项' };

function ownLine(before: string, block: string, after: string): { text: string; start: number } {
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  return { text: `${before}${lead}${block}${trail}${after}`, start: before.length + lead.length };
}

/**
 * A toolbar button: wraps the selected text (H5 reads the selection; WeChat only reports the cursor,
 * so there it inserts a placeholder to type over). Headings and lists go on lines of their own.
 */
export function applyTool(text: string, start: number, end: number, tool: Tool): Edited {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end, from));
  const selected = text.slice(from, to);
  const before = text.slice(0, from);
  const after = text.slice(to);
  const inner = selected.trim() === '' ? placeholders[tool] : selected;
  if (tool === 'bold') {
    const block = `<strong>${inner}</strong>`;
    return { text: before + block + after, cursor: from + block.length };
  }
  if (tool === 'h2') {
    const block = `<h2>${inner.replace(/\s*\n\s*/g, ' ')}</h2>`;
    const placed = ownLine(before, block, after);
    return { text: placed.text, cursor: placed.start + block.length };
  }
  const items = inner
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<li>${line}</li>`);
  const block = `<${tool}>\n${items.join('\n')}\n</${tool}>`;
  const placed = ownLine(before, block, after);
  return { text: placed.text, cursor: placed.start + block.length };
}

/** Inserts an uploaded image on a line of its own; the server turns the file id into a link for readers. */
export function insertImage(text: string, at: number, fileId: string, alt: string): Edited {
  const cut = Math.max(0, Math.min(at, text.length));
  const safeAlt = alt.replace(/["<>&]/g, '');
  const block = `<img src="${fileId}" alt="${safeAlt}">`;
  const placed = ownLine(text.slice(0, cut), block, text.slice(cut));
  return { text: placed.text, cursor: placed.start + block.length };
}
