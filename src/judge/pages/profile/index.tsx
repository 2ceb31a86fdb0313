/**
 * 我的资料与回避单位 (`/judge/pages/profile/index`): the judge's profile per contest (judge.profile.get), each
 * edited with the bind form's fields and saved with judge.profile.update. Newly declared 回避单位 take
 * effect at once: pending assignments of those organizations are recused and given to other judges.
 *
 * Class hooks: profile-contest per contest (data-contest-id; profile-contest-name), the fields of
 * ProfileForm (profile-form, form-field-<name>, field-error, expertise-chip, conflict-name-row,
 * conflict-name-add, conflict-name-remove, conflict-code-row, conflict-code-add, conflicts-note),
 * profile-banner (profile-banner--<code>: the server's refusal), profile-saved (已保存), profile-save;
 * PageShell's page-forbidden / page-empty.
 */
import '../../lib/actions';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ActionOutput } from '@core/actions';
import { formatShanghai } from '@core/time/shanghai';
// The form (and with it FormField's styles) before PageShell, in the order the other form pages import
// them: the build keeps one order of the shared CSS.
import { ProfileForm } from '../../components/ProfileForm';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { callCloud, toCloudError } from '../../../services/cloud';
import { useRequestId } from '../../../hooks/useRequestId';
import { checkProfile, profileErrors, profileFromJudge, toProfileInput, useProfileForm } from '../../lib/profile-form';
import '../../styles/judge.scss';
import './index.scss';

type ProfileItem = ActionOutput<'judge.profile.get'>['items'][number];

const CONFLICTS_NOTE =
  '申报回避单位后，不会被分配这些单位的项目；新申报的回避单位立即生效：已分配给您、尚未评分的这些单位的项目将自动回避，由其他评委接替。';

export default function JudgeProfilePage() {
  const { me, allowed, shell } = useAreaAccess('judge');
  const openid = me?.user?.openid;
  const profile = useCloudQuery('judge.profile.get', {}, { enabled: allowed, key: openid });
  const items = profile.data?.items ?? [];
  const first = profile.data === undefined;
  return (
    <PageShell
      title="我的资料与回避单位"
      {...shell}
      loading={shell.loading || (allowed && first && profile.error === null)}
      error={shell.error ?? (first ? profile.error : null)}
      onRetry={shell.error ? shell.onRetry : profile.reload}
      empty={profile.data !== undefined && items.length === 0}
      emptyText="还没有绑定任何赛事的评委身份"
    >
      {items.map((item) => (
        <ContestProfile key={item.contestId} item={item} />
      ))}
    </PageShell>
  );
}

function ContestProfile({ item }: { item: ProfileItem }) {
  const [saved, setSaved] = useState(false);
  const form = useProfileForm(profileFromJudge(item));
  const [banner, setBanner] = useState<{ code: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const request = useRequestId();

  const save = async () => {
    if (saving) return;
    const checked = checkProfile(form.valuesRef.current);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      setBanner({
        code: 'INVALID_INPUT',
        message: `还有 ${Object.keys(checked.errors).length} 项需要修改，请检查标红的项目`,
      });
      return;
    }
    const { lines } = toProfileInput(form.valuesRef.current);
    const input = { contestId: item.contestId, ...checked.input };
    const requestId = request.idFor(JSON.stringify(input));
    setSaving(true);
    setBanner(null);
    setSaved(false);
    try {
      await callCloud('judge.profile.update', input, { requestId });
      setSaved(true);
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      const { _: other, ...beside } = profileErrors(failure.details as Record<string, unknown> | undefined, lines);
      form.setErrors((prev) => ({ ...prev, ...beside }));
      const count = Object.keys(beside).length;
      setBanner({
        code: failure.code,
        message: count > 0 ? `还有 ${count} 项需要修改，请检查标红的项目` : (other ?? failure.message),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="profile-contest" data-contest-id={item.contestId}>
      <View className="section-title">
        <Text className="profile-contest-name">{item.contestName}</Text>
      </View>
      <View className="card">
        <View className="muted">绑定时间：北京时间 {formatShanghai(item.boundAt)}</View>
        <ProfileForm
          values={form.values}
          fields={item.contestFields}
          errors={form.errors}
          disabled={saving}
          conflictsNote={CONFLICTS_NOTE}
          onChange={(next, fields) => {
            setSaved(false);
            form.change(next, fields);
          }}
          onBlur={form.blur}
        />
      </View>
      {banner ? (
        <View className={`profile-banner profile-banner--${banner.code} judge-banner`}>{banner.message}</View>
      ) : null}
      {saved ? <View className="profile-saved note-ok">已保存，回避单位已生效</View> : null}
      <View className="judge-actions">
        <Button
          className="profile-save primary-button"
          loading={saving || undefined}
          disabled={saving || undefined}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </View>
  );
}
