/**
 * 决策记录 (organizers), `?contestId=&roundId=`: the contest's decision log, newest first, paged on the server:
 * time (Beijing time), who, what (生成评委邀请码, 设置评审轮次, 分配评委, 评分或修改评分, 评委回避, 确认晋级名单 …),
 * before → after and the reason; filtered by round; 导出 Excel of what the filter selects. Without a contestId
 * a contest is picked first.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { stageLabels } from '@core/contest/types';
import type { JudgingAuditRow } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { callCloud } from '../../../services/cloud';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ExportBox } from '../../components/ExportBox';
import { Pager } from '../../components/Pager';
import { auditValue, go, judgingUrls, roundTitle } from '../../lib/judging';
import { useWideScreen } from '../../lib/useWideScreen';
import '../../styles/admin.scss';
import './index.scss';

const PAGE_SIZE = 20;

export default function AdminAuditPage() {
  const access = useAreaAccess('admin');
  const params = usePageParams();
  const [picked, setPicked] = useState<string | undefined>(params.contestId || undefined);
  const contestId = params.contestId || picked;
  const [roundId, setRoundId] = useState<string | undefined>(params.roundId || undefined);
  const filterKey = `${contestId ?? ''}|${roundId ?? ''}`;
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;

  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const rounds = useCloudQuery(
    'admin.round.list',
    { contestId: contestId ?? '' },
    { enabled: access.allowed && contestId !== undefined },
  );
  const list = useCloudQuery(
    'admin.audit.list',
    { contestId: contestId ?? '', ...(roundId ? { roundId } : {}), page, pageSize: PAGE_SIZE },
    { enabled: access.allowed && contestId !== undefined },
  );
  const contestName = contests.data?.items.find((c) => c.id === contestId)?.name ?? '';
  const roundNames = new Map(
    (rounds.data?.rounds ?? []).map((r) => [r.id, `${stageLabels[r.stage]} · ${roundTitle(r)}`]),
  );

  const data = list.data;
  return (
    <View className="admin-wide">
      <PageShell title="决策记录" {...shellFor(access, contests, contestId ? list : null)}>
        <View className="audit-toolbar card">
          {params.contestId ? (
            <View className="audit-contest-name">
              <Text className="card__title">{contestName}</Text>
              <Text className="admin-link" onClick={() => go(judgingUrls.rounds(params.contestId))}>
                评审轮次
              </Text>
            </View>
          ) : (
            <ChoiceSelect
              className="audit-contest"
              label="赛事"
              placeholder="请选择赛事"
              value={picked}
              options={(contests.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={(v) => {
                setRoundId(undefined);
                setPicked(v);
              }}
            />
          )}
          {contestId ? (
            <View className="audit-toolbar__row">
              <ChoiceSelect
                className="audit-filter-round"
                label="轮次"
                allLabel="全部记录"
                value={roundId}
                options={(rounds.data?.rounds ?? []).map((r) => ({
                  value: r.id,
                  label: roundNames.get(r.id) ?? r.id,
                }))}
                onChange={setRoundId}
              />
              <ExportBox
                handle="audit"
                exportFile={() => callCloud('admin.audit.export', roundId ? { contestId, roundId } : { contestId })}
              />
            </View>
          ) : null}
          <View className="muted audit-help">
            每一个评审决定（发邀请码、设置轮次、分配评委、评分与修改、回避、提醒、确认晋级与获奖）和报名审核都留有记录，不能修改或删除。
          </View>
        </View>
        {contestId === undefined ? <View className="audit-pick-hint card muted">请选择赛事</View> : null}
        {list.error && data ? <View className="audit-list-error admin-error">{list.error.message}</View> : null}
        {contestId && data ? (
          <>
            <AuditList
              items={data.items}
              refreshing={list.loading}
              roundNames={roundNames}
              filtered={roundId !== undefined}
            />
            {data.total > 0 ? (
              <Pager
                hook="audit"
                page={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                onChange={(p) => {
                  setPaging({ key: filterKey, page: p });
                  void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
                }}
              />
            ) : null}
          </>
        ) : null}
      </PageShell>
    </View>
  );
}

function AuditList(props: {
  items: JudgingAuditRow[];
  refreshing: boolean;
  roundNames: Map<string, string>;
  filtered: boolean;
}) {
  const wide = useWideScreen();
  const { items, refreshing, roundNames, filtered } = props;
  if (items.length === 0) {
    return <View className="audit-empty card muted">{filtered ? '这一轮还没有记录' : '还没有记录'}</View>;
  }
  const time = (row: JudgingAuditRow) => formatShanghai(row.at, 'YYYY-MM-DD HH:mm:ss');
  return (
    <View className={`audit-list${refreshing ? ' audit-list--refreshing' : ''}`}>
      {refreshing ? <View className="audit-refreshing muted">正在加载…</View> : null}
      {process.env.TARO_ENV === 'h5' && wide ? (
        <table className="audit-table admin-table">
          <thead>
            <tr>
              <th>时间（北京时间）</th>
              <th>操作人</th>
              <th>操作</th>
              <th>之前 → 之后</th>
              <th>理由</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.id} className="audit-row" data-id={row.id} data-action={row.action}>
                <td className="audit-time">{time(row)}</td>
                <td className="audit-actor">{row.actorName}</td>
                <td>
                  <div className="audit-action">{row.actionLabel}</div>
                  {row.roundId && !filtered ? (
                    <div className="audit-round">{roundNames.get(row.roundId) ?? row.roundId}</div>
                  ) : null}
                </td>
                <td className="audit-change">
                  <Change row={row} />
                </td>
                <td className="audit-reason">{row.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <View className="audit-cards">
          {items.map((row) => (
            <View key={row.id} className="audit-row audit-card card" data-id={row.id} data-action={row.action}>
              <View className="audit-card__head">
                <Text className="audit-action">{row.actionLabel}</Text>
                <Text className="audit-time muted">{time(row)}</Text>
              </View>
              <View className="muted">
                <Text className="audit-actor">{row.actorName}</Text>
                {row.roundId && !filtered ? ` · ${roundNames.get(row.roundId) ?? row.roundId}` : ''}
              </View>
              {auditValue(row.before) !== null ? (
                <View className="audit-card__change">
                  <Text className="audit-card__label muted">之前</Text>
                  <Text className="audit-before">{auditValue(row.before)}</Text>
                </View>
              ) : null}
              <View className="audit-card__change">
                <Text className="audit-card__label muted">{auditValue(row.before) !== null ? '之后' : '内容'}</Text>
                <Text className="audit-after">{auditValue(row.after) ?? '—'}</Text>
              </View>
              {row.reason ? (
                <View className="audit-card__change">
                  <Text className="audit-card__label muted">理由</Text>
                  <Text className="audit-reason">{row.reason}</Text>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/** 之前 → 之后, or only what was recorded when there was nothing before. */
function Change({ row }: { row: JudgingAuditRow }) {
  const before = auditValue(row.before);
  const after = auditValue(row.after) ?? '—';
  if (before === null) return <Text className="audit-after">{after}</Text>;
  return (
    <>
      <Text className="audit-before">{before}</Text>
      <Text className="audit-arrow"> → </Text>
      <Text className="audit-after">{after}</Text>
    </>
  );
}
