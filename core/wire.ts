import { ErrorCode, type ErrorBody } from './errors';

/** What a client sends to a cloud function. */
export interface CallRequest<D = unknown> {
  action: string;
  data?: D;
  /** Makes a write idempotent: a repeat gets the stored answer. */
  requestId?: string;
}

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The codes after which a write may or may not have been applied: no answer came back (NETWORK), the
 * server failed unexpectedly and released its record (INTERNAL), or the first attempt is still running
 * (REQUEST_IN_PROGRESS). Any other answer is final for its requestId: the server keeps it and would
 * only give it again, so the next attempt is a new write with a new id.
 */
export const OUTCOME_UNKNOWN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  ErrorCode.NETWORK,
  ErrorCode.INTERNAL,
  ErrorCode.REQUEST_IN_PROGRESS,
]);

/** A retry after these must reuse the requestId, so the server runs the write at most once. */
export function outcomeUnknown(code: string): boolean {
  return OUTCOME_UNKNOWN_CODES.has(code);
}
