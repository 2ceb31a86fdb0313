/**
 * A decision that must say why (不通过, 取消资格, 服务机构不通过): a modal with a text box. An empty or
 * over-long reason is refused here, in Chinese, and nothing is sent; the server checks again.
 *
 * Class hooks: reason-dialog (root, plus the caller's className), decision-reason (the text box; type
 * into its <textarea> on H5), decision-reason-error (local or server message), decision-confirm,
 * decision-cancel.
 */
import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import './index.scss';

export const REASON_MAX = 200;

export interface ReasonDialogProps {
  className?: string;
  title: string;
  /** What happens and who is told; shown above the box. */
  description: string;
  placeholder: string;
  /** Shown when the box is left empty, e.g. 请填写不通过的理由. */
  emptyMessage: string;
  confirmText: string;
  danger?: boolean;
  busy?: boolean;
  /** The server's refusal, shown in the dialog so the typed reason is not lost. */
  error?: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Why a reason can't be sent as typed, or null when it can. */
export function reasonProblem(reason: string, emptyMessage: string): string | null {
  const trimmed = reason.trim();
  if (trimmed === '') return emptyMessage;
  if (trimmed.length > REASON_MAX) return `理由不能超过 ${REASON_MAX} 个字`;
  return null;
}

export function ReasonDialog(props: ReasonDialogProps) {
  const { title, description, placeholder, emptyMessage, confirmText, danger, busy, error, onConfirm, onCancel } =
    props;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = () => {
    if (busy) return;
    const found = reasonProblem(reason, emptyMessage);
    setProblem(found);
    if (found === null) onConfirm(reason.trim());
  };
  const shown = problem ?? error ?? null;
  return (
    <View className={`reason-dialog ${props.className ?? ''}`}>
      <View className="reason-dialog__mask" onClick={() => !busy && onCancel()} />
      <View className="reason-dialog__panel">
        <Text className="reason-dialog__title">{title}</Text>
        <View className="reason-dialog__description">{description}</View>
        <Textarea
          className="decision-reason reason-dialog__input"
          value={reason}
          placeholder={placeholder}
          maxlength={REASON_MAX}
          disabled={busy}
          onInput={(e) => {
            setReason(e.detail.value);
            if (problem) setProblem(null);
          }}
        />
        <View className="reason-dialog__meta">
          {shown ? <Text className="decision-reason-error reason-dialog__error">{shown}</Text> : <Text />}
          <Text className="reason-dialog__count">
            {reason.trim().length}/{REASON_MAX}
          </Text>
        </View>
        <View className="reason-dialog__actions">
          <Button className="decision-cancel admin-btn" size="mini" disabled={busy} onClick={onCancel}>
            取消
          </Button>
          <Button
            className={`decision-confirm admin-btn ${danger ? 'admin-btn--danger' : 'admin-btn--primary'}`}
            size="mini"
            disabled={busy}
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
