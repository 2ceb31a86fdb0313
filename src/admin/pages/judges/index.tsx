/**
 * 评委管理 (organizers), `?contestId=`: single-use invite codes for the contest's judges (how many, valid how
 * many days), shown large with 复制 and the sentence to send with them; every invite with its status
 * (未使用 / 已使用（姓名）/ 已过期) and expiry; the judges who bound, with organization, title, expertise
 * and declared conflicts (回避单位). Without a contestId the page asks for a contest first.
 */
import '../../lib/actions';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { go, judgingUrls } from '../../lib/judging';
import { InviteForm } from './components/InviteForm';
import { InviteList } from './components/InviteList';
import { JudgeList } from './components/JudgeList';
import '../../styles/admin.scss';
import './index.scss';

export default function AdminJudgesPage() {
  const access = useAreaAccess('admin');
  const params = usePageParams();
  const [picked, setPicked] = useState<string | undefined>(params.contestId || undefined);
  const contestId = params.contestId || picked;
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const list = useCloudQuery(
    'admin.judge.list',
    { contestId: contestId ?? '' },
    { enabled: access.allowed && contestId !== undefined },
  );
  const contestName = contests.data?.items.find((c) => c.id === contestId)?.name ?? '';

  return (
    <View className="admin-wide">
      <PageShell title="评委管理" {...shellFor(access, contests, contestId ? list : null)}>
        <View className="judges-toolbar card">
          {params.contestId ? (
            <Text className="judges-contest-name card__title">{contestName}</Text>
          ) : (
            <ChoiceSelect
              className="judges-contest"
              label="赛事"
              placeholder="请选择赛事"
              value={picked}
              options={(contests.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={setPicked}
            />
          )}
          {contestId ? (
            <Text className="judges-rounds-link admin-link" onClick={() => go(judgingUrls.rounds(contestId))}>
              评审轮次
            </Text>
          ) : null}
        </View>
        {contestId === undefined ? (
          <View className="judges-pick-hint card muted">请选择要管理评委的赛事</View>
        ) : list.data ? (
          <>
            {list.error ? <View className="admin-error">{list.error.message}</View> : null}
            <InviteForm contestId={contestId} contestName={contestName} onCreated={list.reload} />
            <InviteList invites={list.data.invites} contestName={contestName} />
            <JudgeList judges={list.data.judges} />
          </>
        ) : null}
      </PageShell>
    </View>
  );
}
