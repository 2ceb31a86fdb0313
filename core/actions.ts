import type * as v from 'valibot';
import { contestActions } from './contest/actions';
import { contestAdminActions } from './contest/admin-actions';
import { filesActions } from './files/actions';
import { homeActions } from './home/actions';
import { inboxActions } from './inbox/actions';
import { inboxEntrantActions } from './inbox/entrant-actions';
import { institutionActions } from './institution/actions';
import { institutionAdminActions } from './institution/admin-actions';
import { judgingActions } from './judging/actions';
import { judgingAdminActions } from './judging/admin-actions';
import { liveActions } from './live/actions';
import { liveAdminActions } from './live/admin-actions';
import { newsActions } from './news/actions';
import { newsAdminActions } from './news/admin-actions';
import { notifyActions } from './notify/actions';
import { notifyAdminActions } from './notify/admin-actions';
import { registrationActions } from './registration/actions';
import { registrationAdminActions } from './registration/admin-actions';
import { registrationEntrantActions } from './registration/entrant-actions';
import { resultsActions } from './results/actions';
import { resultsAdminActions } from './results/admin-actions';
import { systemActions } from './system/actions';

/**
 * The action table: every area's actions merged, the single source of the wire types. The router validates
 * with it; a client package validates with the tables of the areas it calls (src/services/cloud.ts), so the
 * mini-program's main package carries no organizer's or judge's schema. Naming: see docs/ARCHITECTURE.md.
 */
export const actions = {
  ...systemActions,
  ...homeActions,
  ...contestActions,
  ...contestAdminActions,
  ...registrationActions,
  ...registrationEntrantActions,
  ...registrationAdminActions,
  ...institutionActions,
  ...institutionAdminActions,
  ...filesActions,
  ...newsActions,
  ...newsAdminActions,
  ...resultsActions,
  ...resultsAdminActions,
  ...judgingActions,
  ...judgingAdminActions,
  ...liveActions,
  ...liveAdminActions,
  ...notifyActions,
  ...notifyAdminActions,
  ...inboxActions,
  ...inboxEntrantActions,
} as const;

export type ActionName = keyof typeof actions;
export type ActionInput<A extends ActionName> = v.InferInput<(typeof actions)[A]['input']>;
export type ActionParsed<A extends ActionName> = v.InferOutput<(typeof actions)[A]['input']>;
export type ActionOutput<A extends ActionName> = NonNullable<(typeof actions)[A]['output']>;

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name);
}
