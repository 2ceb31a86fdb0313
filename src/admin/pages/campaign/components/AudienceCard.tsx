/**
 * 发送对象 and the counts before sending: audience N, reachable now M (a credit for this template), N − M who
 * will find it only in 我的 → 消息. The counts follow every change of the filters (admin.campaign.preview).
 */
import { Text, View } from '@tarojs/components';
import type { ContestDetail } from '@core/contest/views';
import type { FieldErrors } from '@core/errors';
import { AUDIENCE_ROLES, audienceRoleLabels, type AudienceCount } from '@core/notify/campaigns';
import { entryStatusLabels, type EntryStatus } from '@core/registration/entry-status';
import type { RoundView } from '@core/judging/views';
import type { CloudError } from '../../../../services/cloud';
import { CheckRow } from '../../../components/CheckRow';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { FormRow } from '../../../components/FormRow';
import type { CampaignDraft } from '../../../lib/campaign-form';

/** Statuses worth writing to (a draft is no entry yet: registration reminders reach those). */
const STATUS_CHOICES: EntryStatus[] = [
  'submitted',
  'approved',
  'rejected',
  'semifinalist',
  'finalist',
  'awarded',
  'withdrawn',
];

export interface AudienceCardProps {
  draft: CampaignDraft;
  errors: FieldErrors;
  set: <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => void;
  contest: ContestDetail;
  rounds: RoundView[];
  /** Only the 组委会 writes to institutions. */
  global: boolean;
  count: { data: AudienceCount | undefined; loading: boolean; error: CloudError | null };
}

export function AudienceCard({ draft, errors, set, contest, rounds, global, count }: AudienceCardProps) {
  const roles = AUDIENCE_ROLES.filter((r) => r !== 'institutions' || global);
  const toggleStatus = (s: EntryStatus, on: boolean) =>
    set('statuses', on ? [...draft.statuses, s] : draft.statuses.filter((x) => x !== s));
  return (
    <View className="card campaign-audience">
      <Text className="card__title">发送对象</Text>
      <FormRow label="对象" name="audience.role" errors={errors}>
        <View className="campaign-kinds">
          {roles.map((r) => (
            <Text
              key={r}
              className={`campaign-role campaign-role-${r}${draft.role === r ? ' campaign-kind--active' : ''} campaign-kind`}
              aria-pressed={draft.role === r ? 'true' : 'false'}
              onClick={() => set('role', r)}
            >
              {audienceRoleLabels[r]}
            </Text>
          ))}
        </View>
      </FormRow>
      {draft.role === 'entrants' ? (
        <>
          <FormRow label="报名状态" name="audience.statuses" errors={errors} hint="不选即所有已提交的报名（不含草稿）">
            <View className="campaign-statuses">
              {STATUS_CHOICES.map((s) => (
                <CheckRow
                  key={s}
                  className={`campaign-status-${s}`}
                  checked={draft.statuses.includes(s)}
                  label={entryStatusLabels[s]}
                  onChange={(on) => toggleStatus(s, on)}
                />
              ))}
            </View>
          </FormRow>
          {contest.groups.length > 1 ? (
            <FormRow label="组别" name="audience.group" errors={errors}>
              <ChoiceSelect
                className="campaign-group"
                label=""
                allLabel="全部组别"
                value={draft.group}
                options={[
                  { value: 'enterprise', label: '企业组' },
                  { value: 'maker', label: '创客组' },
                ]}
                onChange={(v) => set('group', v)}
              />
            </FormRow>
          ) : null}
          {contest.fields.length > 0 ? (
            <FormRow label="行业领域" name="audience.field" errors={errors}>
              <ChoiceSelect
                className="campaign-field"
                label=""
                allLabel="全部领域"
                value={draft.field}
                options={contest.fields.map((f) => ({ value: f, label: f }))}
                onChange={(v) => set('field', v)}
              />
            </FormRow>
          ) : null}
          {contest.districts.length > 0 ? (
            <FormRow label="地区" name="audience.district" errors={errors}>
              <ChoiceSelect
                className="campaign-district"
                label=""
                allLabel="全部地区"
                value={draft.district}
                options={contest.districts.map((d) => ({ value: d, label: d }))}
                onChange={(v) => set('district', v)}
              />
            </FormRow>
          ) : null}
        </>
      ) : null}
      {draft.role === 'judges' ? (
        <FormRow label="评审轮次" name="audience.roundId" errors={errors} hint="不选即本赛事的全部评委">
          <ChoiceSelect
            className="campaign-round"
            label=""
            allLabel="全部评委"
            value={draft.roundId}
            options={rounds.map((r) => ({ value: r.id, label: r.name }))}
            onChange={(v) => set('roundId', v)}
          />
          {draft.roundId ? (
            <CheckRow
              className="campaign-pending-only"
              checked={draft.pendingOnly}
              label="只发给还有项目未评分的评委"
              onChange={(on) => set('pendingOnly', on)}
            />
          ) : null}
        </FormRow>
      ) : null}
      <View className="campaign-counts" data-loading={count.loading ? 'true' : 'false'}>
        {count.error ? (
          <Text className="campaign-counts-error admin-error">{count.error.message}</Text>
        ) : count.data ? (
          <>
            <View className="campaign-count-box">
              <Text className="campaign-count-audience campaign-count-box__value">{count.data.audience}</Text>
              <Text className="muted">发送对象（人）</Text>
            </View>
            <View className="campaign-count-box campaign-count-box--ok">
              <Text className="campaign-count-reachable campaign-count-box__value">{count.data.reachable}</Text>
              <Text className="muted">可收到微信消息</Text>
            </View>
            <View className="campaign-count-box">
              <Text className="campaign-count-unreachable campaign-count-box__value">{count.data.unreachable}</Text>
              <Text className="muted">仅站内消息（未订阅）</Text>
            </View>
          </>
        ) : (
          <Text className="muted">正在统计…</Text>
        )}
      </View>
      <Text className="campaign-counts-note muted">
        微信订阅消息只能发给点过「允许」且尚未用完的人，每次「允许」可收一条；其余的人会在「我的 → 消息」里看到。
      </Text>
    </View>
  );
}
