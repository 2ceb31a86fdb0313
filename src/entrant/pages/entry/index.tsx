/**
 * 我的报名 (`/entrant/pages/entry/index?contestId=`): the caller's entry in one contest: its status, the
 * reason when it was turned down or disqualified, the status timeline (core `timeline`), the key fields,
 * the business plan, and 修改 / 撤回报名 while the window is open and the status allows.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import { entryStatusLabels, timeline } from '@core/registration/entry-status';
import type { MyEntry } from '@core/registration/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { usePageShowAgain } from '../../../hooks/usePageLifecycle';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { toCloudError } from '../../../services/cloud';
import { openBusinessPlan, openPendingTab } from '../../../services/open-file';
import { routes } from '../../../services/routes';
import { formatFileSize } from '../../../services/file-size';
import './index.scss';

export default function EntryPage() {
  const { contestId = '' } = usePageParams();
  const { user, shell } = useSignedIn('请先登录后查看报名');
  const mine = useCloudQuery('registration.mine', {}, { enabled: user !== null, key: user?.openid });
  usePageShowAgain(() => {
    if (user !== null) mine.reload();
  });
  const entry = mine.data?.items.find((e) => e.contestId === contestId);
  return (
    <PageShell {...shellFor({ allowed: user !== null, shell }, mine)}>
      {mine.data !== undefined && entry === undefined ? (
        <View className="entry-missing card">
          <View className="card__title">你还没有报名该赛事</View>
          <Button className="primary-button" onClick={() => void Taro.navigateTo({ url: routes.contest(contestId) })}>
            查看赛事
          </Button>
        </View>
      ) : null}
      {entry ? <EntryView key={entry.id} entry={entry} onChanged={mine.reload} /> : null}
    </PageShell>
  );
}

function EntryView({ entry, onChanged }: { entry: MyEntry; onChanged: () => void }) {
  const [planError, setPlanError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const withdrawal = useCloudAction('registration.withdraw');
  const busy = withdrawal.busy;
  // One line for both failures; each action clears the other's message when it starts.
  const error = planError ?? withdrawal.error?.message ?? null;
  const steps = timeline(entry.history);
  const form = entry.form;
  const withdrawable = entry.editable && (entry.status === 'draft' || entry.status === 'submitted');

  const viewPlan = () => {
    const tab = openPendingTab();
    setPlanError(null);
    withdrawal.reset();
    openBusinessPlan(entry.id, tab).catch((caught: unknown) => setPlanError(toCloudError(caught).message));
  };

  const withdraw = async () => {
    const answer = await Taro.showModal({
      title: '撤回报名',
      content: '撤回后本届大赛的报名名额即被释放，报名截止前可以重新提交。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setPlanError(null);
    const done = await withdrawal.run({ contestId: entry.contestId }, { key: entry.contestId });
    if (done === undefined) return;
    setResult('报名已撤回。报名截止前可以重新提交。');
    void Taro.showToast({ title: '已撤回', icon: 'success' });
    onChanged();
  };

  const editLabel = entry.status === 'draft' ? '继续填写' : entry.status === 'withdrawn' ? '重新报名' : '修改报名';
  const plan = form.businessPlan as { name?: unknown; size?: unknown } | undefined;

  return (
    <View className="entry-page">
      <View className="card entry-head">
        <View className="entry-contest card__title">{entry.contestName}</View>
        <View className="entry-head__row">
          <Text className="muted">{groupLabels[entry.group]}</Text>
          <Text className={`entry-status entry-status--${entry.status}`}>{entryStatusLabels[entry.status]}</Text>
        </View>
        {entry.statusReason ? <View className="entry-reason">原因：{entry.statusReason}</View> : null}
        {entry.status === 'draft' ? (
          <View className="note entry-note">草稿尚未提交，请在截止前完成并提交报名。</View>
        ) : null}
        {entry.submittedAt ? <View className="muted">提交时间：{formatShanghai(entry.submittedAt)}</View> : null}
        {result ? <View className="withdraw-result note">{result}</View> : null}
        {error ? <View className="entry-error">{error}</View> : null}
      </View>

      <View className="section-title">报名进度</View>
      <View className="card entry-timeline">
        {steps.map((step, index) => (
          <View key={`${step.status}-${index}`} className={`timeline-step timeline-step--${step.state}`}>
            <View className="timeline-step__dot" />
            <View className="timeline-step__body">
              <Text className="timeline-step__label">{step.label}</Text>
              {step.atText ? <Text className="timeline-step__time muted">{step.atText}</Text> : null}
              {step.reason ? <View className="timeline-step__reason">原因：{step.reason}</View> : null}
            </View>
          </View>
        ))}
      </View>

      <View className="section-title">报名信息</View>
      <View className="card entry-fields">
        {fieldRows(entry).map(([key, label, value]) => (
          <View key={key} className="entry-field" data-key={key}>
            <Text className="entry-field__label">{label}</Text>
            <Text className="entry-field__value">{value}</Text>
          </View>
        ))}
        {plan && typeof plan.name === 'string' ? (
          <View className="entry-field entry-field--plan" data-key="businessPlan">
            <Text className="entry-field__label">商业计划书</Text>
            <View className="entry-field__value">
              <Text>
                {plan.name}
                {typeof plan.size === 'number' ? `（${formatFileSize(plan.size)}）` : ''}
              </Text>
              <Text className="entry-plan-open link" onClick={viewPlan}>
                查看商业计划书
              </Text>
            </View>
          </View>
        ) : null}
      </View>

      <View className="entry-actions">
        {entry.editable ? (
          <Button
            className="entry-edit primary-button"
            disabled={busy || undefined}
            onClick={() => void Taro.navigateTo({ url: routes.register(entry.contestId, entry.group) })}
          >
            {editLabel}
          </Button>
        ) : null}
        {withdrawable ? (
          <Button
            className="withdraw"
            loading={busy || undefined}
            disabled={busy || undefined}
            onClick={() => void withdraw()}
          >
            撤回报名
          </Button>
        ) : null}
        {!entry.editable ? (
          <View className="muted entry-actions__hint">
            {entry.status === 'withdrawn' || entry.status === 'draft'
              ? '报名已截止，不能再提交。'
              : '报名已截止或已进入审核，如需更正信息请联系组委会。'}
          </View>
        ) : null}
      </View>
    </View>
  );
}

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The fields an entrant checks at a glance; the rest are on the form. */
function fieldRows(entry: MyEntry): Array<[string, string, string]> {
  const f = entry.form;
  const rows: Array<[string, string, string]> =
    entry.group === 'enterprise'
      ? [
          ['companyName', '企业名称', textOf(f.companyName)],
          ['creditCode', '统一社会信用代码', textOf(f.creditCode)],
          ['district', '所在区', textOf(f.district)],
          ['foundedOn', '成立日期', textOf(f.foundedOn)],
          ['contactName', '联系人', textOf(f.contactName)],
        ]
      : [
          ['leaderName', '负责人', textOf(f.leaderName)],
          ['idMasked', '身份证号码', textOf(f.idMasked)],
          ['members', '团队成员', Array.isArray(f.members) ? `${f.members.length} 人` : ''],
          ['district', '所在地区', textOf(f.district)],
        ];
  rows.push(
    ['projectName', '项目名称', textOf(f.projectName)],
    ['field', '行业领域', textOf(f.field)],
    ['mobile', '手机', textOf(f.mobile)],
    ['email', '邮箱', textOf(f.email)],
  );
  return rows.map(([key, label, value]) => [key, label, value === '' ? '未填写' : value]);
}
