/**
 * 我的报名: the caller's entries (registration.mine) with a status chip each; tapping one opens the entry
 * page. Shared by 我的 and the entrant area's home.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import { entryStatusLabels, type EntryStatus } from '@core/registration/entry-status';
import type { MyEntry } from '@core/registration/views';
import { formatShanghai } from '@core/time/shanghai';
import { routes } from '../../services/routes';
import './index.scss';

export function EntryStatusChip({ status }: { status: EntryStatus }) {
  return <Text className={`entry-chip entry-chip--${status}`}>{entryStatusLabels[status] ?? status}</Text>;
}

export function MyEntries({ items, emptyText }: { items: readonly MyEntry[]; emptyText?: string }) {
  if (items.length === 0) {
    return <View className="my-entries-empty muted card">{emptyText ?? '还没有报名记录'}</View>;
  }
  return (
    <View className="my-entries">
      {items.map((entry) => {
        const project = typeof entry.form.projectName === 'string' ? entry.form.projectName : '';
        return (
          <View
            key={entry.id}
            className="my-entry card"
            data-contest={entry.contestId}
            hoverClass="my-entry--active"
            onClick={() => void Taro.navigateTo({ url: routes.entry(entry.contestId) })}
          >
            <View className="my-entry__head">
              <Text className="my-entry-contest">{entry.contestName || '赛事'}</Text>
              <EntryStatusChip status={entry.status} />
            </View>
            <View className="my-entry-project muted">
              {groupLabels[entry.group]} · {project || '（未填写项目名称）'}
            </View>
            <View className="muted my-entry__time">
              {entry.submittedAt
                ? `提交于 ${formatShanghai(entry.submittedAt)}`
                : `更新于 ${formatShanghai(entry.updatedAt)}`}
            </View>
          </View>
        );
      })}
    </View>
  );
}

export default MyEntries;
