/**
 * 提醒未完成的评委: a subscription message to each judge with scores still to give, after a confirm. Off once
 * scoring is over (window closed or the result decided): a judge could no longer act on it.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { useCloudAction } from '../../../../hooks/useCloudAction';

export function RemindButton({ roundId, behind, closed }: { roundId: string; behind: number; closed: boolean }) {
  const [result, setResult] = useState<string | null>(null);
  const reminder = useCloudAction('admin.round.remind');
  const busy = reminder.busy;
  const remind = async () => {
    if (busy) return;
    setResult(null);
    reminder.reset();
    const answer = await Taro.showModal({
      title: '提醒未完成的评委',
      content: `将向 ${behind} 位还有项目未评分的评委发送小程序订阅消息，提醒他们在截止前完成评分。未订阅提醒的评委收不到消息。`,
      confirmText: '发送提醒',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    // One reminder per round while its outcome is unknown: a second send spends the judges' message quota.
    const sent = await reminder.run({ roundId }, { key: roundId });
    if (!sent) return;
    setResult(
      sent.judges === 0
        ? '所有评委都已完成评分，无需提醒'
        : `已提醒 ${sent.judges} 位评委：发送成功 ${sent.sent}，未订阅 ${sent.refused}，失败 ${sent.failed}`,
    );
  };
  return (
    <View className="round-remind-box">
      <Button
        className="round-remind button"
        size="mini"
        disabled={busy || behind === 0 || closed}
        onClick={() => void remind()}
      >
        {busy ? '正在发送…' : '提醒未完成的评委'}
      </Button>
      {closed && behind > 0 ? <View className="round-remind-closed muted">评分已结束，不再提醒</View> : null}
      {result ? <View className="round-remind-result muted">{result}</View> : null}
      {reminder.error ? <View className="round-remind-error admin-error">{reminder.error.message}</View> : null}
    </View>
  );
}
