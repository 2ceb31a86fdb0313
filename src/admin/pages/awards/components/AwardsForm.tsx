/**
 * The organizer's decision: a prize and a recommendation per finalist over the proposal, 公示天数, and 确认获奖名单
 * (a confirm, then admin.award.decide with one requestId across retries of the same decision).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { groupLabels, prizeLabels } from '@core/contest/types';
import type { AwardsView, RoundView } from '@core/judging/views';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import {
  AWARD_PRIZES,
  decideInput,
  givenCounts,
  noChanges,
  type AwardChanges,
  type CountsDraft,
} from '../../../lib/awards-form';
import { failureText, wholeNumber } from '../../../lib/judging';
import { AwardsHead } from './AwardsHead';
import { GroupCard } from './GroupCard';

export interface AwardsFormProps {
  roundId: string;
  view: AwardsView;
  round: RoundView;
  counts: CountsDraft;
  countsErrors: Record<string, string>;
  refreshing: boolean;
  proposeError: string | null;
  /** Changes belong to one proposal: new counts, new proposal, changes start again. */
  proposalKey: string;
  onCounts: (counts: CountsDraft) => void;
  onDecided: (round: RoundView) => void;
}

export function AwardsForm(props: AwardsFormProps) {
  const { roundId, view, round, counts, countsErrors, refreshing, proposeError, proposalKey, onCounts, onDecided } =
    props;
  const [changed, setChanged] = useState<{ key: string; changes: AwardChanges }>({
    key: proposalKey,
    changes: noChanges,
  });
  const changes = changed.key === proposalKey ? changed.changes : noChanges;
  const setChanges = (next: (c: AwardChanges) => AwardChanges) =>
    setChanged({ key: proposalKey, changes: next(changes) });
  const [days, setDays] = useState('7');
  const [localError, setLocalError] = useState<string | null>(null);
  const decision = useCloudAction('admin.award.decide');
  const busy = decision.busy;
  const error = localError ?? (decision.error ? failureText(decision.error, '再次点击不会重复发布') : null);
  const isDecided = round.awards !== null;
  const editable = !isDecided && !busy;

  const dayCount = days.trim() === '' ? 0 : wholeNumber(days);
  const input = decideInput(roundId, view.groups, changes, dayCount ?? 0);

  const decide = async () => {
    if (busy || isDecided || refreshing) return;
    setLocalError(null);
    decision.reset();
    if (dayCount === null || dayCount > 30) {
      setLocalError('公示天数应为 0 到 30 的整数');
      return;
    }
    if (input.prizes.length === 0) {
      setLocalError('请至少评定一个奖项');
      return;
    }
    const summary = view.groups
      .map((g) => {
        const given = givenCounts(g, changes);
        const parts = AWARD_PRIZES.filter((p) => given[p] > 0).map((p) => `${prizeLabels[p]} ${given[p]}`);
        return parts.length > 0 ? `${groupLabels[g.group]}：${parts.join('、')}` : '';
      })
      .filter(Boolean)
      .join('；');
    const answer = await Taro.showModal({
      title: '确认获奖名单',
      content: `${summary}，共 ${input.prizes.length} 个项目获奖；推荐 ${input.recommend?.length ?? 0} 个项目至全国企业组500强 / 创客组100强。将发布获奖名单和推荐名单${
        dayCount > 0 ? `，公示 ${dayCount} 天` : '（不设公示期）'
      }。确认后不能修改。`,
      confirmText: '确认发布',
      confirmColor: '#c8102e',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    const result = await decision.run(input);
    if (result) onDecided(result.round);
  };

  return (
    <View className="awards-form">
      <AwardsHead round={round} />

      {proposeError ? <View className="awards-propose-error admin-error">{proposeError}</View> : null}
      {refreshing ? <View className="awards-refreshing muted">正在按新的名额重新生成建议…</View> : null}

      {view.groups.map((group) => (
        <GroupCard
          key={group.group}
          group={group}
          counts={counts}
          countsErrors={countsErrors}
          changes={changes}
          editable={editable}
          decided={isDecided}
          refreshing={refreshing}
          onCount={(prize, value) => {
            const row = counts[group.group];
            if (row) onCounts({ ...counts, [group.group]: { ...row, [prize]: value } });
          }}
          onPrize={(entryId, prize) => setChanges((c) => ({ ...c, prizes: { ...c.prizes, [entryId]: prize } }))}
          onRecommend={(entryId, on) => setChanges((c) => ({ ...c, recommend: { ...c.recommend, [entryId]: on } }))}
        />
      ))}
      {view.groups.length === 0 ? <View className="awards-empty card muted">本赛事没有设置组别的奖项</View> : null}

      {!isDecided ? (
        <View className="awards-footer card">
          <View className="awards-days-row">
            <Text className="awards-days__label">公示天数</Text>
            <Input
              className="awards-days admin-input"
              type="number"
              value={days}
              maxlength={2}
              onInput={(e) => setDays(e.detail.value)}
            />
            <Text className="muted">天（0 表示不设公示期）</Text>
          </View>
          <View className="awards-summary">
            将发布获奖名单（{input.prizes.length} 个项目）和推荐名单（{input.recommend?.length ?? 0} 个项目，推荐至
            全国企业组500强 / 创客组100强），获奖项目的状态变为「获奖」。确认后不能修改。
          </View>
          {error ? <View className="awards-error admin-error">{error}</View> : null}
          {Object.keys(countsErrors).length > 0 ? (
            <View className="awards-error admin-error">请先改正奖项名额</View>
          ) : null}
          <Button
            className="awards-decide button button--primary"
            disabled={busy || refreshing || Object.keys(countsErrors).length > 0}
            onClick={() => void decide()}
          >
            {busy ? '正在确认…' : '确认获奖名单'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
