/**
 * 评审轮次 (organizers), `?contestId=`: the contest's rounds, 预赛 → 复赛 → 决赛, each with its state, scoring
 * window, mode, counts and the way to its pages (设置, 看板, 排名与晋级, and 评定奖项 for the final); a stage
 * without a round offers 新建. Links to 评委管理 and 决策记录. Without a contestId a contest is picked first.
 */
import '../../lib/actions';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { stageLabels, type StageKey } from '@core/contest/types';
import { aggregationLabels } from '@core/judging/types';
import type { RoundView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { AdminEvent, useAdminEvent } from '../../lib/events';
import {
  STAGES,
  cutoffRuleText,
  go,
  judgingUrls,
  roundModeLabels,
  roundStateKey,
  roundStateText,
  roundTitle,
  windowText,
} from '../../lib/judging';
import '../../styles/admin.scss';
import './index.scss';

const stageHints: Record<StageKey, string> = {
  preliminary: '线上专家评审，按评分确定晋级复赛的项目',
  semifinal: '按区和行业领域分组，线下演示和答辩',
  final: '现场演示和答辩、现场评分，评定奖项',
};

export default function AdminRoundsPage() {
  const access = useAreaAccess('admin');
  const params = usePageParams();
  const [contestId, setContestId] = useState<string | undefined>(params.contestId || undefined);
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const rounds = useCloudQuery(
    'admin.round.list',
    { contestId: contestId ?? '' },
    { enabled: access.allowed && contestId !== undefined },
  );
  useAdminEvent(AdminEvent.roundsChanged, rounds.reload);

  const contest = contests.data?.items.find((c) => c.id === contestId);
  const byStage = new Map((rounds.data?.rounds ?? []).map((r) => [r.stage, r]));
  // Stages the contest plans, plus any stage that already has a round.
  const stages = STAGES.filter((s) => !contest || contest.stages.some((p) => p.key === s) || byStage.has(s));
  return (
    <View className="admin-wide">
      <PageShell title="评审轮次" {...shellFor(access, contests, contestId ? rounds : null)}>
        <View className="rounds-toolbar card">
          <ChoiceSelect
            className="rounds-contest"
            label="赛事"
            placeholder="请选择赛事"
            value={contestId}
            options={(contests.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={setContestId}
          />
          {contestId ? (
            <View className="admin-nav">
              <Text className="rounds-judges-link admin-link" onClick={() => go(judgingUrls.judges(contestId))}>
                评委管理
              </Text>
              <Text className="rounds-audit-link admin-link" onClick={() => go(judgingUrls.audit(contestId))}>
                决策记录
              </Text>
            </View>
          ) : null}
        </View>
        {contestId === undefined ? (
          <View className="rounds-pick-hint card muted">请选择赛事，查看和设置它的评审轮次</View>
        ) : null}
        {rounds.error && rounds.data ? <View className="admin-error">{rounds.error.message}</View> : null}
        {contestId && rounds.data ? (
          <View className={rounds.loading ? 'rounds-list rounds-list--refreshing' : 'rounds-list'}>
            {stages.map((stage, i) => {
              const round = byStage.get(stage);
              return round ? (
                <RoundCard key={stage} round={round} />
              ) : (
                <View
                  key={stage}
                  className="rounds-stage rounds-stage--missing card"
                  data-stage={stage}
                  data-exists="false"
                >
                  <View className="rounds-stage__head">
                    <Text className="rounds-stage__step">{i + 1}</Text>
                    <Text className="rounds-stage__label">{stageLabels[stage]}</Text>
                    <Text className="admin-chip">未设置</Text>
                  </View>
                  <View className="muted rounds-stage__hint">{stageHints[stage]}</View>
                  <Button
                    className="rounds-new button button--primary"
                    size="mini"
                    onClick={() => go(judgingUrls.roundEdit(contestId, stage))}
                  >
                    新建{stageLabels[stage]}轮次
                  </Button>
                </View>
              );
            })}
          </View>
        ) : null}
      </PageShell>
    </View>
  );
}

function outcomeText(round: RoundView): string | null {
  if (round.awards) return `已于 ${formatShanghai(round.awards.at, 'M月D日 HH:mm')} 确认获奖名单`;
  if (round.advancement) {
    const to = round.stage === 'preliminary' ? '晋级复赛' : '入围决赛';
    return `已于 ${formatShanghai(round.advancement.at, 'M月D日 HH:mm')} 按${cutoffRuleText(
      round.advancement.rule,
    )}确认 ${round.advancement.admitted} 个项目${to}`;
  }
  return null;
}

function RoundCard({ round }: { round: RoundView }) {
  const outcome = outcomeText(round);
  const final = round.stage === 'final';
  return (
    <View className="rounds-stage card" data-stage={round.stage} data-exists="true">
      <View className="rounds-stage__head">
        <Text className="rounds-stage__step">{STAGES.indexOf(round.stage) + 1}</Text>
        <Text className="rounds-stage__label">{stageLabels[round.stage]}</Text>
        <Text className="rounds-name">{roundTitle(round)}</Text>
        <Text
          className={`rounds-state rounds-state--${roundStateKey(round)} admin-chip round-chip--${roundStateKey(round)}`}
        >
          {roundStateText(round)}
        </Text>
      </View>
      <View className="rounds-stage__facts">
        <View className="rounds-window muted">评分时间：{windowText(round)}（北京时间）</View>
        <View className="rounds-mode muted">
          {roundModeLabels[round.mode]}
          {round.mode === 'panels' && round.panelCapacity ? `，每组至多 ${round.panelCapacity} 个项目` : ''}
          {'，'}每个项目 {round.judgesPerEntry} 位评委{round.blind ? '，匿名评审' : ''}
        </View>
        <View className="rounds-rubric muted">
          评分表满分 {round.maxPoints} 分，{round.rubric.criteria.length} 项
          {round.rubricLocked ? '（已有评分，已锁定）' : ''}；汇总：{aggregationLabels[round.aggregation]}
        </View>
        <View className="rounds-counts muted">
          项目 {round.counts.entries} 个 · 评委 {round.counts.judges} 位 · 分配 {round.counts.assignments} 份
          {round.assignedAt ? `（${formatShanghai(round.assignedAt, 'M月D日 HH:mm')} 分配）` : '（尚未分配评委）'}
        </View>
        {outcome ? <View className="rounds-outcome">{outcome}</View> : null}
      </View>
      <View className="rounds-stage__actions">
        <Button
          className="rounds-board button button--primary"
          size="mini"
          onClick={() => go(judgingUrls.round(round.id))}
        >
          看板
        </Button>
        <Button className="rounds-ranking button" size="mini" onClick={() => go(judgingUrls.ranking(round.id))}>
          {final ? '排名' : '排名与晋级'}
        </Button>
        {final ? (
          <Button className="rounds-awards button" size="mini" onClick={() => go(judgingUrls.awards(round.id))}>
            评定奖项
          </Button>
        ) : null}
        <Button
          className="rounds-edit button"
          size="mini"
          onClick={() => go(judgingUrls.roundEdit(round.contestId, round.stage))}
        >
          设置
        </Button>
      </View>
    </View>
  );
}
