/**
 * 自动提醒 of one contest: each kind the cron function sends by itself (报名截止前 3 天和 1 天, 审核结果, 晋级, 获奖,
 * 评审截止前 1 天, 成绩公布 …) with who gets it, switched on or off for this contest. Each switch is one write.
 */
import { Text, View } from '@tarojs/components';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { CheckRow } from '../../components/CheckRow';

export function ReminderSettings({ contestId }: { contestId: string }) {
  const settings = useCloudQuery('admin.reminder.get', { contestId });
  const update = useCloudAction('admin.reminder.update');
  const toggle = async (kind: string, enabled: boolean) => {
    const answer = await update.run({ contestId, enabled: { [kind]: enabled } });
    if (answer !== undefined) settings.reload();
  };
  return (
    <View className="reminders card">
      <Text className="card__title">自动提醒</Text>
      <Text className="reminders__desc muted">
        以下提醒由系统按赛事和评审轮次的时间自动发送，每人每种最多一次；关闭后本赛事不再发送这一种。
      </Text>
      {settings.error ? <View className="reminders-error admin-error">{settings.error.message}</View> : null}
      {update.error ? <View className="reminders-update-error admin-error">{update.error.message}</View> : null}
      {(settings.data?.kinds ?? []).map((k) => (
        <View key={k.kind} className="reminder-row" data-kind={k.kind}>
          <CheckRow
            className={`reminder-toggle reminder-toggle-${k.kind}`}
            checked={k.enabled}
            disabled={update.busy}
            label={k.label}
            onChange={(on) => void toggle(k.kind, on)}
          />
          <Text className="reminder-row__desc muted">{k.description}</Text>
        </View>
      ))}
    </View>
  );
}
