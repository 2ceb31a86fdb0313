/**
 * 赛事详情 (`/pages/contest/index?id=`): rules, hosts and organizers, groups with their awards, fields,
 * districts (folded when many), the registration window with a countdown by the server's clock, the
 * stage timeline, and 立即报名 (choosing 企业组 / 创客组 when both exist), or why it is not possible now.
 * Shared to chats with the contest's name.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ContestDetail } from '@core/contest/views';
import {
  contestKindLabels,
  groupLabels,
  prizeLabels,
  registrationStatusLabels,
  type AwardPlan,
  type Group,
  type RegistrationStatus,
} from '@core/contest/types';
import type { MyEntry } from '@core/registration/views';
import { entryStatusLabels } from '@core/registration/entry-status';
import { formatShanghai } from '@core/time/shanghai';
import { countdownText, liveStatus } from '../../components/ContestCard/countdown';
// Stylesheets in the order 首页 loads them (timeline, card, shell), so the shared CSS chunk has one order.
import { StageTimeline } from '../../components/StageTimeline';
import '../../components/ContestCard/index.scss';
import { PageShell, openToAll, shellFor } from '../../components/PageShell';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { useMe } from '../../hooks/useMe';
import { usePageParams } from '../../hooks/usePageParams';
import { usePageShowAgain, useShareMessage } from '../../hooks/usePageLifecycle';
import { useServerNow } from '../../hooks/useServerNow';
import { routes } from '../../services/routes';
import { FollowContest } from './FollowContest';
import './index.scss';

/** More districts than this are folded behind 展开全部. */
const DISTRICTS_SHOWN = 8;

const groupHints: Record<Group, string> = {
  enterprise: '已在工商部门登记注册的企业',
  maker: '尚未注册企业的创客个人或团队',
};

export default function ContestPage() {
  const { id = '' } = usePageParams();
  const query = useCloudQuery('contest.get', { id }, { enabled: id !== '' });
  const { me } = useMe();
  const openid = me?.user?.openid;
  const mine = useCloudQuery('registration.mine', {}, { enabled: openid !== undefined, key: openid });
  usePageShowAgain(() => {
    query.reload();
    if (openid !== undefined) mine.reload();
  });
  const contest = query.data?.contest;
  const status = contest ? contest.registration.status : 'closed';
  const now = useServerNow(query.data?.now, status !== 'closed');

  useShareMessage(() => ({
    title: contest?.name ?? '创客中国 · 赛事详情',
    path: routes.contest(id),
  }));

  const entry = contest ? mine.data?.items.find((e) => e.contestId === contest.id) : undefined;
  return (
    <PageShell {...shellFor(openToAll, query)} empty={id === ''} emptyText="没有指定赛事">
      {contest ? <ContestDetailView contest={contest} now={now} entry={entry} signedIn={openid !== undefined} /> : null}
    </PageShell>
  );
}

