import type { ErrorBody } from './errors';

/** What a client sends to a cloud function. */
export interface CallRequest<D = unknown> {
  action: string;
  data?: D;
  /** Makes a write idempotent: a repeat gets the stored answer. */
  requestId?: string;
}

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
