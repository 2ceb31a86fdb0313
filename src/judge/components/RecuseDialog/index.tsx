/**
 * 回避: the judge says why they step back from a project (2 to 200 characters; the organizers read it).
 * A reason too short or too long is refused here and nothing is sent; the server checks again.
 *
 * Class hooks: recuse-dialog, recuse-reason (the text box; type into its <textarea> on H5),
 * recuse-reason-error (local or server message), recuse-confirm, recuse-cancel.
 */
import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import './index.scss';

export const REASON_MIN = 2;
export const REASON_MAX = 200;

export function reasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  if (length === 0) return '请填写回避理由';
  if (length < REASON_MIN) return `回避理由至少 ${REASON_MIN} 个字`;
  if (length > REASON_MAX) return `回避理由不能超过 ${REASON_MAX} 个字`;
  return null;
}

export interface RecuseDialogProps {
  projectName: string;
  busy: boolean;
  /** The server's refusal, shown in the dialog so the typed reason is not lost. */
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

export function RecuseDialog({ projectName, busy, error, onConfirm, onCancel }: RecuseDialogProps) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = () => {
    if (busy) return;
    const found = reasonProblem(reason);
    setProblem(found);
    if (found === null) onConfirm(reason.trim());
  };
  const shown = problem ?? error;
  return (
    <View className="recuse-dialog">
      <View className="recuse-dialog__mask" onClick={() => !busy && onCancel()} />
      <View className="recuse-dialog__panel">
        <Text className="recuse-dialog__title">回避：{projectName}</Text>
        <View className="recuse-dialog__description">
          与该项目存在利益关系（任职、投资、亲属等）时请回避。回避后不能再为该项目评分，组委会将另行安排评委。
        </View>
        <Textarea
          className="recuse-reason recuse-dialog__input"
          value={reason}
          placeholder="例如：曾在该企业担任顾问"
          maxlength={REASON_MAX}
          disabled={busy || undefined}
          onInput={(e) => {
            setReason(e.detail.value);
            if (problem) setProblem(null);
          }}
        />
        <View className="recuse-dialog__meta">
          {shown ? <Text className="recuse-reason-error recuse-dialog__error">{shown}</Text> : <Text />}
          <Text className="recuse-dialog__count">
            {reason.trim().length}/{REASON_MAX}
          </Text>
        </View>
        <View className="recuse-dialog__actions">
          <Button className="recuse-cancel" size="mini" disabled={busy || undefined} onClick={onCancel}>
            取消
          </Button>
          <Button className="recuse-confirm primary-button" size="mini" disabled={busy || undefined} onClick={confirm}>
            {busy ? '正在提交…' : '确认回避'}
          </Button>
        </View>
      </View>
    </View>
  );
}

export default RecuseDialog;
