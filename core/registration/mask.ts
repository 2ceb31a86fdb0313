import { normalizeMobile } from './contact';
import { normalizeIdNumber } from './id-number';

/**
 * Personal data shown to people who need to recognise it, not to read it (lists, exports, logs).
 * Each mask keeps the length (stars stand for the hidden characters) and shrinks what it reveals on
 * short or malformed input, so a typo never turns into a fully visible number. Never throws.
 */

/** Code points, so a surrogate pair is never split into two halves of which one is shown. */
function chars(s: unknown): string[] {
  return typeof s === 'string' ? Array.from(s) : [];
}

/** Reveals at most `head` + `tail` characters and hides at least `minHidden`, shrinking the larger end first. */
function maskMiddle(cs: string[], head: number, tail: number, minHidden: number): string {
  const reveal = Math.max(0, cs.length - minHidden);
  let h = head;
  let t = tail;
  while (h + t > reveal) {
    if (h >= t) h--;
    else t--;
  }
  return cs.slice(0, h).join('') + '*'.repeat(cs.length - h - t) + cs.slice(cs.length - t).join('');
}

/** `310101199001011234` → `3101**********1234`: first 4 and last 4; at least half of any input stays hidden. */
export function maskIdNumber(s: string): string {
  const cs = chars(typeof s === 'string' ? normalizeIdNumber(s) : s);
  return maskMiddle(cs, 4, 4, Math.ceil(cs.length / 2));
}

/** `13812341234` → `138****1234`: first 3 and last 4; at least 4 (and a third of any input) stay hidden. */
export function maskMobile(s: string): string {
  const cs = chars(typeof s === 'string' ? normalizeMobile(s) : s);
  return maskMiddle(cs, 3, 4, Math.max(4, Math.ceil(cs.length / 3)));
}

/** `张三丰` → `张**`: the first character only; a one-character name is all stars. */
export function maskName(s: string): string {
  const cs = chars(typeof s === 'string' ? s.trim() : s);
  return maskMiddle(cs, 1, 0, Math.max(1, cs.length - 1));
}
