import { areaInfo, hasRole, roleLabels, type Area } from '@core/roles';
import type { MeOutput } from '@core/system/views';
import type { PageShellProps } from '../components/PageShell';
import { useMe } from './useMe';

/**
 * Whether the caller holds the role of a role area, plus the PageShell props that say so. The server
 * refuses the area's actions anyway; this only spares the user a page of errors.
 */
export function useAreaAccess(area: Area): {
  me: MeOutput | null;
  allowed: boolean;
  shell: Pick<PageShellProps, 'loading' | 'error' | 'onRetry' | 'forbidden'>;
} {
  const { me, loading, error, reload } = useMe();
  const role = areaInfo[area].role;
  const allowed = me !== null && hasRole(me.roles, role);
  return {
    me,
    allowed,
    shell: {
      loading: loading && me === null,
      error: me === null ? error : null,
      onRetry: reload,
      forbidden: me !== null && !allowed ? `此页面仅限${roleLabels[role]}访问` : null,
    },
  };
}
