/**
 * 报名详情 (organizers), `?id=<entryId>`: every field of the form (PII masked by the server), the business
 * plan, the status timeline, the audit trail, and the qualification decisions (components/Decisions.tsx).
 */
import '../../lib/actions';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import type { EntryDetail } from '@core/registration/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { EntryStatusChip } from '../../components/EntryStatusChip';
import { BusinessPlan } from './components/BusinessPlan';
import { Decisions } from './components/Decisions';
import { Audits, Timeline } from './components/History';
import { formLines } from './fields';
import '../../styles/admin.scss';
import './index.scss';

export default function AdminEntryPage() {
  const access = useAreaAccess('admin');
  const { id = '' } = usePageParams();
  const entry = useCloudQuery('admin.entry.get', { entryId: id }, { enabled: access.allowed && id !== '' });
  const data = entry.data?.entry;
  return (
    <View className="admin-wide">
      <PageShell
        title="报名详情"
        {...shellFor(access, id !== '' ? entry : null)}
        empty={access.allowed && id === ''}
        emptyText="缺少报名编号，请从报名列表打开"
      >
        {data ? <EntryView entry={data} reload={entry.reload} reloading={entry.loading} /> : null}
      </PageShell>
    </View>
  );
}

function EntryView({ entry, reload, reloading }: { entry: EntryDetail; reload: () => void; reloading: boolean }) {
  return (
    <View className={`entry-page${reloading ? ' entry-page--reloading' : ''}`}>
      <View className="entry-detail card">
        <View className="entry-detail__head">
          <Text className="entry-project entry-detail__title">{entry.projectName}</Text>
          <EntryStatusChip status={entry.status} />
        </View>
        <View className="muted">
          <Text className="entry-contest">{entry.contestName}</Text>
          <Text> · </Text>
          <Text className="entry-group">{groupLabels[entry.group]}</Text>
          <Text> · {entry.orgName}</Text>
        </View>
        <View className="entry-submitted muted">
          提交时间：
          {entry.submittedAt ? `${formatShanghai(entry.submittedAt, 'YYYY年M月D日 HH:mm')}（北京时间）` : '未提交'}
        </View>
        {entry.similar ? (
          <View className="entry-similar admin-chip admin-chip--warn">
            疑似雷同：与「{entry.similar.projectName}」相似 {Math.round(entry.similar.score * 100)}%
            <Text
              className="entry-similar-open admin-link"
              onClick={() =>
                void Taro.navigateTo({
                  url: `/admin/pages/entry/index?id=${encodeURIComponent(entry.similar?.entryId ?? '')}`,
                })
              }
            >
              {' '}
              查看对方
            </Text>
          </View>
        ) : null}
      </View>

      <Decisions entry={entry} reload={reload} />

      <View className="entry-columns">
        <View className="entry-columns__main">
          <View className="entry-form card">
            <Text className="card__title">报名信息</Text>
            {formLines(entry.form).map((line) => (
              <View
                key={line.key}
                className={`entry-field${line.long ? ' entry-field--long' : ''}`}
                data-key={line.key}
              >
                <Text className="entry-field__label">{line.label}</Text>
                <Text className="entry-field__value">{line.value}</Text>
              </View>
            ))}
          </View>
          <BusinessPlan entry={entry} />
        </View>
        <View className="entry-columns__side">
          <Timeline entry={entry} />
          <Audits audits={entry.audits} />
        </View>
      </View>
    </View>
  );
}
