/** The ranking rows: a table with a column per criterion on wide screens, cards on phones. */
import { Text, View } from '@tarojs/components';
import { groupLabels, type Group } from '@core/contest/types';
import type { Criterion } from '@core/judging/types';
import type { RankingRow } from '@core/judging/views';
import { useWideScreen } from '../../../lib/useWideScreen';

export interface RankingFilter {
  group?: Group;
  field?: string;
}

/** The rank the table shows: within the field or group filtered to, else overall. */
function shownRank(row: RankingRow, filter: RankingFilter): { rank: number; tied: boolean } {
  if (filter.field) return { rank: row.fieldRank, tied: row.fieldTied };
  if (filter.group) return { rank: row.groupRank, tied: row.groupTied };
  return { rank: row.rank, tied: row.tied };
}

function RankCell({ row, filter }: { row: RankingRow; filter: RankingFilter }) {
  const { rank, tied } = shownRank(row, filter);
  if (row.aggregate === null) return <Text className="ranking-rank muted">—</Text>;
  return (
    <>
      <Text className="ranking-rank">{rank}</Text>
      {tied ? <Text className="ranking-tied admin-chip admin-chip--warn">并列</Text> : null}
    </>
  );
}

export function RankingList(props: {
  rows: RankingRow[];
  criteria: Criterion[];
  showPrevious: boolean;
  filter: RankingFilter;
  refreshing: boolean;
}) {
  const wide = useWideScreen();
  const { rows, criteria, showPrevious, filter, refreshing } = props;
  if (rows.length === 0) {
    return (
      <View className="ranking-empty card muted">
        {filter.group || filter.field ? '没有符合条件的项目' : '本轮还没有项目，请先在看板分配评委'}
      </View>
    );
  }
  return (
    <View className={`ranking-list${refreshing ? ' ranking-list--refreshing' : ''}`}>
      {refreshing ? <View className="ranking-refreshing muted">正在加载…</View> : null}
      {process.env.TARO_ENV === 'h5' && wide ? (
        <View className="ranking-table-wrap">
          <table className="ranking-table admin-table">
            <thead>
              <tr>
                <th>名次</th>
                <th>项目</th>
                <th>行业领域</th>
                <th className="admin-table__num">评分数</th>
                <th className="admin-table__num">汇总分</th>
                <th className="admin-table__num">去极值均分</th>
                <th className="admin-table__num">中位数</th>
                {showPrevious ? <th className="admin-table__num">上轮得分</th> : null}
                {criteria.map((c) => (
                  <th key={c.key} className="admin-table__num">
                    {c.name}
                    <div className="ranking-th-max">满分 {Number((c.maxPoints * c.weight).toFixed(2))}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const { rank, tied } = shownRank(row, filter);
                return (
                  <tr
                    key={row.entryId}
                    className={`ranking-row${tied ? ' ranking-row--tied' : ''}`}
                    data-entry-id={row.entryId}
                    data-rank={String(rank)}
                    data-tied={String(tied)}
                  >
                    <td className="ranking-rank-cell">
                      <RankCell row={row} filter={filter} />
                    </td>
                    <td>
                      <div className="ranking-project">{row.projectName}</div>
                      <div className="ranking-org">
                        {row.orgName} · {groupLabels[row.group]}
                      </div>
                    </td>
                    <td className="ranking-field">{row.field}</td>
                    <td className="ranking-count admin-table__num">{row.scoreCount}</td>
                    <td className="ranking-aggregate admin-table__num">{row.aggregate ?? '—'}</td>
                    <td className="ranking-trimmed admin-table__num">{row.trimmed ?? '—'}</td>
                    <td className="ranking-median admin-table__num">{row.median ?? '—'}</td>
                    {showPrevious ? <td className="ranking-previous admin-table__num">{row.previous ?? '—'}</td> : null}
                    {criteria.map((c) => (
                      <td key={c.key} className="ranking-criterion admin-table__num" data-key={c.key}>
                        {row.criteria[c.key] ?? '—'}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </View>
      ) : (
        <View className="ranking-cards">
          {rows.map((row) => {
            const { rank, tied } = shownRank(row, filter);
            return (
              <View
                key={row.entryId}
                className={`ranking-row ranking-card card${tied ? ' ranking-row--tied' : ''}`}
                data-entry-id={row.entryId}
                data-rank={String(rank)}
                data-tied={String(tied)}
              >
                <View className="ranking-card__head">
                  <View className="ranking-card__rank">
                    <RankCell row={row} filter={filter} />
                  </View>
                  <View className="ranking-card__main">
                    <Text className="ranking-project">{row.projectName}</Text>
                    <View className="ranking-org muted">
                      {row.orgName} · {groupLabels[row.group]} · <Text className="ranking-field">{row.field}</Text>
                    </View>
                  </View>
                  <Text className="ranking-aggregate">{row.aggregate ?? '无评分'}</Text>
                </View>
                <View className="ranking-card__meta muted">
                  <Text className="ranking-count">{row.scoreCount} 个评分</Text>
                  <Text> · 去极值 </Text>
                  <Text className="ranking-trimmed">{row.trimmed ?? '—'}</Text>
                  <Text> · 中位数 </Text>
                  <Text className="ranking-median">{row.median ?? '—'}</Text>
                  {showPrevious ? (
                    <>
                      <Text> · 上轮 </Text>
                      <Text className="ranking-previous">{row.previous ?? '—'}</Text>
                    </>
                  ) : null}
                </View>
                {row.scoreCount > 0 ? (
                  <View className="ranking-card__criteria muted">
                    {criteria.map((c) => (
                      <Text key={c.key} className="ranking-criterion" data-key={c.key}>
                        {c.name} {row.criteria[c.key] ?? '—'}
                      </Text>
                    ))}
                  </View>
                ) : null}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
