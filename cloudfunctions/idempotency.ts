import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { AppError, ErrorCode } from '@core/errors';
import type { CallResult } from '@core/wire';
import { DbError, type Clock, type Db } from './ports';
import { C, type RequestDoc } from './usecases/collections';

export interface IdempotencyOptions {
  /** How long a stored answer is kept (the cron job purges older records). */
  keepMs: number;
  /** After this, a pending record whose worker crashed may be taken over. */
  leaseMs: number;
  /** How long a concurrent repeat waits for the first attempt's answer. */
  waitMs: number;
  pollMs: number;
}

export const defaultIdempotency: IdempotencyOptions = {
  keepMs: 24 * 3600_000,
  leaseMs: 20_000,
  waitMs: 8_000,
  pollMs: 100,
};

export interface IdempotentCall {
  openid: string;
  requestId: string;
  action: string;
  input: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function requestRecordId(openid: string, requestId: string): string {
  return `${openid}:${requestId}`;
}

/** Tells a true repeat from a reused requestId carrying other input. */
export function inputFingerprint(input: unknown): string {
  return createHash('sha256')
    .update(stableStringify(input ?? null))
    .digest('hex');
}

/**
 * Runs a write at most once per (caller, requestId). The first attempt claims the key by
 * inserting a pending record (an insert conflict is the lock, so two arrivals at once cannot both
 * run); repeats wait for and return the stored answer. An unexpected failure releases the key so
 * a retry runs again; an AppError answer is stored like a success, since the same input gives it again.
 */
export async function runIdempotent(
  db: Db,
  clock: Clock,
  call: IdempotentCall,
  run: () => Promise<CallResult<unknown>>,
  options: IdempotencyOptions = defaultIdempotency,
): Promise<CallResult<unknown>> {
  const requests = db.collection<RequestDoc>(C.requests);
  const id = requestRecordId(call.openid, call.requestId);
  const fingerprint = inputFingerprint(call.input);

  const claimed = await claim();
  if (!claimed) return waitForAnswer();
  return execute();

  async function claim(): Promise<boolean> {
    const now = clock.now();
    try {
      await requests.create({
        _id: id,
        openid: call.openid,
        action: call.action,
        fingerprint,
        status: 'pending',
        leaseUntil: new Date(now.getTime() + options.leaseMs).toISOString(),
        result: null,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + options.keepMs).toISOString(),
      });
      return true;
    } catch (error) {
      if (error instanceof DbError && error.code === 'DUPLICATE') return false;
      throw error;
    }
  }

  async function execute(): Promise<CallResult<unknown>> {
    let result: CallResult<unknown>;
    try {
      result = await run();
    } catch (error) {
      await requests.remove(id);
      throw error;
    }
    if (!result.ok && result.error.code === ErrorCode.INTERNAL) {
      await requests.remove(id);
    } else {
      await requests.update(id, { status: 'done', result });
    }
    return result;
  }

  async function waitForAnswer(): Promise<CallResult<unknown>> {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      const record = await requests.get(id);
      if (record === null) {
        // The first attempt failed unexpectedly and released the key: this repeat runs it.
        if (await claim()) return execute();
        continue;
      }
      if (record.action !== call.action || record.fingerprint !== fingerprint) {
        throw new AppError(ErrorCode.REQUEST_ID_REUSED);
      }
      if (record.status === 'done' && record.result !== null) return record.result;
      if (Date.parse(record.leaseUntil) < clock.now().getTime() && (await takeOver(record))) return execute();
      if (Date.now() >= deadline) throw new AppError(ErrorCode.REQUEST_IN_PROGRESS);
      await sleep(options.pollMs);
    }
  }

  /** The worker holding the lease is gone: extend the lease for ourselves, unless someone else did first. */
  async function takeOver(seen: RequestDoc): Promise<boolean> {
    return db.transaction(async (tx) => {
      const current = await tx.get<RequestDoc>(C.requests, id);
      if (current === null || current.status !== 'pending' || current.leaseUntil !== seen.leaseUntil) return false;
      const leaseUntil = new Date(clock.now().getTime() + options.leaseMs).toISOString();
      await tx.update<RequestDoc>(C.requests, id, { leaseUntil });
      return true;
    });
  }
}
