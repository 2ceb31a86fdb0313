/**
 * 我的资料与回避单位 (`/judge/pages/profile/index`): the judge's profile per contest (judge.profile.get), each
 * edited with the bind form's fields and saved with judge.profile.update. Newly declared 回避单位 take
 * effect at once: pending assignments of those organizations are recused and given to other judges.
 */
import '../../lib/actions';
import { useEffect, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ActionOutput } from '@core/actions';
import { formatShanghai } from '@core/time/shanghai';
// The form (and with it FormField's styles) before PageShell, in the order the other form pages import
// them: the build keeps one order of the shared CSS.
import { ProfileForm } from '../../components/ProfileForm';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import {
  checkProfile,
  profileFromJudge,
  profileRefusal,
  toProfileInput,
  useProfileForm,
  type Lines,
} from '../../lib/profile-form';
import '../../styles/judge.scss';
import './index.scss';

type ProfileItem = ActionOutput<'judge.profile.get'>['items'][number];

const CONFLICTS_NOTE =
  '申报回避单位后，不会被分配这些单位的项目；新申报的回避单位立即生效：已分配给您、尚未评分的这些单位的项目将自动回避，由其他评委接替。';

export default function JudgeProfilePage() {
  const access = useAreaAccess('judge');
  const openid = access.me?.user?.openid;
  const profile = useCloudQuery('judge.profile.get', {}, { enabled: access.allowed, key: openid });
  const items = profile.data?.items ?? [];
  return (
    <PageShell
      title="我的资料与回避单位"
      {...shellFor(access, profile)}
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
  const update = useCloudAction('judge.profile.update');
  const saving = update.busy;
  const sentLines = useRef<Lines>({ names: [], codes: [] });
  const { setErrors } = form;

  // The hook holds the server's refusal; it goes beside the lines it names (as they were sent) and the banner.
  useEffect(() => {
    if (update.error === null) return;
    const refusal = profileRefusal(update.error, sentLines.current);
    setErrors((prev) => ({ ...prev, ...refusal.beside }));
    setBanner(refusal.banner);
  }, [update.error, setErrors]);

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
    sentLines.current = toProfileInput(form.valuesRef.current).lines;
    setBanner(null);
    setSaved(false);
    if (await update.run({ contestId: item.contestId, ...checked.input })) setSaved(true);
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
