import type { Area, RoleGrant } from '../roles';

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
