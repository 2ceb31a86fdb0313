/**
 * Says that the content on screen is an older copy because the refresh failed, and from when:
 * 网络不可用，显示的是 14:05 的内容. Tapping retries.
 */
import { Text, View } from '@tarojs/components';
import { formatShanghai, shanghaiDay } from '@core/time/shanghai';
import type { CloudError } from '../../services/cloud';
import './index.scss';

export interface OfflineNoteProps {
  error: CloudError | null;
  /** When the content on screen was fetched (ms); no note without it (then the page shows the error itself). */
  fetchedAt: number | null;
  onRetry?: () => void;
}

export function OfflineNote({ error, fetchedAt, onRetry }: OfflineNoteProps) {
  if (error === null || fetchedAt === null) return null;
  const text =
    error.code === 'NETWORK'
      ? `网络不可用，显示的是 ${copyTime(fetchedAt, Date.now())} 的内容`
      : `暂时无法刷新，显示的是 ${copyTime(fetchedAt, Date.now())} 的内容`;
  return (
    <View className="offline-note note" onClick={onRetry}>
      <Text>{text}</Text>
      {onRetry ? <Text className="offline-retry">重试</Text> : null}
    </View>
  );
}

/** `14:05` today, `8月30日 14:05` on another day (Shanghai, like every time in the app). */
export function copyTime(at: number, now: number): string {
  return shanghaiDay(at) === shanghaiDay(now) ? formatShanghai(at, 'HH:mm') : formatShanghai(at, 'M月D日 HH:mm');
}

export default OfflineNote;
