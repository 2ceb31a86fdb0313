/**
 * 公证确认: the head hash the notary checked, in full, before anything is sent; an optional note. The cloud
 * refuses a head the log has moved past, so what is confirmed is exactly what was read.
 */
import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';

export function ConfirmDialog(props: {
  head: { count: number; hash: string };
  busy: boolean;
  error: string | null;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  return (
    <View className="notary-dialog">
      <View className="notary-dialog__mask" onClick={() => !props.busy && props.onCancel()} />
      <View className="notary-dialog__panel">
        <Text className="notary-dialog__title">公证确认</Text>
        <View className="notary-dialog__text">
          请核对日志末条哈希（共 {props.head.count} 条事件）。确认后本组成绩即被冻结，不能再更改。
        </View>
        <View className="notary-dialog__hash">
          <Text userSelect>{props.head.hash}</Text>
        </View>
        <Textarea
          className="notary-confirm-note notary-dialog__note"
          value={note}
          placeholder="公证备注（可不填）"
          maxlength={200}
          disabled={props.busy || undefined}
          onInput={(e) => setNote(e.detail.value)}
        />
        {props.error ? <View className="notary-confirm-error notary-error">{props.error}</View> : null}
        <View className="notary-dialog__actions">
          <Button className="notary-confirm-cancel button" disabled={props.busy || undefined} onClick={props.onCancel}>
            取消
          </Button>
          <Button
            className="notary-confirm-submit button button--primary"
            disabled={props.busy || undefined}
            onClick={() => props.onConfirm(note.trim())}
          >
            {props.busy ? '正在确认…' : '确认无误，公证确认'}
          </Button>
        </View>
      </View>
    </View>
  );
}
