/**
 * This judge's scores of other contestants of the show still in the outbox (the sheet on screen shows its
 * own): waiting for the network, or refused by the server (with its message, and 放弃 to clear them).
 */
import { Text, View } from '@tarojs/components';
import { dropOutboxItem } from '../../../../services/outbox';
import { useOutboxItems } from '../../../lib/useOutbox';

export function LiveOutbox({ prefix, except }: { prefix: string; except: string | null }) {
  const items = useOutboxItems().filter((i) => i.key.startsWith(prefix) && i.key !== except);
  if (items.length === 0) return null;
  const waiting = items.filter((i) => i.failed === null).length;
  const failed = items.filter((i) => i.failed !== null);
  return (
    <View className="live-outbox">
      {waiting > 0 ? (
        <View className="live-outbox-waiting note">其他选手还有 {waiting} 条评分待同步，网络恢复后将自动提交</View>
      ) : null}
      {failed.length > 0 ? (
        <View className="live-outbox-failed judge-banner">
          <Text>
            其他选手有 {failed.length} 条评分未被接受：{failed[0]?.failed?.message ?? ''}
          </Text>
          <Text
            className="live-outbox-drop judge-banner__link"
            onClick={() => {
              for (const item of failed) dropOutboxItem(item.key);
            }}
          >
            知道了
          </Text>
        </View>
      ) : null}
    </View>
  );
}
