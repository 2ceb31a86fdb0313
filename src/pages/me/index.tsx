/**
 * 我的: who the caller is (auth.me), their roles, and a door into each role area they hold.
 * On H5 the local cloud's demo users can be switched here; on WeChat identity is the platform's.
 */
import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { areaInfo, hasRole, roleLabels, type Area } from '@core/roles';
import { MyEntries } from '../../components/MyEntries';
import { MyObjections } from '../../components/MyObjections';
import { PageShell } from '../../components/PageShell';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { useMe } from '../../hooks/useMe';
import { usePageShowAgain } from '../../hooks/usePageLifecycle';
import { clearToken } from '../../services/auth';
import { showUnread } from '../../services/inbox-badge';
import { routes } from '../../services/routes';
import { ProfileEditor } from './ProfileEditor';
import './index.scss';

const isH5 = process.env.TARO_ENV === 'h5';
/** In the judge subpackage; written out here so 我的 does not import from it. */
const JUDGE_BIND_PAGE = '/judge/pages/bind/index';

export default function MePage() {
  const { me, loading, error, reload } = useMe();
  return (
    <PageShell title="我的" loading={loading && me === null} error={me === null ? error : null} onRetry={reload}>
      {me ? (
        <View>
          <View className="card me-card">
            {me.user ? (
              <View className="me-header">
                <Text className="me-name card__title">{me.user.name}</Text>
                <ProfileEditor key={me.user.name} name={me.user.name} />
              </View>
            ) : (
              <Text className="me-anonymous card__title">未登录（游客）</Text>
            )}
            {me.roles.length > 0 ? (
              <View className="me-roles">
                {me.roles.map((grant) => (
                  <View key={`${grant.role}:${grant.contestId ?? '*'}`} className="me-role">
                    <Text className="me-role__label">{roleLabels[grant.role]}</Text>
                    <Text className="muted">{grant.contestName ?? '全部赛事'}</Text>
                  </View>
                ))}
              </View>
            ) : (
              <View className="muted">{me.user ? '暂无角色' : '可浏览赛事、新闻与成绩'}</View>
            )}
          </View>

          {me.user ? <MessagesSection key={`m:${me.user.openid}`} openid={me.user.openid} /> : null}
          {me.user ? <MyEntriesSection key={me.user.openid} openid={me.user.openid} /> : null}
          {me.user ? <MyObjectionsSection key={`o:${me.user.openid}`} openid={me.user.openid} /> : null}

          {me.areas.length > 0 ? (
            <View>
              <View className="section-title">我的工作区</View>
              {me.areas.map((area) => (
                <AreaLink key={area} area={area} />
              ))}
            </View>
          ) : null}

          {me.user && !hasRole(me.roles, 'judge') ? (
            <View
              className="me-judge-bind area-link card"
              onClick={() => void Taro.navigateTo({ url: JUDGE_BIND_PAGE })}
              hoverClass="area-link--active"
            >
              <Text className="area-link__label">我是评委：绑定邀请码</Text>
              <Text className="area-link__arrow">›</Text>
            </View>
          ) : null}

          <View
            className="me-institution-link area-link card"
            onClick={() => void Taro.navigateTo({ url: routes.institution })}
            hoverClass="area-link--active"
          >
            <Text className="area-link__label">服务机构入驻</Text>
            <Text className="area-link__arrow">›</Text>
          </View>

          {isH5 ? <DevAccount signedIn={me.user !== null} /> : null}
        </View>
      ) : null}
    </PageShell>
  );
}

/** 消息 with its unread count (the tab's badge follows it) and 消息设置. */
function MessagesSection({ openid }: { openid: string }) {
  const count = useCloudQuery('inbox.count', {}, { key: openid });
  usePageShowAgain(count.reload);
  const unread = count.data?.unread;
  useEffect(() => {
    if (unread !== undefined) showUnread(unread);
  }, [unread]);
  return (
    <View className="me-messages card">
      <View
        className="me-inbox-link me-messages__row"
        onClick={() => void Taro.navigateTo({ url: routes.inbox })}
        hoverClass="area-link--active"
      >
        <Text className="area-link__label">消息</Text>
        <View className="me-messages__end">
          {unread ? <Text className="me-unread">{unread > 99 ? '99+' : unread}</Text> : null}
          <Text className="area-link__arrow">›</Text>
        </View>
      </View>
      <View
        className="me-notify-settings-link me-messages__row"
        onClick={() => void Taro.navigateTo({ url: routes.notifySettings })}
        hoverClass="area-link--active"
      >
        <Text className="area-link__label">消息设置</Text>
        <Text className="area-link__arrow">›</Text>
      </View>
    </View>
  );
}

/** 我的报名; refreshed whenever the tab is shown again, since a submit or withdraw happens on other pages. */
function MyEntriesSection({ openid }: { openid: string }) {
  const mine = useCloudQuery('registration.mine', {}, { key: openid });
  usePageShowAgain(mine.reload);
  return (
    <View className="me-entries">
      <View className="section-title">我的报名</View>
      {mine.error ? (
        <View className="me-entries-error muted card" onClick={mine.reload}>
          {mine.error.message}（点击重试）
        </View>
      ) : mine.data === undefined ? (
        <View className="muted card">加载中…</View>
      ) : (
        <MyEntries items={mine.data.items} emptyText="还没有报名记录，可在首页选择赛事报名" />
      )}
    </View>
  );
}

/** 我的异议 with the organizers' answers; refreshed when the tab is shown again (an objection is filed elsewhere). */
function MyObjectionsSection({ openid }: { openid: string }) {
  const mine = useCloudQuery('results.objection.mine', {}, { key: openid });
  usePageShowAgain(mine.reload);
  // Most people never object: the section appears only once there is something in it.
  if (mine.data !== undefined && mine.data.items.length === 0) return null;
  return (
    <View className="me-objections">
      <View className="section-title">我的异议</View>
      {mine.error ? (
        <View className="me-objections-error muted card" onClick={mine.reload}>
          {mine.error.message}（点击重试）
        </View>
      ) : mine.data === undefined ? (
        <View className="muted card">加载中…</View>
      ) : (
        <MyObjections items={mine.data.items} />
      )}
    </View>
  );
}

function AreaLink({ area }: { area: Area }) {
  const info = areaInfo[area];
  return (
    <View
      className={`area-link area-link-${area} card`}
      onClick={() => void Taro.navigateTo({ url: info.home })}
      hoverClass="area-link--active"
    >
      <Text className="area-link__label">{info.label}</Text>
      <Text className="area-link__arrow">›</Text>
    </View>
  );
}

/** Demo-user switching against the local cloud; production H5 signs in by scanning a code instead. */
function DevAccount({ signedIn }: { signedIn: boolean }) {
  const openLogin = () => void Taro.navigateTo({ url: routes.login });
  if (!signedIn) {
    return (
      <View className="me-actions">
        <Button className="me-login primary-button" onClick={openLogin}>
          登录演示账号
        </Button>
      </View>
    );
  }
  return (
    <View className="me-actions">
      <Button className="me-switch-user" onClick={openLogin}>
        切换演示用户
      </Button>
      <Button className="me-logout" onClick={clearToken}>
        退出登录
      </Button>
    </View>
  );
}
