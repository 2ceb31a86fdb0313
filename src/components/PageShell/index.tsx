/**
 * The one frame every page renders in: loading, error (with 重试), not allowed, empty, or the page.
 * The first state that applies wins, in that order, so a page never shows a blank screen. The state class
 * names (page-loading, page-error, page-forbidden, page-empty, page-ready) are what the page suites wait on.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { CloudError } from '../../services/cloud';
import { PrivacyPrompt } from '../PrivacyPrompt';
import './index.scss';

export interface PageShellProps {
  title?: string;
  loading?: boolean;
  error?: CloudError | null;
  onRetry?: () => void;
  /** The reason the caller may not see this page, e.g. 此页面仅限评委访问; falsy when allowed. */
  forbidden?: string | false | null;
  /** What lets the caller in, shown with the not-allowed state, e.g. 登录 for a visitor on H5. */
  forbiddenAction?: { label: string; onClick: () => void } | null;
  empty?: boolean;
  emptyText?: string;
  children?: ReactNode;
}

const ME_PAGE = '/pages/me/index';

export function PageShell(props: PageShellProps) {
  return (
    <View className="page-shell">
      {props.title ? <View className="page-shell__title">{props.title}</View> : null}
      <ShellBody {...props} />
      <PrivacyPrompt />
    </View>
  );
}

function ShellBody(props: PageShellProps) {
  const { loading, error, onRetry, forbidden, forbiddenAction, empty, emptyText, children } = props;
  if (loading) {
    return (
      <View className="page-loading page-state">
        <Text className="page-state__text">加载中…</Text>
      </View>
    );
  }
  // A refusal from the server means the same thing to the user as knowing it up front.
  const refused = error && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED') ? error.message : null;
  if (error && !refused) {
    return (
      <View className="page-error page-state">
        <Text className="page-error-message page-state__text">{error.message}</Text>
        {error.code === 'NOT_FOUND' ? (
          // 重试 cannot bring back what does not exist (赛事不存在, a deleted article): lead home instead.
          <Button className="page-home page-state__button" size="mini" onClick={goHome}>
            返回首页
          </Button>
        ) : onRetry ? (
          <Button className="page-retry page-state__button" size="mini" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  const refusal = forbidden || refused;
  if (refusal) {
    return (
      <View className="page-forbidden page-state">
        <Text className="page-forbidden-message page-state__text">{refusal}</Text>
        {forbiddenAction ? (
          <Button className="page-forbidden-action page-state__button primary-button" onClick={forbiddenAction.onClick}>
            {forbiddenAction.label}
          </Button>
        ) : null}
        <Button className="page-forbidden-back page-state__button" size="mini" onClick={goToMe}>
          返回「我的」
        </Button>
      </View>
    );
  }
  if (empty) {
    return (
      <View className="page-empty page-state">
        <Text className="page-empty-message page-state__text">{emptyText ?? '暂无内容'}</Text>
      </View>
    );
  }
  return (
    <View className="page-ready">
      <RenderGuard onRetry={onRetry}>{children}</RenderGuard>
    </View>
  );
}

/**
 * A page that throws while rendering shows the error state with 重试 instead of a white page; 重试 renders it
 * again (and reloads its data when the page says how).
 */
class RenderGuard extends Component<{ onRetry?: () => void; children?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page render failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <View className="page-error page-state">
        <Text className="page-error-message page-state__text">页面出错了，请重试</Text>
        <Button
          className="page-retry page-state__button"
          size="mini"
          onClick={() => {
            this.setState({ failed: false });
            this.props.onRetry?.();
          }}
        >
          重试
        </Button>
      </View>
    );
  }
}

function goHome(): void {
  void Taro.switchTab({ url: '/pages/home/index' });
}

function goToMe(): void {
  void Taro.switchTab({ url: ME_PAGE });
}

export { openToAll, shellFor, type ShellAccess, type ShellQuery } from './shell-for';
export default PageShell;
