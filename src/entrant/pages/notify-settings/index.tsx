/**
 * 我的 → 消息设置: for each kind of message, how many more WeChat will deliver to the caller (each 允许 allows one;
 * the platform counts them, WeChat cannot be asked) and a tap to allow one more; the contests they follow.
 */
import '../../lib/actions';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { NotifySettingView } from '@core/notify/views';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageShowAgain } from '../../../hooks/usePageLifecycle';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { useSubscribePrompt } from '../../../hooks/useSubscribePrompt';
import { routes } from '../../../services/routes';

import './index.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

export default function NotifySettingsPage() {
  const { user, shell } = useSignedIn('请先登录后设置消息');
  const settings = useCloudQuery('notify.setting.get', {}, { enabled: user !== null, key: user?.openid });
  const { ask, asking } = useSubscribePrompt();
  usePageShowAgain(settings.reload);

  // Straight from the tap: WeChat shows its prompt only there.
  const addOne = (kind: NotifySettingView['kind']) => {
    void ask([kind]).then((outcome) => {
      if (outcome?.accepted.length) void Taro.showToast({ title: '已订阅一条', icon: 'success' });
      else if (outcome?.channel === 'inbox') void Taro.showToast({ title: '消息将在「消息」中查看', icon: 'none' });
      settings.reload();
    });
  };

  const data = settings.data;
  return (
    <PageShell title="消息设置" {...shellFor({ allowed: user !== null, shell }, settings)}>
      <View className="note notify-rule">
        {isWeapp
          ? '微信规定：每点一次「允许」，平台可以给你发送一条该类消息。所有通知都会同时保存在「消息」里。'
          : '浏览器中没有微信订阅消息：所有通知都在「我的 → 消息」里查看。本地云会模拟微信的订阅弹窗。'}
      </View>
      {data?.mainSwitchOff ? (
        <View className="notify-switch-off note">
          <Text>你关闭了本小程序的订阅消息，微信不会再弹出订阅提示。</Text>
          {isWeapp ? (
            <Button
              className="notify-open-setting button"
              onClick={() => void Taro.openSetting({ withSubscriptions: true })}
            >
              去设置中打开
            </Button>
          ) : null}
        </View>
      ) : null}
      {(data?.kinds ?? []).map((kind) => (
        <View key={kind.kind} className={`notify-kind notify-kind-${kind.kind} card`}>
          <View className="notify-kind__head">
            <Text className="notify-kind__title">{kind.title}</Text>
            <Text className="notify-kind-credits muted">
              {kind.templateId === null ? '仅站内消息' : `可接收 ${kind.credits} 条`}
            </Text>
          </View>
          <View className="muted">{kind.purpose}</View>
          {kind.templateId !== null ? (
            <Button className="notify-kind-add button" disabled={asking} onClick={() => addOne(kind.kind)}>
              再订阅一条
            </Button>
          ) : null}
        </View>
      ))}
      {data && data.contests.length > 0 ? (
        <View>
          <View className="section-title">已订阅提醒的赛事</View>
          {data.contests.map((c) => (
            <View
              key={c.contestId}
              className="notify-contest card"
              onClick={() => void Taro.navigateTo({ url: routes.contest(c.contestId) })}
            >
              {c.name}
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
