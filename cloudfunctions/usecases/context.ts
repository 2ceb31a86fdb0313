import type { ActionName, ActionOutput, ActionParsed } from '@core/actions';
import { AppError, ErrorCode } from '@core/errors';
import type { TemplateIds } from '@core/notify/views';
import type { RoleGrant } from '@core/roles';
import type { Ports } from '../ports';
import type { LiveSigner } from './live/signing';

/** Who is calling, as the platform says: never taken from `data`. */
export interface Caller {
  /** OPENID on WeChat, the demo user's id on the local cloud; null for an anonymous follower. */
  openid: string | null;
  /** Every grant the caller holds (stored grants, ADMIN_OPENIDS, and the entrant role of any signed-in user). */
  grants: RoleGrant[];
}

export interface UseCaseContext {
  caller: Caller;
  requestId: string | undefined;
  /** Where the function runs; shown in system.health. */
  runtime: 'local' | 'cloud';
  version: string;
  /** Keyed hash of a normalized ID number: matches duplicates without storing the number. */
  hashIdNumber(normalized: string): string;
  /** Subscription-message template ids of this mini-program, per kind (TEMPLATE_<KIND>); null: inbox only. */
  templates: TemplateIds;
  /** Signs the live log's checkpoints (LIVE_SIGNING_KEY in the cloud, the development key locally). */
  liveSigner: LiveSigner;
}

/** One capability: checks role and ownership, calls core, writes through ports. */
export type UseCase<A extends ActionName> = (
  ctx: UseCaseContext,
  input: ActionParsed<A>,
  ports: Ports,
) => Promise<ActionOutput<A>>;

export type UseCaseTable = { [A in ActionName]: UseCase<A> };

/** One area's use cases, keyed by the actions of its tables (`typeof newsActions & typeof newsAdminActions`). */
export type AreaUseCases<T> = { [A in keyof T & ActionName]: UseCase<A> };

/** The caller's openid, or UNAUTHENTICATED: the router lets anonymous callers reach only public actions. */
export function requireOpenid(openid: string | null): string {
  if (openid === null) throw new AppError(ErrorCode.UNAUTHENTICATED);
  return openid;
}
