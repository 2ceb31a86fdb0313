import Taro from '@tarojs/taro';
import type { MeOutput } from '@core/system/views';
import type { PageShellProps } from '../components/PageShell';
import { routes } from '../services/routes';
import { useMe } from './useMe';

/**
 * For pages every signed-in user may use (报名, 服务机构入驻). On WeChat everyone is signed in (the
 * platform's OPENID); on H5 a visitor is told why and offered the sign-in page.
 */
export function useSignedIn(reason: string): {
  me: MeOutput | null;
  user: NonNullable<MeOutput['user']> | null;
  shell: Pick<PageShellProps, 'loading' | 'error' | 'onRetry' | 'forbidden' | 'forbiddenAction'>;
} {
  const { me, loading, error, reload } = useMe();
  const user = me?.user ?? null;
  const visitor = me !== null && user === null;
  return {
    me,
    user,
    shell: {
      loading: loading && me === null,
      error: me === null ? error : null,
      onRetry: reload,
      forbidden: visitor ? reason : null,
      forbiddenAction:
        visitor && process.env.TARO_ENV === 'h5'
          ? { label: '登录', onClick: () => void Taro.navigateTo({ url: routes.login }) }
          : null,
    },
  };
}
