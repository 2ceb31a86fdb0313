import { actions, isActionName, type ActionName } from '@core/actions';
import { AppError, ErrorCode, errorMessages } from '@core/errors';
import type { NotifyKind } from '@core/notify/templates';
import { mayCall, type Access } from '@core/roles';
import { validate } from '@core/validation';
import { REQUEST_ID_PATTERN, type CallResult } from '@core/wire';
import { createHmac, randomUUID } from 'node:crypto';
import type { GenericSchema } from 'valibot';
import { defaultIdempotency, runIdempotent, type IdempotencyOptions } from './idempotency';
import type { Ports } from './ports';
import { useCases as defaultUseCases } from './usecases';
import type { Caller, UseCaseContext, UseCaseTable } from './usecases/context';
import { liveSigner } from './usecases/live/signing';
import { templateIds } from './usecases/notify/template-ids';
import { loadGrants } from './usecases/system/load-grants';

export interface ApiOptions {
  ports: Ports;
  /** Openids that are organizers before any grant exists (ADMIN_OPENIDS). */
  adminOpenids: ReadonlySet<string>;
  runtime: 'local' | 'cloud';
  version: string;
  idempotency?: IdempotencyOptions;
  /** HMAC key for ID numbers (ID_HASH_KEY in the cloud, derived from DATA_DIR's secret locally). */
  idHashKey: Buffer | null;
  /** Subscription-message template ids per kind (TEMPLATE_<KIND> in the cloud: templatesFromEnv). */
  templates?: Partial<Record<NotifyKind, string | null | undefined>>;
  /** Ed25519 PKCS#8 PEM signing the live log's checkpoints (LIVE_SIGNING_KEY); null: the development key locally. */
  liveSigningKey?: string | null;
  /** Tests may swap use cases in; production uses the table in usecases/index.ts. */
  useCases?: UseCaseTable;
}

/** The platform-given identity of one call; how to get it differs per runtime (see identity.ts). */
export interface CallIdentity {
  openid: string | null;
}

export type Api = (event: unknown, identity: CallIdentity) => Promise<CallResult<unknown>>;

function fail(code: ErrorCode, message?: string, details?: Record<string, unknown>): CallResult<never> {
  return { ok: false, error: new AppError(code, message ?? errorMessages[code], details).toBody() };
}

/** Enough of a failure to find it (first lines of the stack), never so much that a caller can flood the log. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : typeof error;
  return text.split('\n').slice(0, 8).join('\n').slice(0, 2000);
}

function readEvent(event: unknown): { action: unknown; data: unknown; requestId: unknown } {
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    return { action: undefined, data: undefined, requestId: undefined };
  const record = event as Record<string, unknown>;
  return { action: record.action, data: record.data, requestId: record.requestId };
}

/**
 * The routed `api` function: action lookup → role check → input validation → (for writes with
 * a requestId) idempotency → use case → `{ok,data}` / `{ok:false,error}`. The order matters: a
 * caller without the role learns nothing about the input schema.
 */
export function createApi(options: ApiOptions): Api {
  const { ports } = options;
  const table = options.useCases ?? defaultUseCases;
  const idempotency = options.idempotency ?? defaultIdempotency;
  const templates = templateIds(options.templates ?? {});
  const signer = liveSigner(options.liveSigningKey, options.runtime);

  function hashIdNumber(normalized: string): string {
    // Refuse rather than hash with a guessable key: a missing key is a deployment error.
    if (options.idHashKey === null || options.idHashKey.length < 32)
      throw new Error('ID_HASH_KEY is not configured (32+ characters)');
    return createHmac('sha256', options.idHashKey).update(normalized).digest('hex');
  }

  return async function api(event, identity) {
    const { action, data, requestId } = readEvent(event);
    const traceId = typeof requestId === 'string' ? requestId : randomUUID();
    try {
      // Only a string is ever echoed: String() of a deeply nested array recurses until the stack overflows.
      if (!isActionName(action)) {
        return fail(
          ErrorCode.UNKNOWN_ACTION,
          typeof action === 'string' ? `不支持的操作：${action.slice(0, 60)}` : '请求缺少操作名称',
        );
      }
      const def: { access: Access; globalOnly?: boolean; readsGrants?: boolean; input: GenericSchema; write: boolean } =
        actions[action];

      const openid = identity.openid;
      // A read of the roles collection is a billed round trip: only where the gate or the use case needs it.
      const needsGrants = typeof def.access !== 'string' || def.readsGrants === true;
      const grants = openid === null || !needsGrants ? [] : await loadGrants(ports.db, openid, options.adminOpenids);
      const access = mayCall(def.access, openid !== null, grants, def.globalOnly === true);
      if (access === 'unauthenticated') return fail(ErrorCode.UNAUTHENTICATED);
      if (access === 'forbidden') {
        // A contest's organizer is told why; anyone else learns only that they may not.
        const scoped = def.globalOnly === true && mayCall(def.access, true, grants) === 'ok';
        return fail(ErrorCode.FORBIDDEN, scoped ? '只有大赛组委会可以进行此操作' : undefined);
      }

      if (requestId !== undefined && (typeof requestId !== 'string' || !REQUEST_ID_PATTERN.test(requestId))) {
        return fail(ErrorCode.INVALID_INPUT, '请求编号格式不正确', {
          requestId: '请求编号应为 8–64 位字母、数字、- 或 _',
        });
      }
      const parsed = validate(def.input, data);
      if (!parsed.ok) return fail(ErrorCode.INVALID_INPUT, undefined, parsed.errors);

      const caller: Caller = { openid, grants };
      const ctx: UseCaseContext = {
        caller,
        requestId: typeof requestId === 'string' ? requestId : undefined,
        runtime: options.runtime,
        version: options.version,
        hashIdNumber,
        templates,
        liveSigner: signer,
      };
      const run = () => invoke(action, ctx, parsed.value);

      if (def.write && openid !== null && typeof requestId === 'string') {
        return await runIdempotent(
          ports.db,
          ports.clock,
          { openid, requestId, action, input: parsed.value },
          run,
          idempotency,
        );
      }
      return await run();
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      ports.log.error('unexpected error', {
        requestId: traceId,
        action: typeof action === 'string' ? action.slice(0, 60) : null,
        openid: identity.openid,
        error: describeError(error),
      });
      return fail(ErrorCode.INTERNAL);
    }
  };

  async function invoke(action: ActionName, ctx: UseCaseContext, input: unknown): Promise<CallResult<unknown>> {
    try {
      // The table is keyed by action, so the use case and its parsed input always match.
      const useCase = table[action] as (c: UseCaseContext, i: unknown, p: Ports) => Promise<unknown>;
      return { ok: true, data: await useCase(ctx, input, ports) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      throw error;
    }
  }
}
