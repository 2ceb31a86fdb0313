import type { CloudError } from '../../services/cloud';
import type { PageShellProps } from './index';

/** What shellFor needs of a query: useCloudQuery and useCachedCloudQuery both give it. */
export interface ShellQuery {
  data: unknown;
  loading: boolean;
  error: CloudError | null;
  reload: () => void;
}

/** The gate: useAreaAccess(area), `{ allowed: user !== null, shell }` from useSignedIn, or openToAll. */
export interface ShellAccess {
  allowed: boolean;
  shell: Pick<PageShellProps, 'loading' | 'error' | 'onRetry' | 'forbidden'> &
    Partial<Pick<PageShellProps, 'forbiddenAction'>>;
}

/** The gate of a page anyone may open (followers included). */
export const openToAll: ShellAccess = { allowed: true, shell: {} };

/**
 * PageShell's props for a page: loading until the gate and every query that has never answered have answered
 * (a reload keeps the page in place), the first error of a query with nothing to show, 重试 reloading what
 * failed. Pass `null` for a query that does not apply yet (e.g. a list before its contest is chosen).
 */
export function shellFor(access: ShellAccess, ...queries: Array<ShellQuery | null | undefined>): PageShellProps {
  const active = queries.filter((q): q is ShellQuery => q != null);
  const firstLoad = active.some((q) => q.loading && q.data === undefined);
  const failed = active.filter((q) => q.error !== null && q.data === undefined);
  return {
    ...access.shell,
    loading: access.shell.loading || (access.allowed && firstLoad),
    error: access.shell.error ?? failed[0]?.error ?? null,
    onRetry: () => {
      if (access.shell.error) access.shell.onRetry?.();
      for (const q of failed.length > 0 ? failed : active) q.reload();
    },
  };
}
