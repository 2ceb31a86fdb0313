import type { ContentCheck } from '../../ports';
import { msgSecCheckLabelName } from '../content-labels';

/**
 * A handful of words that are clearly abusive, gambling or spam, with the msgSecCheck label each would get.
 * Enough to exercise the refusal paths on the local cloud; the real list lives at WeChat.
 */
export const LOCAL_BLOCKED_WORDS: ReadonlyArray<{ word: string; label: number }> = [
  // 20003 辱骂
  { word: '傻逼', label: 20003 },
  { word: '操你妈', label: 20003 },
  { word: '去死吧', label: 20003 },
  // 20006 违法犯罪 (gambling)
  { word: '网络赌博', label: 20006 },
  { word: '赌博网站', label: 20006 },
  { word: '六合彩', label: 20006 },
  // 10001 广告 (spam)
  { word: '加微信领红包', label: 10001 },
  { word: '刷单返利', label: 10001 },
  { word: '代开发票', label: 10001 },
];

/**
 * Folds the usual tricks before matching: full-width forms become half-width (NFKC), letters lower-case,
 * and spaces (including the ideographic space) and zero-width characters disappear, so "代 开 发 票" and
 * "ＡＢＣ" match like their plain forms.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
}

const NORMALIZED = LOCAL_BLOCKED_WORDS.map((entry) => ({ ...entry, normalized: normalizeForMatch(entry.word) }));

/** The first listed word the text contains after normalising, or null. */
export function findBlockedWord(text: string): { word: string; label: number } | null {
  const haystack = normalizeForMatch(text);
  const hit = NORMALIZED.find((entry) => haystack.includes(entry.normalized));
  return hit ? { word: hit.word, label: hit.label } : null;
}

/** The local cloud's msgSecCheck: risky with the label's Chinese name on a listed word, pass otherwise. */
export function createLocalContentCheck(): ContentCheck {
  return {
    async checkText({ text }) {
      const hit = findBlockedWord(text);
      return hit ? { verdict: 'risky', label: msgSecCheckLabelName(hit.label) } : { verdict: 'pass' };
    },
  };
}
