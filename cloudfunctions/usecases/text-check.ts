import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import type { ContentCheck } from '../ports';

/**
 * Every user-entered text passes the content check, each field on its own so the form can say which
 * one; WeChat's "review" is let through and logged by the caller's policy, only "risky" is refused.
 */
export async function assertTextsClean(
  contentCheck: ContentCheck,
  openid: string,
  texts: Record<string, string | undefined>,
): Promise<void> {
  const entries = Object.entries(texts).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  const verdicts = await Promise.all(
    entries.map(async ([field, text]) => [field, await contentCheck.checkText({ openid, text, scene: 1 })] as const),
  );
  const details: FieldErrors = {};
  for (const [field, verdict] of verdicts) {
    if (verdict.verdict === 'risky')
      details[field] = `含有不适宜的内容${verdict.label ? `（${verdict.label}）` : ''}，请修改`;
  }
  if (Object.keys(details).length > 0) throw new AppError(ErrorCode.CONTENT_RISKY, undefined, details);
}
