/** The entries of one page: a real table on desktop browsers, cards on phones; a row opens the entry. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import type { EntryRow } from '@core/registration/views';
import { formatShanghai } from '@core/time/shanghai';
import { EntryStatusChip } from '../../../components/EntryStatusChip';
import { useWideScreen } from '../../../lib/useWideScreen';

function openEntry(id: string): void {
  void Taro.navigateTo({ url: `/admin/pages/entry/index?id=${encodeURIComponent(id)}` });
}

export function EntryList(props: { rows: EntryRow[]; showContest: boolean; refreshing: boolean; filtered: boolean }) {
  const wide = useWideScreen();
  const { rows, showContest, refreshing, filtered } = props;
  return (
    <View className={`entries-list${refreshing ? ' entries-list--refreshing' : ''}`}>
      {refreshing ? <View className="entries-refreshing muted">正在加载…</View> : null}
      {rows.length === 0 ? (
        <View className="entries-empty card muted">
          {filtered ? '没有符合条件的报名，试试调整筛选或搜索词' : '暂无已提交的报名'}
        </View>
      ) : process.env.TARO_ENV === 'h5' && wide ? (
        <EntryTable rows={rows} showContest={showContest} />
      ) : (
        <View className="entries-cards">
          {rows.map((row) => (
            <EntryCard key={row.id} row={row} showContest={showContest} />
          ))}
        </View>
      )}
    </View>
  );
}

function submittedText(row: EntryRow): string {
  return row.submittedAt ? formatShanghai(row.submittedAt, 'YYYY-MM-DD HH:mm') : '—';
}

function SimilarChip({ similar }: { similar: EntryRow['similar'] }) {
  if (!similar) return null;
  return (
    <Text className="entries-similar admin-chip admin-chip--warn">
      疑似雷同：与「{similar.projectName}」相似 {Math.round(similar.score * 100)}%
    </Text>
  );
}

/** H5 desktop: a real table, so columns line up and rows can be copied into a spreadsheet. */
function EntryTable({ rows, showContest }: { rows: EntryRow[]; showContest: boolean }) {
  return (
    <table className="entries-table">
      <thead>
        <tr>
          <th>项目名称</th>
          <th>企业 / 负责人</th>
          <th>组别</th>
          <th>行业领域</th>
          <th>所在区</th>
          <th>状态</th>
          <th>手机</th>
          <th>提交时间（北京时间）</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="entries-row" data-entry-id={row.id} onClick={() => openEntry(row.id)}>
            <td>
              <a
                className="entries-project"
                href={`/admin/pages/entry/index?id=${encodeURIComponent(row.id)}`}
                onClick={(e) => {
                  // Let ctrl/cmd-click open a tab; a plain click goes through Taro's router.
                  if (e.ctrlKey || e.metaKey || e.shiftKey) {
                    e.stopPropagation();
                    return;
                  }
                  e.preventDefault();
                }}
              >
                {row.projectName}
              </a>
              {showContest ? <div className="entries-contest">{row.contestName}</div> : null}
              {row.similar ? (
                <div>
                  <SimilarChip similar={row.similar} />
                </div>
              ) : null}
            </td>
            <td className="entries-org">{row.orgName}</td>
            <td className="entries-group">{groupLabels[row.group]}</td>
            <td className="entries-field">{row.field}</td>
            <td className="entries-district">{row.district || '—'}</td>
            <td>
              <EntryStatusChip status={row.status} />
            </td>
            <td className="entries-mobile">{row.mobileMasked}</td>
            <td className="entries-submitted">{submittedText(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EntryCard({ row, showContest }: { row: EntryRow; showContest: boolean }) {
  return (
    <View className="entries-row entries-card card" data-entry-id={row.id} onClick={() => openEntry(row.id)}>
      <View className="entries-card__head">
        <Text className="entries-project card__title">{row.projectName}</Text>
        <EntryStatusChip status={row.status} />
      </View>
      <View className="entries-org muted">{row.orgName}</View>
      {showContest ? <View className="entries-contest muted">{row.contestName}</View> : null}
      <View className="entries-card__meta muted">
        <Text className="entries-group">{groupLabels[row.group]}</Text>
        <Text> · </Text>
        <Text className="entries-field">{row.field}</Text>
        {row.district ? (
          <>
            <Text> · </Text>
            <Text className="entries-district">{row.district}</Text>
          </>
        ) : null}
      </View>
      <View className="entries-card__meta muted">
        <Text className="entries-mobile">{row.mobileMasked}</Text>
        <Text> · 提交于 </Text>
        <Text className="entries-submitted">{submittedText(row)}</Text>
      </View>
      {row.similar ? (
        <View className="entries-card__similar">
          <SimilarChip similar={row.similar} />
        </View>
      ) : null}
    </View>
  );
}
