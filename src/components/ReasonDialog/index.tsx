/**
 * A decision that must say why (不通过, 取消资格, 撤回名单, 回避): a modal with a text box. A reason that is empty,
 * too short or too long is refused here, in Chinese, and nothing is sent; the server checks again. One dialog
 * for organizers and judges; `handle` names its parts for tests (`decision-reason`, `recuse-confirm` …).
 */
import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import './index.scss';

export const REASON_MAX = 200;

export interface ReasonDialogProps {
  /** Prefix of the parts' class names: `<handle>-reason`, `-reason-error`, `-confirm`, `-cancel`. */
  handle?: string;
  className?: string;
  title: string;
  /** What happens and who is told; shown above the box. */
  description: string;
  placeholder: string;
  /** The words the limits speak of, e.g. 回避理由; 理由 by default. */
  label?: string;
  /** Shown when the box is left empty, e.g. 请填写不通过的理由. */
  emptyMessage: string;
  minLength?: number;
  confirmText: string;
  danger?: boolean;
  busy?: boolean;
  /** The server's refusal, shown in the dialog so the typed reason is not lost. */
  error?: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Why a reason can't be sent as typed, or null when it can. */
export function reasonProblem(
  reason: string,
  rule: { emptyMessage: string; minLength?: number; label?: string },
): string | null {
  const length = reason.trim().length;
  const label = rule.label ?? '理由';
  if (length === 0) return rule.emptyMessage;
  if (length < (rule.minLength ?? 1)) return `${label}至少 ${rule.minLength ?? 1} 个字`;
  if (length > REASON_MAX) return `${label}不能超过 ${REASON_MAX} 个字`;
  return null;
}

export function ReasonDialog(props: ReasonDialogProps) {
  const { title, description, placeholder, confirmText, danger, busy, error, onConfirm, onCancel } = props;
  const handle = props.handle ?? 'decision';
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = () => {
    if (busy) return;
    const found = reasonProblem(reason, props);
    setProblem(found);
    if (found === null) onConfirm(reason.trim());
  };
  const shown = problem ?? error ?? null;
  return (
    <View className={`reason-dialog ${handle}-dialog ${props.className ?? ''}`}>
      <View className="reason-dialog__mask" onClick={() => !busy && onCancel()} />
      <View className="reason-dialog__panel">
        <Text className="reason-dialog__title">{title}</Text>
        <View className="reason-dialog__description">{description}</View>
        <Textarea
          className={`${handle}-reason reason-dialog__input`}
          value={reason}
          placeholder={placeholder}
          maxlength={REASON_MAX}
          disabled={busy || undefined}
          onInput={(e) => {
            setReason(e.detail.value);
            if (problem) setProblem(null);
          }}
        />
        <View className="reason-dialog__meta">
          {shown ? <Text className={`${handle}-reason-error reason-dialog__error`}>{shown}</Text> : <Text />}
          <Text className="reason-dialog__count">
            {reason.trim().length}/{REASON_MAX}
          </Text>
        </View>
        <View className="reason-dialog__actions">
          <Button className={`${handle}-cancel button`} size="mini" disabled={busy || undefined} onClick={onCancel}>
            取消
          </Button>
          <Button
            className={`${handle}-confirm button ${danger ? 'button--danger' : 'button--primary'}`}
            size="mini"
            disabled={busy || undefined}
            onClick={confirm}
          >
            {busy ? '正在提交…' : confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}

export default ReasonDialog;
