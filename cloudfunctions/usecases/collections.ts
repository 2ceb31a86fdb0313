import type { CallResult } from '@core/wire';
import type { Contest, Edition } from '@core/contest/types';
import type { Role } from '@core/roles';

/** Collection names and document shapes, in one place (see cloudfunctions/database/ for indexes and rules). */
export const C = {
  users: 'users',
  roles: 'roles',
  editions: 'editions',
  contests: 'contests',
  requests: 'requests',
  jobs: 'jobs',
} as const;

export interface UserDoc {
  _id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** `_id` = `<role>:<contestId or *>:<openid>`: one grant, idempotent to write. */
export interface RoleGrantDoc {
  _id: string;
  openid: string;
  role: Role;
  contestId: string | null;
  createdAt: string;
}

export function roleGrantId(openid: string, role: Role, contestId: string | null): string {
  return `${role}:${contestId ?? '*'}:${openid}`;
}

export type EditionDoc = Edition;
export type ContestDoc = Contest;

/** An idempotency record: `_id` = `<openid>:<requestId>`. */
export interface RequestDoc {
  _id: string;
  openid: string;
  action: string;
  fingerprint: string;
  status: 'pending' | 'done';
  /** While pending: after this instant another attempt may take over (the first one crashed). */
  leaseUntil: string;
  result: CallResult<unknown> | null;
  createdAt: string;
  expiresAt: string;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobDoc {
  _id: string;
  kind: string;
  status: JobStatus;
  runAt: string;
  /** Seconds between runs of a recurring job; null for one-off jobs. */
  everySeconds: number | null;
  payload: Record<string, unknown>;
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  lastRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}
