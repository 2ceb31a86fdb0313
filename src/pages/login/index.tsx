/**
 * H5-only dev sign-in: the local cloud's demo users (GET /dev/users); tapping one signs in as them
 * (POST /dev/login), keeps the token in storage and goes back to 我的. Not built into the weapp.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { listDemoUsers, signInAs, type DemoUser } from '../../services/auth';
import { toCloudError, type CloudError } from '../../services/cloud';
import './index.scss';

export default function LoginPage() {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [loadError, setLoadError] = useState<CloudError | null>(null);
  const [signInError, setSignInError] = useState<CloudError | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    setUsers(null);
    listDemoUsers().then(setUsers, (error: unknown) => setLoadError(toCloudError(error)));
  }, []);
  useEffect(load, [load]);

  const choose = (key: string) => {
    if (busyKey) return;
    setBusyKey(key);
    setSignInError(null);
    signInAs(key).then(
      () => void Taro.switchTab({ url: '/pages/me/index' }),
      (error: unknown) => {
        setSignInError(toCloudError(error));
        setBusyKey(null);
      },
    );
  };

  return (
    <PageShell
      title="选择演示账号"
      loading={users === null && loadError === null}
      error={loadError}
      onRetry={load}
      empty={users?.length === 0}
      emptyText="本地云没有演示账号"
    >
      <View className="note">
        仅用于本地开发环境：选择一个演示身份登录，体验对应角色的页面。
        <Text className="login-dev-messages" onClick={() => void Taro.navigateTo({ url: '/pages/dev-messages/index' })}>
          查看本地模拟的微信消息 ›
        </Text>
      </View>
      {signInError ? <View className="login-error note">登录失败：{signInError.message}</View> : null}
      {(users ?? []).map((user) => (
        <View
          key={user.key}
          className={`demo-user demo-user-${user.key} card`}
          hoverClass="demo-user--active"
          onClick={() => choose(user.key)}
        >
          <Text className="card__title">{user.name}</Text>
          <View className="muted">{busyKey === user.key ? '正在登录…' : user.description}</View>
        </View>
      ))}
    </PageShell>
  );
}
