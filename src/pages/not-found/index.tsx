/**
 * Where an unknown address lands (an old shared link, a mistyped URL): the app's onPageNotFound redirects here
 * instead of leaving a blank page (H5) or WeChat's own 页面不存在. Says what happened and leads home.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { routes } from '../../services/routes';

export default function NotFoundPage() {
  return (
    <PageShell>
      <View className="page-not-found page-state">
        <Text className="page-state__text">页面不存在或已下线，可能是链接有误或内容已调整</Text>
        <Button
          className="page-not-found-home page-state__button primary-button"
          onClick={() => void Taro.switchTab({ url: routes.home })}
        >
          返回首页
        </Button>
      </View>
    </PageShell>
  );
}
