import type { ContentCheck, ContentVerdict } from '../../ports';
import { MSG_SEC_CHECK_MAX_CHARS, MSG_SEC_CHECK_NORMAL_LABEL, msgSecCheckLabelName } from '../content-labels';
import { isWxCloudSdkError } from './wx-cloud-types';
import type { WxOpenApi, WxSecSuggest } from './wx-cloud-types';

const SEVERITY: Record<ContentVerdict, number> = { pass: 0, review: 1, risky: 2 };

function verdictOf(suggest: WxSecSuggest | string): ContentVerdict {
  if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest;
  // An unknown suggestion must not let text through unseen.
  return 'review';
}

/** Splits by code points so a surrogate pair is never cut in half. */
function chunks(text: string, size: number): string[] {
  const points = Array.from(text);
  const parts: string[] = [];
  for (let i = 0; i < points.length; i += size) parts.push(points.slice(i, i + size).join(''));
  return parts;
}

/**
 * Text checks through `cloud.openapi.security.msgSecCheck` (version 2). The decision follows `result`
 * (WeChat: "以result返回值为准"), not the per-strategy `detail`. Text longer than the API's limit is checked in
 * pieces and the worst piece decides.
 */
export function createCloudContentCheck(openapi: Pick<WxOpenApi, 'security'>): ContentCheck {
  return {
    async checkText({ openid, text, scene }) {
      // Nothing to judge; WeChat refuses an empty content rather than passing it.
      if (text.trim() === '') return { verdict: 'pass' };
      let worst: { verdict: ContentVerdict; label?: string } = { verdict: 'pass' };
      for (const content of chunks(text, MSG_SEC_CHECK_MAX_CHARS)) {
        let answer;
        try {
          answer = await openapi.security.msgSecCheck({ openid, scene, version: 2, content });
        } catch (error) {
          if (isWxCloudSdkError(error)) {
            throw new Error(`内容安全检测失败（${error.errCode}）：${error.errMsg}`, { cause: error });
          }
          throw error;
        }
        if (answer.errCode !== 0) throw new Error(`内容安全检测失败（${answer.errCode}）：${answer.errMsg}`);
        const verdict = verdictOf(answer.result.suggest);
        if (SEVERITY[verdict] > SEVERITY[worst.verdict]) {
          worst =
            verdict === 'pass' || answer.result.label === MSG_SEC_CHECK_NORMAL_LABEL
              ? { verdict }
              : { verdict, label: msgSecCheckLabelName(answer.result.label) };
        }
        if (worst.verdict === 'risky') break;
      }
      return worst;
    },
  };
}
