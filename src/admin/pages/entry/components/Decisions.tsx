/**
 * 资格审核 of one entry: which buttons show follows the status machine in core; the server decides in the
 * end, and its INVALID_STATE refusal (another organizer got there first) is shown as it words it, with the
 * entry reloaded.
 */
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import {
  entryDecisionLabels,
  entryStatusLabels,
  nextStatus,
  type EntryDecision,
  type EntryStatus,
} from '@core/registration/entry-status';
import type { EntryDetail } from '@core/registration/views';
import { ReasonDialog } from '../../../../components/ReasonDialog';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { AdminEvent, emitAdminEvent } from '../../../lib/events';

type Decision = Extract<EntryDecision, 'approve' | 'reject' | 'disqualify'>;
type ReasonDecision = Exclude<Decision, 'approve'>;

const dialogs: Record<
  ReasonDecision,
  { title: string; description: string; placeholder: string; emptyMessage: string; confirmText: string }
> = {
  reject: {
    title: '资格审核不通过',
    description: '理由会显示给参赛者。资格审核阶段内，可以改回「资格审核通过」。',
    placeholder: '例如：商业计划书与项目简介不符，缺少核心技术说明',
    emptyMessage: '请填写不通过的理由',
    confirmText: '确认不通过',
  },
  disqualify: {
    title: '取消参赛资格',
    description: '用于抄袭、弄虚作假等情形，任何阶段都可执行，执行后不能恢复。理由会显示给参赛者并记入审计。',
    placeholder: '例如：经核实，项目材料抄袭他人成果',
    emptyMessage: '请填写取消资格的理由',
    confirmText: '确认取消资格',
  },
};

function allowed(status: EntryStatus, decision: Decision): boolean {
  return nextStatus(status, decision).ok;
}

export function Decisions({ entry, reload }: { entry: EntryDetail; reload: () => void }) {
  const [dialog, setDialog] = useState<ReasonDecision | null>(null);
  // One id per attempted decision: a retry while its outcome is unknown is the same write, not a second one.
  const decideAction = useCloudAction('admin.entry.decide');
  const busy = decideAction.busy;
  // A refusal of a decision made in the dialog is shown there, so the typed reason is not lost.
  const [fromDialog, setFromDialog] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const failure = decideAction.error;
  const stale = failure?.code === 'INVALID_STATE';
  const reasonDetail = failure?.details?.reason;
  const error = failure && (stale || !fromDialog) ? failure.message : null;
  const dialogError =
    failure && !stale && fromDialog ? (typeof reasonDetail === 'string' ? reasonDetail : failure.message) : null;

  useEffect(() => {
    if (!stale) return;
    // Another organizer decided first: show the entry as it is now, here and in the list.
    setDialog(null);
    emitAdminEvent(AdminEvent.entriesChanged);
    reload();
  }, [failure, stale, reload]);

  const decide = async (decision: Decision, reason?: string) => {
    if (busy) return;
    setFromDialog(dialog !== null);
    setDone(null);
    const result = await decideAction.run(
      reason === undefined ? { entryId: entry.id, decision } : { entryId: entry.id, decision, reason },
    );
    if (!result) return;
    setDialog(null);
    setDone(`已执行「${entryDecisionLabels[decision]}」，当前状态：${entryStatusLabels[result.status]}`);
    emitAdminEvent(AdminEvent.entriesChanged);
    reload();
  };

  const canApprove = allowed(entry.status, 'approve');
  const canReject = allowed(entry.status, 'reject');
  const canDisqualify = allowed(entry.status, 'disqualify');
  const open = (which: ReasonDecision) => {
    if (dialogError !== null) decideAction.reset();
    setDialog(which);
  };
  const config = dialog ? dialogs[dialog] : null;
  const lastReason = entry.history[entry.history.length - 1]?.reason ?? null;
  return (
    <View className="entry-decisions card">
      <Text className="card__title">资格审核</Text>
      <View className="entry-decisions__buttons">
        {canApprove ? (
          <Button
            className="decision-approve button button--ok"
            size="mini"
            disabled={busy}
            onClick={() => void decide('approve')}
          >
            {busy && dialog === null ? '正在提交…' : '资格审核通过'}
          </Button>
        ) : null}
        {canReject ? (
          <Button className="decision-reject button" size="mini" disabled={busy} onClick={() => open('reject')}>
            不通过
          </Button>
        ) : null}
        {canDisqualify ? (
          <Button
            className="decision-disqualify button button--danger"
            size="mini"
            disabled={busy}
            onClick={() => open('disqualify')}
          >
            取消资格
          </Button>
        ) : null}
      </View>
      {!canApprove && !canReject && !canDisqualify ? (
        <View className="decision-none muted">
          当前状态为「{entryStatusLabels[entry.status]}」，没有可执行的审核操作。
        </View>
      ) : null}
      {lastReason && (entry.status === 'rejected' || entry.status === 'disqualified') ? (
        <View className="entry-decisions__reason muted">理由：{lastReason}</View>
      ) : null}
      {done ? <View className="decision-done muted">{done}</View> : null}
      {error ? <View className="decision-error admin-error">{error}</View> : null}
      {config && dialog ? (
        <ReasonDialog
          className={`decision-dialog--${dialog}`}
          title={config.title}
          description={config.description}
          placeholder={config.placeholder}
          emptyMessage={config.emptyMessage}
          confirmText={config.confirmText}
          danger={dialog === 'disqualify'}
          busy={busy}
          error={dialogError}
          onConfirm={(reason) => void decide(dialog, reason)}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </View>
  );
}
