/**
 * 分配评委 (optionally with a seed) and what it did: entries joined, assignments added and removed, the load
 * spread and the entries still short of judges; 后台分配中 done/total while a large run continues in the background.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ActionOutput } from '@core/actions';
import type { RoundView } from '@core/judging/views';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { failureText } from '../../../lib/judging';

export type AssignResult = ActionOutput<'admin.round.assign'>;

export function AssignCard({ round, onAssigned }: { round: RoundView; onAssigned: (result: AssignResult) => void }) {
  const [seed, setSeed] = useState('');
  const [result, setResult] = useState<AssignResult | null>(null);
  const assignment = useCloudAction('admin.round.assign');
  const busy = assignment.busy;
  const running = round.assignProgress?.state === 'running' ? round.assignProgress : null;
  const decided = round.status !== 'setup';

  const assign = async () => {
    if (busy || running || decided) return;
    const answer = await assignment.run(seed.trim() ? { roundId: round.id, seed: seed.trim() } : { roundId: round.id });
    if (!answer) return;
    setResult(answer);
    onAssigned(answer);
  };

  return (
    <View className="round-assign-card card">
      <View className="admin-card-head">
        <Text className="card__title">分配评委</Text>
        <View className="round-assign-controls">
          <Input
            className="round-assign-seed admin-input"
            value={seed}
            maxlength={40}
            placeholder="随机种子（选填）"
            onInput={(e) => setSeed(e.detail.value)}
          />
          <Button
            className="round-assign button button--primary"
            size="mini"
            disabled={busy || running !== null || decided}
            onClick={() => void assign()}
          >
            {busy ? '正在分配…' : round.assignedAt ? '重新分配（补齐）' : '分配评委'}
          </Button>
        </View>
      </View>
      <View className="muted round-help">
        {round.mode === 'panels'
          ? '按区和行业领域把项目分组，为每组安排评委，避开评委申报的回避单位。'
          : `为每个项目安排 ${round.judgesPerEntry} 位评委，优先擅长该领域的评委，避开申报的回避单位，各评委的项目数最多相差 1。`}
        再次分配只补齐新加入的项目和评委，已有评分不会移动。同一种子得到同样的分配。
      </View>
      {decided ? <View className="admin-note">本轮已确认结果，不能再分配。</View> : null}
      {running ? (
        <View className="round-assign-running admin-note">
          后台分配中 {running.done}/{running.total}，页面会自动刷新
          <View className="admin-bar round-assign-running__bar">
            <View
              className="admin-bar__fill"
              style={{ width: `${running.total > 0 ? Math.round((running.done / running.total) * 100) : 0}%` }}
            />
          </View>
        </View>
      ) : null}
      {assignment.error ? (
        <View className="round-assign-error admin-error">{failureText(assignment.error, '再次点击不会重复分配')}</View>
      ) : null}
      {result ? (
        <View className="round-assign-result admin-done">
          <View>
            <Text className="round-assign-joined">新加入 {result.joined} 个项目</Text>，
            <Text className="round-assign-added">新增分配 {result.added} 份</Text>，
            <Text className="round-assign-removed">撤销 {result.removed} 份</Text>
            {result.sessions > 0 ? <Text className="round-assign-sessions">，共 {result.sessions} 个分组</Text> : null}
            。
          </View>
          <View className="round-assign-loads">
            每位评委 {result.loads.min}
            {result.loads.max !== result.loads.min ? ` 至 ${result.loads.max}` : ''} 个项目
          </View>
          {result.round.assignProgress?.state === 'running' ? <View>其余部分在后台继续分配。</View> : null}
        </View>
      ) : null}
      {result && result.short.length > 0 ? (
        <View className="round-assign-short admin-note">
          <View>以下 {result.short.length} 个项目评委不足（可回避的评委太多或评委太少），请增加评委后重新分配：</View>
          {result.short.map((s) => (
            <View key={s.entryId} className="round-assign-short-row" data-entry-id={s.entryId}>
              · {s.projectName}：还差 {s.missing} 位
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