function ContestDetailView({
  contest,
  now,
  entry,
  signedIn,
}: {
  contest: ContestDetail;
  now: number | null;
  entry?: MyEntry;
  signedIn: boolean;
}) {
  const status = liveStatus(contest.registration, now);
  const countdown = countdownText(contest.registration, now);
  const [showAllDistricts, setShowAllDistricts] = useState(false);
  const districts = showAllDistricts ? contest.districts : contest.districts.slice(0, DISTRICTS_SHOWN);
  return (
    <View className="contest-detail">
      <View className="card contest-detail__head">
        <View className="contest-detail__title-row">
          <Text className="contest-detail-name card__title">{contest.name}</Text>
          <Text className={`contest-status contest-status--${status}`}>{registrationStatusLabels[status]}</Text>
        </View>
        <View className="contest-edition muted">
          {contest.editionName} · {contestKindLabels[contest.kind]} · {contest.hostRegion}
        </View>
        {countdown ? <View className={`contest-countdown contest-countdown--${status}`}>{countdown}</View> : null}
        <View className="contest-window muted">
          报名时间：{formatShanghai(contest.registration.opensAt)} 至 {formatShanghai(contest.registration.closesAt)}
          （北京时间）
        </View>
      </View>

      <FollowContest contestId={contest.id} signedIn={signedIn} />

      <View className="section-title">参赛组别与奖项</View>
      <View className="card contest-awards">
        {contest.groups.map((group) => (
          <AwardGroup key={group} group={group} plan={contest.awards[group] ?? []} />
        ))}
      </View>

      {contest.stages.length > 0 ? (
        <>
          <View className="section-title">赛程安排</View>
          <View className="card contest-stages">
            <StageTimeline stages={contest.stages} withNotes />
          </View>
        </>
      ) : null}

      <View className="section-title">行业领域</View>
      <View className="card contest-fields tag-list">
        {contest.fields.map((field) => (
          <Text key={field} className="contest-field tag">
            {field}
          </Text>
        ))}
      </View>

      {contest.districts.length > 0 ? (
        <>
          <View className="section-title">参赛地区（{contest.districts.length} 个区）</View>
          <View className="card contest-districts">
            <View className="tag-list">
              {districts.map((district) => (
                <Text key={district} className="contest-district tag">
                  {district}
                </Text>
              ))}
            </View>
            {contest.districts.length > DISTRICTS_SHOWN ? (
              <Text className="districts-toggle link" onClick={() => setShowAllDistricts(!showAllDistricts)}>
                {showAllDistricts ? '收起' : `展开全部 ${contest.districts.length} 个区`}
              </Text>
            ) : null}
          </View>
        </>
      ) : null}

      {contest.hosts.length > 0 || contest.organizers.length > 0 ? (
        <>
          <View className="section-title">主办与承办</View>
          <View className="card">
            {contest.hosts.length > 0 ? (
              <View className="contest-hosts org-block">
                <Text className="org-block__label">主办单位</Text>
                {contest.hosts.map((host) => (
                  <View key={host} className="org-block__name">
                    {host}
                  </View>
                ))}
              </View>
            ) : null}
            {contest.organizers.length > 0 ? (
              <View className="contest-organizers org-block">
                <Text className="org-block__label">承办单位</Text>
                {contest.organizers.map((name) => (
                  <View key={name} className="org-block__name">
                    {name}
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        </>
      ) : null}

      {contest.rules.trim() !== '' ? (
        <>
          <View className="section-title">赛事规则</View>
          <View className="card contest-rules">{contest.rules}</View>
        </>
      ) : null}

      <View className="contest-actions-spacer" />
      <RegisterBar contest={contest} status={status} entry={entry} />
    </View>
  );
}

function AwardGroup({ group, plan }: { group: Group; plan: readonly AwardPlan[] }) {
  return (
    <View className={`award-group award-group-${group}`}>
      <View className="award-group__head">
        <Text className="award-group__name">{groupLabels[group]}</Text>
        <Text className="muted">{groupHints[group]}</Text>
      </View>
      {plan.length === 0 ? <View className="muted">奖项设置待公布</View> : null}
      {plan.map((award) => (
        <View key={award.prize} className="award-row">
          <Text>{prizeLabels[award.prize]}</Text>
          <Text className="award-row__count">{award.count === null ? '若干' : `${award.count} 名`}</Text>
        </View>
      ))}
    </View>
  );
}

function notOpenReason(contest: ContestDetail, status: RegistrationStatus): string {
  if (status === 'upcoming') return `报名尚未开始，将于北京时间 ${formatShanghai(contest.registration.opensAt)} 开始`;
  return `报名已于北京时间 ${formatShanghai(contest.registration.closesAt)} 截止`;
}

function RegisterBar({
  contest,
  status,
  entry,
}: {
  contest: ContestDetail;
  status: RegistrationStatus;
  entry?: MyEntry;
}) {
  const [choosing, setChoosing] = useState(false);
  const go = (url: string) => void Taro.navigateTo({ url });

  // Someone who already entered goes to their entry (or their draft) instead of starting again.
  if (entry && entry.status !== 'withdrawn') {
    const draft = entry.status === 'draft';
    return (
      <View className="contest-actions">
        <Button
          className="contest-my-entry primary-button"
          onClick={() =>
            go(draft && entry.editable ? routes.register(contest.id, entry.group) : routes.entry(contest.id))
          }
        >
          {draft
            ? entry.editable
              ? '继续填写报名'
              : '查看报名草稿'
            : `查看我的报名（${entryStatusLabels[entry.status]}）`}
        </Button>
      </View>
    );
  }

  if (status !== 'open') {
    return (
      <View className="contest-actions">
        <View className="contest-register-reason">{notOpenReason(contest, status)}</View>
        <Button className="contest-register" disabled>
          {status === 'upcoming' ? '报名未开始' : '报名已截止'}
        </Button>
      </View>
    );
  }

  const onRegister = () => {
    const only = contest.groups.length === 1 ? contest.groups[0] : undefined;
    if (only !== undefined) go(routes.register(contest.id, only));
    else setChoosing(!choosing);
  };
  return (
    <View className="contest-actions">
      {choosing ? (
        <View className="register-choice">
          <View className="register-choice__title">选择参赛组别</View>
          {contest.groups.map((group) => (
            <View
              key={group}
              className={`register-choice-${group} register-choice__option`}
              hoverClass="register-choice__option--active"
              onClick={() => go(routes.register(contest.id, group))}
            >
              <Text className="register-choice__name">{groupLabels[group]}</Text>
              <Text className="muted">{groupHints[group]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Button className="contest-register primary-button" onClick={onRegister}>
        {choosing ? '取消' : '立即报名'}
      </Button>
    </View>
  );
}
