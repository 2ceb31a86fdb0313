import * as v from 'valibot';
import type { FieldErrors } from './errors';

/** Chinese fallback for any check a schema did not word itself. */
function fallbackMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received === 'undefined') return '此项为必填项';
  if (issue.kind === 'schema') return '格式不正确';
  return '填写的内容不符合要求';
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Parses untrusted input. Errors come back per field, keyed by dot path
 * (`members.0.name`), one Chinese message each; problems of the whole input use the key `_`.
 */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { message: fallbackMessage });
  if (result.success) return { ok: true, value: result.output };
  const errors: FieldErrors = {};
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? '_';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
