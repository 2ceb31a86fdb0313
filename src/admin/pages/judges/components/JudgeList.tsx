/** The judges who bound with a code, with what the assignment avoids (回避单位): a table or cards, 20 at a time. */
import { Text, View } from '@tarojs/components';
import type { JudgeView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { useListWindow } from '../../../../hooks/useListWindow';
import { WindowFoot, WindowHead } from '../../../components/WindowControls';
import { useWideScreen } from '../../../lib/useWideScreen';

function conflictsText(judge: JudgeView): string {
  const all = [...judge.conflicts.names, ...judge.conflicts.creditCodes];
  return all.length > 0 ? all.join('、') : '无';
}

/** About 9 WXML nodes a card: two pages on screen leave room for the invites above. */
const PAGE = 20;

export function JudgeList({ judges }: { judges: JudgeView[] }) {
  const wide = useWideScreen();
  const win = useListWindow(judges.length, PAGE, 2 * PAGE);
  const shown = judges.slice(win.start, win.end);
  const controls = { name: 'judges-list', win, total: judges.length, unit: '位' };
  return (
    <View className="judges-list card">
      <Text className="card__title">已绑定的评委（{judges.length} 位）</Text>
      <WindowHead {...controls} />
      {judges.length === 0 ? (
        <View className="judges-empty muted">还没有评委绑定。把邀请码发给评委，绑定后会出现在这里。</View>
      ) : process.env.TARO_ENV === 'h5' && wide ? (
        <table className="judges-table admin-table">
          <thead>
            <tr>
              <th>姓名</th>
              <th>工作单位</th>
              <th>职称或职务</th>
              <th>擅长领域</th>
              <th>回避单位</th>
              <th>绑定时间</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((judge) => (
              <tr key={judge.key} className="judges-row" data-judge={judge.key}>
                <td className="judges-name">{judge.name}</td>
                <td className="judges-org">{judge.organization}</td>
                <td className="judges-title">{judge.title}</td>
                <td className="judges-expertise">{judge.expertise.join('、')}</td>
                <td className="judges-conflicts">{conflictsText(judge)}</td>
                <td className="judges-bound">{formatShanghai(judge.boundAt, 'YYYY-MM-DD HH:mm')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <View className="judges-cards">
          {shown.map((judge) => (
            <View key={judge.key} className="judges-row judges-card" data-judge={judge.key}>
              <View className="judges-card__head">
                <Text className="judges-name">{judge.name}</Text>
                <Text className="judges-title muted">{judge.title}</Text>
              </View>
              <View className="judges-org muted">{judge.organization}</View>
              <View className="judges-expertise">
                {judge.expertise.map((f) => (
                  <Text key={f} className="admin-chip judges-expertise__chip">
                    {f}
                  </Text>
                ))}
              </View>
              <View className="judges-conflicts muted">回避单位：{conflictsText(judge)}</View>
              <View className="judges-bound muted">绑定于 {formatShanghai(judge.boundAt, 'YYYY-MM-DD HH:mm')}</View>
            </View>
          ))}
        </View>
      )}
      <WindowFoot {...controls} />
    </View>
  );
}
