/**
 * 报名详情 (organizers), `?id=<entryId>`: every field of the form (PII masked by the server), the business
 * plan, the status timeline, the audit trail, and the qualification decisions: 资格审核通过, 不通过 and
 * 取消资格, the last two with a reason the entrant is told. Which buttons show follows the status
 * machine in core; the server decides in the end, and its INVALID_STATE refusal (another organizer got
 * there first) is shown as it words it, with the entry reloaded.
 *
 * Class hooks (stable, for tests):
 *   entry-detail (header card): entry-project, entry-status (+ entry-status--<status>), entry-contest,
 *       entry-group, entry-submitted, entry-similar (疑似雷同, only when flagged) with entry-similar-open
 *   entry-form: entry-field per field (data-key = form key) with entry-field__label / entry-field__value
 *   entry-plan: entry-plan-name, entry-plan-open (查看商业计划书), entry-plan-error; entry-plan-none
 *   entry-timeline: entry-timeline-step (+ --done / --current / --upcoming)
 *   entry-audits: entry-audit per record (entry-audit-actor, entry-audit-at, entry-audit-change,
 *       entry-audit-reason); entry-audits-empty
 *   entry-decisions: decision-approve, decision-reject, decision-disqualify; decision-none when the
 *       status allows none; decision-done (last result), decision-error (server refusal)
 *   reason dialog (decision-dialog--reject / decision-dialog--disqualify): decision-reason (its <textarea>),
 *       decision-reason-error, decision-confirm, decision-cancel
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import {
  entryDecisionLabels,
  entryStatusLabels,
  nextStatus,
  timeline,
  type EntryDecision,
  type EntryStatus,
} from '@core/registration/entry-status';
import type { AuditView, EntryDetail } from '@core/registration/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useRequestId } from '../../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../../services/cloud';
import { EntryStatusChip } from '../../components/EntryStatusChip';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { AdminEvent, emitAdminEvent } from '../../lib/events';
import { openBusinessPlan, openPendingTab } from '../../../services/open-file';
import { usePageParams } from '../../../hooks/usePageParams';
import { fileSize, formLines } from './fields';
import '../../styles/admin.scss';
import './index.scss';

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

export default function AdminEntryPage() {
  const access = useAreaAccess('admin');
  const { id = '' } = usePageParams();
  const entry = useCloudQuery('admin.entry.get', { entryId: id }, { enabled: access.allowed && id !== '' });
  const data = entry.data?.entry;
  return (
    <View className="admin-wide">
      <PageShell
        title="报名详情"
        {...access.shell}
        loading={access.shell.loading || (access.allowed && id !== '' && data === undefined && entry.error === null)}
        error={access.shell.error ?? (data === undefined ? entry.error : null)}
        onRetry={access.shell.error ? access.shell.onRetry : entry.reload}
        empty={access.allowed && id === ''}
        emptyText="缺少报名编号，请从报名列表打开"
      >
        {data ? <EntryView entry={data} reload={entry.reload} reloading={entry.loading} /> : null}
      </PageShell>
    </View>
  );
}

function EntryView({ entry, reload, reloading }: { entry: EntryDetail; reload: () => void; reloading: boolean }) {
  return (
    <View className={`entry-page${reloading ? ' entry-page--reloading' : ''}`}>
      <View className="entry-detail card">
        <View className="entry-detail__head">
          <Text className="entry-project entry-detail__title">{entry.projectName}</Text>
          <EntryStatusChip status={entry.status} />
        </View>
        <View className="muted">
          <Text className="entry-contest">{entry.contestName}</Text>
          <Text> · </Text>
          <Text className="entry-group">{groupLabels[entry.group]}</Text>
          <Text> · {entry.orgName}</Text>
        </View>
        <View className="entry-submitted muted">
          提交时间：
          {entry.submittedAt ? `${formatShanghai(entry.submittedAt, 'YYYY年M月D日 HH:mm')}（北京时间）` : '未提交'}
        </View>
        {entry.similar ? (
          <View className="entry-similar admin-chip admin-chip--warn">
            疑似雷同：与「{entry.similar.projectName}」相似 {Math.round(entry.similar.score * 100)}%
            <Text
              className="entry-similar-open admin-link"
              onClick={() =>
                void Taro.navigateTo({
                  url: `/admin/pages/entry/index?id=${encodeURIComponent(entry.similar?.entryId ?? '')}`,
                })
              }
            >
              {' '}
              查看对方
            </Text>
          </View>
        ) : null}
      </View>

      <Decisions entry={entry} reload={reload} />

      <View className="entry-columns">
        <View className="entry-columns__main">
          <View className="entry-form card">
            <Text className="card__title">报名信息</Text>
            {formLines(entry.form).map((line) => (
              <View
                key={line.key}
                className={`entry-field${line.long ? ' entry-field--long' : ''}`}
                data-key={line.key}
              >
                <Text className="entry-field__label">{line.label}</Text>
                <Text className="entry-field__value">{line.value}</Text>
              </View>
            ))}
          </View>
          <BusinessPlan entry={entry} />
        </View>
        <View className="entry-columns__side">
          <Timeline entry={entry} />
          <Audits audits={entry.audits} />
        </View>
      </View>
    </View>
  );
}

function Decisions({ entry, reload }: { entry: EntryDetail; reload: () => void }) {
  const [dialog, setDialog] = useState<ReasonDecision | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // One id per attempted decision: a retry while its outcome is unknown is the same write, not a second one.
  const request = useRequestId();

  const decide = async (decision: Decision, reason?: string) => {
    if (busy) return;
    const requestId = request.idFor(`${entry.id}|${decision}|${reason ?? ''}`);
    setBusy(true);
    setError(null);
    setDialogError(null);
    setDone(null);
    try {
      const result = await callCloud(
        'admin.entry.decide',
        reason === undefined ? { entryId: entry.id, decision } : { entryId: entry.id, decision, reason },
        { requestId },
      );
      request.settle();
      setDialog(null);
      setDone(`已执行「${entryDecisionLabels[decision]}」，当前状态：${entryStatusLabels[result.status]}`);
      emitAdminEvent(AdminEvent.entriesChanged);
      reload();
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      const reasonDetail = failure.details?.reason;
      if (failure.code === 'INVALID_STATE') {
        setDialog(null);
        setError(failure.message);
        emitAdminEvent(AdminEvent.entriesChanged);
        reload();
      } else if (dialog !== null) {
        setDialogError(typeof reasonDetail === 'string' ? reasonDetail : failure.message);
      } else {
        setError(failure.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const canApprove = allowed(entry.status, 'approve');
  const canReject = allowed(entry.status, 'reject');
  const canDisqualify = allowed(entry.status, 'disqualify');
  const open = (which: ReasonDecision) => {
    setDialogError(null);
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
            className="decision-approve admin-btn admin-btn--ok"
            size="mini"
            disabled={busy}
            onClick={() => void decide('approve')}
          >
            {busy && dialog === null ? '正在提交…' : '资格审核通过'}
          </Button>
        ) : null}
        {canReject ? (
          <Button className="decision-reject admin-btn" size="mini" disabled={busy} onClick={() => open('reject')}>
            不通过
          </Button>
        ) : null}
        {canDisqualify ? (
          <Button
            className="decision-disqualify admin-btn admin-btn--danger"
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

function BusinessPlan({ entry }: { entry: EntryDetail }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const plan = entry.businessPlan;
  const open = async () => {
    if (busy) return;
    const tab = openPendingTab();
    setBusy(true);
    setError(null);
    try {
      await openBusinessPlan(entry.id, tab);
    } catch (caught) {
      setError(toCloudError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="entry-plan card">
      <Text className="card__title">商业计划书</Text>
      {plan ? (
        <View className="entry-plan__row">
          <Text className="entry-plan-name muted">
            {plan.name}（{fileSize(plan.size)}）
          </Text>
          <Button
            className="entry-plan-open admin-btn admin-btn--primary"
            size="mini"
            disabled={busy}
            onClick={() => void open()}
          >
            {busy ? '正在打开…' : '查看商业计划书'}
          </Button>
        </View>
      ) : (
        <View className="entry-plan-none muted">未上传</View>
      )}
      {error ? <View className="entry-plan-error admin-error">{error}</View> : null}
    </View>
  );
}

function Timeline({ entry }: { entry: EntryDetail }) {
  return (
    <View className="entry-timeline card">
      <Text className="card__title">状态进度</Text>
      {timeline(entry.history).map((step, i) => (
        <View key={`${step.status}-${i}`} className={`entry-timeline-step entry-timeline-step--${step.state}`}>
          <View className="entry-timeline-step__dot" />
          <View className="entry-timeline-step__body">
            <Text className="entry-timeline-step__label">{step.label}</Text>
            {step.atText ? <Text className="entry-timeline-step__at muted"> {step.atText}</Text> : null}
            {step.reason ? <View className="entry-timeline-step__reason muted">理由：{step.reason}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

function statusText(status: string | null): string {
  if (status === null) return '—';
  return (entryStatusLabels as Record<string, string>)[status] ?? status;
}

function actionText(action: string): string {
  return (entryDecisionLabels as Record<string, string>)[action] ?? action;
}

function Audits({ audits }: { audits: AuditView[] }) {
  return (
    <View className="entry-audits card">
      <Text className="card__title">审核记录</Text>
      {audits.length === 0 ? <View className="entry-audits-empty muted">暂无审核记录</View> : null}
      {[...audits].reverse().map((audit) => (
        <View key={audit.id} className="entry-audit">
          <View className="entry-audit__head">
            <Text className="entry-audit-actor">{audit.actorName}</Text>
            <Text className="entry-audit-at muted">{formatShanghai(audit.at, 'YYYY-MM-DD HH:mm:ss')}</Text>
          </View>
          <View className="entry-audit-change">
            {actionText(audit.action)}：{statusText(audit.before)} → {statusText(audit.after)}
          </View>
          {audit.reason ? <View className="entry-audit-reason muted">理由：{audit.reason}</View> : null}
        </View>
      ))}
    </View>
  );
}
