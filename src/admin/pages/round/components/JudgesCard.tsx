/**
 * Progress per judge (已评 / 已分配, 回避, 偏差 flagged past the round's threshold): a table or cards, 20 judges at
 * a time with 显示更多 (a contest's 100 judges as cards would pass WeChat's 1,000 WXML nodes).
 */
import { Text, View } from '@tarojs/components';
import type { JudgeProgressRow, RoundProgress } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { useListWindow } from '../../../../hooks/useListWindow';
import { WindowFoot, WindowHead } from '../../../components/WindowControls';
import { useWideScreen } from '../../../lib/useWideScreen';
import { percent } from './percent';
import { RemindButton } from './RemindButton';

const JUDGES_PAGE = 20;

export function JudgesCard({ progress, roundId }: { progress: RoundProgress; roundId: string }) {
  const wide = useWideScreen();
  const behind = progress.judges.filter((j) => j.behind).length;
  const threshold = progress.round.judgeBiasPoints;
  const win = useListWindow(progress.judges.length, JUDGES_PAGE, 2 * JUDGES_PAGE);
  const judges = progress.judges.slice(win.start, win.end);
  const controls = { name: 'round-judges', win, total: progress.judges.length, unit: '位' };
  return (
    <View className="round-judges card">
      <View className="admin-card-head">
        <Text className="card__title">
          评委进度（{progress.judges.length} 位，{behind} 位未完成）
        </Text>
        <RemindButton
          roundId={roundId}
          behind={behind}
          closed={progress.round.status !== 'setup' || progress.round.window === 'closed'}
        />
      </View>
      <WindowHead {...controls} />
      {progress.judges.length === 0 ? (
        <View className="round-judges-empty muted">本赛事还没有评委，请先在「评委管理」发放邀请码。</View>
      ) : process.env.TARO_ENV === 'h5' && wide ? (
        <table className="round-judges-table admin-table">
          <thead>
            <tr>
              <th>评委</th>
              <th>工作单位</th>
              <th>已评 / 已分配</th>
              <th>进度</th>
              <th>回避</th>
              <th>偏差（分）</th>
              <th>最近评分</th>
            </tr>
          </thead>
          <tbody>
            {judges.map((j) => (
              <tr key={j.key} className="round-judge" data-judge={j.key} data-behind={String(j.behind)}>
                <td className="round-judge-name">{j.name}</td>
                <td className="muted">{j.organization}</td>
                <td className="round-judge-done admin-table__num">
                  {j.done}/{j.assigned}
                </td>
                <td className="round-judge-progress">
                  <JudgeBar judge={j} />
                </td>
                <td className="round-judge-recused admin-table__num">{j.recused}</td>
                <td>
                  <BiasText judge={j} threshold={threshold} />
                </td>
                <td className="muted">{j.lastScoredAt ? formatShanghai(j.lastScoredAt, 'M月D日 HH:mm') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <View className="round-judge-cards">
          {judges.map((j) => (
            <View
              key={j.key}
              className="round-judge round-judge-card"
              data-judge={j.key}
              data-behind={String(j.behind)}
            >
              <View className="round-judge-card__head">
                <Text className="round-judge-name">{j.name}</Text>
                <Text className="round-judge-done">
                  已评 {j.done}/{j.assigned}
                </Text>
              </View>
              <JudgeBar judge={j} />
              <View className="round-judge-card__meta muted">
                <Text className="round-judge-recused">回避 {j.recused}</Text>
                <Text> · 偏差 </Text>
                <BiasText judge={j} threshold={threshold} />
              </View>
            </View>
          ))}
        </View>
      )}
      <WindowFoot {...controls} />
      <View className="muted round-help">
        偏差：该评委的总分平均比同一项目的其他评委高（+）或低（−）多少分；超过 {threshold} 分标红，供核实。
      </View>
    </View>
  );
}

function JudgeBar({ judge }: { judge: JudgeProgressRow }) {
  return (
    <View className="round-judge-bar admin-bar">
      <View
        className={`round-judge-bar__fill admin-bar__fill${judge.behind ? ' round-judge-bar__fill--behind' : ''}`}
        style={{ width: `${percent(judge.done, judge.assigned)}%` }}
      />
    </View>
  );
}

function BiasText({ judge, threshold }: { judge: JudgeProgressRow; threshold: number }) {
  if (judge.bias === null) return <Text className="round-judge-bias muted">—</Text>;
  return (
    <Text className={`round-judge-bias${judge.biasFlagged ? ' round-judge-bias--flagged' : ''}`}>
      {judge.bias}
      {judge.biasFlagged ? `（超过 ${threshold} 分）` : ''}
    </Text>
  );
}
