/**
 * The countdown clock (useServerNow) on a page that is hidden and shown again, as the page host does it (tab
 * switches, another page on top): it redraws every second while shown, not at all while hidden, and the first
 * frame after the page comes back already reads the right time. Fake timers stand for the phone's clock, so the
 * counts are exact rather than waited for.
 */
import { act, render } from '@testing-library/react';
import { useServerNow } from '../../src/hooks/useServerNow';
import { installPageHost, type PageHost } from './support/page-hooks';

let host: PageHost;
let renders = 0;

beforeEach(() => {
  jest.useFakeTimers({ now: Date.parse('2024-09-01T02:00:00.000Z') });
  host = installPageHost();
  renders = 0;
});
afterEach(() => {
  host.uninstall();
  jest.useRealTimers();
});

function Countdown({ deadline }: { deadline: number }) {
  renders += 1;
  const now = useServerNow('2024-09-01T02:00:00.000Z', true);
  const left = now === null ? null : Math.max(0, Math.round((deadline - now) / 1000));
  return <span className="left">{left === null ? '—' : `${left} 秒`}</span>;
}

test('ticks every second while shown, never while hidden, and reads the right time when shown again', () => {
  const deadline = Date.parse('2024-09-01T02:01:00.000Z');
  const { container } = render(<Countdown deadline={deadline} />);
  const left = () => container.querySelector('.left')?.textContent;
  expect(left()).toBe('60 秒');

  act(() => jest.advanceTimersByTime(3000));
  expect(left()).toBe('57 秒');

  act(() => {
    host.fire('useDidHide');
  });
  const whileHidden = renders;
  act(() => jest.advanceTimersByTime(20_000));
  expect(renders).toBe(whileHidden);

  act(() => {
    host.fire('useDidShow');
  });
  expect(left()).toBe('37 秒');
  act(() => jest.advanceTimersByTime(2000));
  expect(left()).toBe('35 秒');
});
