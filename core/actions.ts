import * as v from 'valibot';
import type { Access, Area, RoleGrant } from './roles';
import type { ContestKind, Group, RegistrationStatus, StagePlan } from './contest/types';
import { id, noInput, text } from './schemas/common';

/**
 * The action table: the single source of the wire types. Each action names its input schema
 * (used by forms in src/ and by the router in the cloud), who may call it, whether it writes
 * (writes honour `requestId`), and its output type.
 */
interface ActionDef<S extends v.GenericSchema, O> {
  input: S;
  access: Access;
  write: boolean;
  /** Type-only marker carrying the output type. */
  readonly output?: O;
}

function defineAction<O>() {
  return <S extends v.GenericSchema>(def: { input: S; access: Access; write: boolean }): ActionDef<S, O> => def;
}

export interface HealthOutput {
  status: 'ok';
  time: string;
  version: string;
  runtime: 'local' | 'cloud';
}

export interface MeOutput {
  user: { openid: string; name: string } | null;
  roles: Array<RoleGrant & { contestName: string | null }>;
  areas: Area[];
}

export interface ContestSummary {
  id: string;
  name: string;
  kind: ContestKind;
  editionName: string;
  year: number;
  hostRegion: string;
  groups: Group[];
  registration: { opensAt: string; closesAt: string; status: RegistrationStatus };
  stages: StagePlan[];
}

export interface SystemStatusOutput {
  counts: Record<'users' | 'roles' | 'contests' | 'requests' | 'jobs', number>;
  jobs: Array<{
    id: string;
    kind: string;
    status: 'pending' | 'running' | 'done' | 'failed';
    runAt: string;
    lastRunAt: string | null;
    lastError: string | null;
  }>;
}

export const profileInput = v.object({ name: text('昵称', { max: 20 }) });

export const actions = {
  'system.health': defineAction<HealthOutput>()({ input: noInput, access: 'public', write: false }),
  'auth.me': defineAction<MeOutput>()({ input: noInput, access: 'public', write: false }),
  'auth.updateProfile': defineAction<NonNullable<MeOutput['user']>>()({
    input: profileInput,
    access: 'user',
    write: true,
  }),
  'admin.system.status': defineAction<SystemStatusOutput>()({ input: noInput, access: ['organizer'], write: false }),
  'contest.list': defineAction<{ items: ContestSummary[] }>()({
    input: v.optional(v.object({ editionId: v.optional(id('届次')) }), {}),
    access: 'public',
    write: false,
  }),
} as const;

export type ActionName = keyof typeof actions;
export type ActionInput<A extends ActionName> = v.InferInput<(typeof actions)[A]['input']>;
export type ActionParsed<A extends ActionName> = v.InferOutput<(typeof actions)[A]['input']>;
export type ActionOutput<A extends ActionName> = NonNullable<(typeof actions)[A]['output']>;

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name);
}

/** Which cloud function serves an action; one routed function for now. */
export function functionFor(_action: ActionName): 'api' {
  return 'api';
}
