/** Who may do what. A grant is global (contestId null) or for one contest. */
export const ROLES = ['entrant', 'judge', 'organizer', 'notary', 'institution'] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = {
  entrant: '参赛者',
  judge: '评委',
  organizer: '组委会',
  notary: '公证员',
  institution: '服务机构',
};

export interface RoleGrant {
  role: Role;
  /** null: every contest. */
  contestId: string | null;
}

/**
 * The role areas of the mini-program, each opening on its home page. `packages`: the subpackages whose pages belong
 * to the area (the host console is the organizer's, in a subpackage of its own so the admin one stays in budget).
 */
export const AREAS = ['entrant', 'judge', 'admin', 'notary'] as const;
export type Area = (typeof AREAS)[number];

export const areaInfo: Record<Area, { label: string; role: Role; home: string; packages: readonly string[] }> = {
  entrant: { label: '参赛报名', role: 'entrant', home: '/entrant/pages/home/index', packages: ['entrant'] },
  judge: { label: '评审工作台', role: 'judge', home: '/judge/pages/home/index', packages: ['judge'] },
  admin: { label: '赛事管理', role: 'organizer', home: '/admin/pages/home/index', packages: ['admin', 'stage'] },
  notary: { label: '现场公证', role: 'notary', home: '/notary/pages/home/index', packages: ['notary'] },
};

export function hasRole(grants: readonly RoleGrant[], role: Role, contestId?: string): boolean {
  return grants.some(
    (g) => g.role === role && (g.contestId === null || contestId === undefined || g.contestId === contestId),
  );
}

/** A grant for every contest, e.g. the 组委会 itself rather than one regional organizer. */
export function holdsGlobally(grants: readonly RoleGrant[], role: Role): boolean {
  return grants.some((g) => g.role === role && g.contestId === null);
}

export function areasFor(grants: readonly RoleGrant[]): Area[] {
  return AREAS.filter((area) => hasRole(grants, areaInfo[area].role));
}

/** Who may call an action: anyone, any signed-in user, or holders of one of the roles. */
export type Access = 'public' | 'user' | readonly Role[];

/**
 * The gate of every action. `globalOnly`: the role must be held for every contest (the 组委会 itself), for
 * actions over data that belongs to no single contest. Contest scope and ownership are the use case's to check.
 */
export function mayCall(
  access: Access,
  signedIn: boolean,
  grants: readonly RoleGrant[],
  globalOnly = false,
): 'ok' | 'unauthenticated' | 'forbidden' {
  if (access === 'public') return 'ok';
  if (!signedIn) return 'unauthenticated';
  if (access === 'user') return 'ok';
  const held = globalOnly
    ? access.some((role) => holdsGlobally(grants, role))
    : access.some((role) => hasRole(grants, role));
  return held ? 'ok' : 'forbidden';
}
