/**
 * 服务机构审核 (the 组委会): funds, banks, incubators and service platforms that registered for 产融对接,
 * filtered by status (待审核 first); 通过 grants the institution role, 不通过 needs a reason the applicant
 * is told. Only global organizers may review; the server's FORBIDDEN shows as the not-allowed state.
 */
import '../../lib/actions';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { InstitutionView } from '@core/institution/views';
import { institutionTypeLabels } from '@core/institution/schemas';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { ReasonDialog } from '../../../components/ReasonDialog';
import '../../styles/admin.scss';
import './index.scss';

type Status = InstitutionView['status'];
const statusLabels: Record<Status, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };
const statusChoices: Array<Choice<Status>> = (['pending', 'approved', 'rejected'] as const).map((s) => ({
  value: s,
  label: statusLabels[s],
}));

export default function AdminInstitutionsPage() {
  const access = useAreaAccess('admin');
  const [status, setStatus] = useState<Status | undefined>('pending');
  const list = useCloudQuery('admin.institution.list', status ? { status } : {}, { enabled: access.allowed });
  const [rejecting, setRejecting] = useState<InstitutionView | null>(null);
  const decideAction = useCloudAction('admin.institution.decide');
  // Which row is being decided, and how: a refused 通过 shows on the page, a refused 不通过 in its dialog.
  const [deciding, setDeciding] = useState<{ id: string; decision: 'approve' | 'reject' } | null>(null);
  const failed = decideAction.error ? decideAction.error.message : null;
  const error = deciding?.decision === 'approve' ? failed : null;
  const dialogError = deciding?.decision === 'reject' ? failed : null;

  const decide = async (institution: InstitutionView, decision: 'approve' | 'reject', reason?: string) => {
    if (decideAction.busy) return;
    setDeciding({ id: institution.id, decision });
    const answer = await decideAction.run(
      reason === undefined ? { id: institution.id, decision } : { id: institution.id, decision, reason },
    );
    if (answer === undefined) return;
    setRejecting(null);
    list.reload();
  };
  const busyId = decideAction.busy ? (deciding?.id ?? null) : null;

  const items = list.data?.items ?? [];
  return (
    <View className="admin-wide">
      <PageShell title="服务机构审核" {...shellFor(access, list)}>
        <View className="institutions-toolbar">
          <ChoiceSelect
            className="institutions-filter-status"
            label="状态"
            allLabel="全部"
            value={status}
            options={statusChoices}
            onChange={setStatus}
          />
          {list.loading ? <Text className="muted">正在加载…</Text> : null}
        </View>
        {list.error && list.data !== undefined ? <View className="admin-error">{list.error.message}</View> : null}
        {error ? <View className="institution-error admin-error">{error}</View> : null}
        {items.length === 0 ? (
          <View className="institutions-empty card muted">
            {status ? `没有${statusLabels[status]}的服务机构` : '还没有服务机构注册'}
          </View>
        ) : null}
        {items.map((item) => (
          <View key={item.id} className="institution-row card" data-institution-id={item.id}>
            <View className="institution-row__head">
              <Text className="institution-name card__title">{item.name}</Text>
              <Text className={`institution-status institution-status--${item.status}`}>
                {statusLabels[item.status]}
              </Text>
            </View>
            <View className="muted">
              <Text className="institution-type">{institutionTypeLabels[item.type]}</Text>
              <Text> · 统一社会信用代码 </Text>
              <Text className="institution-credit-code">{item.creditCode}</Text>
            </View>
            <View className="muted">
              联系人 <Text className="institution-contact">{item.contactName}</Text> ·{' '}
              <Text className="institution-mobile">{item.mobileMasked}</Text>
            </View>
            <View className="institution-fields muted">关注领域：{item.fields.join('、') || '—'}</View>
            <View className="institution-created muted">
              注册时间：{formatShanghai(item.createdAt, 'YYYY-MM-DD HH:mm')}（北京时间）
            </View>
            {item.statusReason ? <View className="institution-reason muted">理由：{item.statusReason}</View> : null}
            <View className="institution-row__actions">
              {item.status !== 'approved' ? (
                <Button
                  className="institution-approve button button--ok"
                  size="mini"
                  disabled={busyId !== null}
                  onClick={() => void decide(item, 'approve')}
                >
                  {busyId === item.id && rejecting === null ? '正在提交…' : '通过'}
                </Button>
              ) : null}
              {item.status !== 'rejected' ? (
                <Button
                  className="institution-reject button button--danger"
                  size="mini"
                  disabled={busyId !== null}
                  onClick={() => {
                    if (deciding?.decision === 'reject') decideAction.reset();
                    setRejecting(item);
                  }}
                >
                  不通过
                </Button>
              ) : null}
            </View>
          </View>
        ))}
        {rejecting ? (
          <ReasonDialog
            className="decision-dialog--institution"
            title={`不通过：${rejecting.name}`}
            description={
              rejecting.status === 'approved'
                ? '该机构已通过审核，不通过后将收回其服务机构身份。理由会告知申请人。'
                : '理由会告知申请人，对方可修改信息后重新提交。'
            }
            placeholder="例如：机构资质证明不完整"
            emptyMessage="请填写不通过的理由"
            confirmText="确认不通过"
            danger
            busy={busyId !== null}
            error={dialogError}
            onConfirm={(reason) => void decide(rejecting, 'reject', reason)}
            onCancel={() => setRejecting(null)}
          />
        ) : null}
      </PageShell>
    </View>
  );
}
