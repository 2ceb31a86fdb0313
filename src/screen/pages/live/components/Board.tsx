/** 实时排行榜, when the host releases it: rank, place in the order, project, organization, final. */
import { Text, View } from '@tarojs/components';
import type { BoardRow } from '@core/live/views';
import { boardRowHeight } from '../../../lib/screen-text';

export function Board({ rows, finished }: { rows: BoardRow[]; finished: boolean }) {
  const height = boardRowHeight(rows.length);
  const rowStyle = { height: `${height}vmin`, fontSize: `${(height * 0.5).toFixed(2)}vmin` };
  return (
    <View className="screen-board">
      <Text className="screen-board__title">{finished ? '最终排名' : '实时排行榜'}</Text>
      <View className="screen-board__head">
        <Text className="screen-board__rank">名次</Text>
        <Text className="screen-board__position">出场</Text>
        <Text className="screen-board__project">项目</Text>
        <Text className="screen-board__org">单位</Text>
        <Text className="screen-board__final">得分</Text>
      </View>
      {rows.length === 0 ? <Text className="screen-board__empty">暂无亮分结果</Text> : null}
      {rows.map((row) => (
        <View
          key={row.position}
          className={`screen-board__row${row.rank <= 3 ? ` screen-board__row--top${row.rank}` : ''}`}
          style={rowStyle}
        >
          <Text className="screen-board__rank">
            <Text className="screen-rank">{row.rank}</Text>
          </Text>
          <Text className="screen-board__position">{row.position}</Text>
          <Text className="screen-board__project">{row.projectName}</Text>
          <Text className="screen-board__org">{row.orgName}</Text>
          <Text className="screen-board__final">{row.final}</Text>
        </View>
      ))}
    </View>
  );
}
