import type * as v from 'valibot';
import type { Access } from './roles';

/**
 * One action of the wire contract: its input schema (used by forms in src/ and by the router in the cloud),
 * who may call it, whether it writes (writes honour `requestId`), and its output type. Each area of the
 * contest keeps its own table (`core/<area>/actions.ts`, organizers' in `admin-actions.ts`); core/actions.ts
 * merges them.
 */
export interface ActionDef<S extends v.GenericSchema, O> {
  input: S;
  access: Access;
  write: boolean;
  /**
   * Only holders of the role for every contest (the 组委会 itself, ADMIN_OPENIDS) may call it: platform-wide
   * settings and data that belong to no one contest. A contest-scoped organizer gets FORBIDDEN.
   */
  globalOnly?: boolean;
  /**
   * A public or signed-in action whose use case reads the caller's roles (auth.me, file links): the router loads
   * the grants for it. Others skip that read; role-restricted actions always have them.
   */
  readsGrants?: boolean;
  /** Type-only marker carrying the output type. */
  readonly output?: O;
}

export function defineAction<O>() {
  return <S extends v.GenericSchema>(def: {
    input: S;
    access: Access;
    write: boolean;
    globalOnly?: boolean;
    readsGrants?: boolean;
  }): ActionDef<S, O> => def;
}

/** Any area's table, as the merge and the clients' registries see it. */
export type ActionTable = Record<string, ActionDef<v.GenericSchema, unknown>>;
