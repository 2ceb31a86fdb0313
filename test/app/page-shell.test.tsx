import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PageShell } from '../../src/components/PageShell';
import { CloudError } from '../../src/services/cloud';

function only(container: HTMLElement, selector: string): Element {
  const found = container.querySelectorAll(selector);
  expect(found).toHaveLength(1);
  return found[0] as Element;
}

describe('PageShell', () => {
  test('loading shows only the loading state', () => {
    const { container } = render(
      <PageShell loading error={new CloudError('NETWORK')} empty>
        <span>内容</span>
      </PageShell>,
    );
    only(container, '.page-loading');
    expect(container.querySelector('.page-error, .page-empty, .page-ready')).toBeNull();
    expect(screen.queryByText('内容')).toBeNull();
  });

  test('error shows its message and 重试 calls back', () => {
    const onRetry = jest.fn();
    const { container } = render(<PageShell error={new CloudError('NETWORK')} onRetry={onRetry} />);
    only(container, '.page-error');
    expect(screen.getByText('网络异常，请检查网络后重试')).toBeTruthy();
    fireEvent.click(only(container, '.page-retry'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test('NOT_FOUND (赛事不存在) offers 返回首页, not a 重试 that cannot help', () => {
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' });
    const onRetry = jest.fn();
    const { container } = render(<PageShell error={new CloudError('NOT_FOUND', '赛事不存在')} onRetry={onRetry} />);
    expect(only(container, '.page-error-message').textContent).toBe('赛事不存在');
    expect(container.querySelector('.page-retry')).toBeNull();
    fireEvent.click(only(container, '.page-home'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(onRetry).not.toHaveBeenCalled();
    switchTab.mockRestore();
  });

  test('empty shows the given text', () => {
    const { container } = render(
      <PageShell empty emptyText="暂无新闻公告">
        <span>内容</span>
      </PageShell>,
    );
    expect(only(container, '.page-empty').textContent).toBe('暂无新闻公告');
    expect(screen.queryByText('内容')).toBeNull();
  });

  test('not allowed explains why and offers the way back to 我的', () => {
    const { container } = render(
      <PageShell forbidden="此页面仅限评委访问">
        <span>评审内容</span>
      </PageShell>,
    );
    expect(only(container, '.page-forbidden-message').textContent).toBe('此页面仅限评委访问');
    expect(only(container, '.page-forbidden-back').textContent).toContain('我的');
    expect(screen.queryByText('评审内容')).toBeNull();
  });

  test('a FORBIDDEN answer from the server reads as not allowed, not as a failure', () => {
    const { container } = render(<PageShell error={new CloudError('FORBIDDEN', '仅限组委会')} onRetry={() => {}} />);
    expect(only(container, '.page-forbidden-message').textContent).toBe('仅限组委会');
    expect(container.querySelector('.page-retry')).toBeNull();
  });

  test('ready renders the children', () => {
    const { container } = render(
      <PageShell title="赛事">
        <span className="child">内容</span>
      </PageShell>,
    );
    expect(only(container, '.page-ready .child').textContent).toBe('内容');
    expect(screen.getByText('赛事')).toBeTruthy();
  });
});
