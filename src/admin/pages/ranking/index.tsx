/**
 * 排名与晋级 (organizers), `?roundId=`: the round's ranking (paged on the server, filtered by group and field):
 * rank, with 并列 for entries equal on every tie-break; project, organization, field, number of scores, the
 * aggregate by the round's method, the trimmed mean and median (the first tie-breaks), the previous round's
 * aggregate (复赛 and 决赛), and each criterion's mean. Below it the cut-off (./Cutoff.tsx) for 预赛 and 复赛,
 * or, once confirmed, what was decided with a link to the public list; the final links to 评定奖项 instead.
 * With a group or field filter, rank and 并列 are the ones within that group or field.
 *
 * Class hooks (stable, for tests):
 *   ranking-head: ranking-title, ranking-state, ranking-nav (ranking-board-link, ranking-awards-link)
 *   ranking-filter-group, ranking-filter-field (ChoiceSelects: .choice-option[data-value=…]), ranking-refreshing
 *   ranking-table (H5 ≥ 1024px) or ranking-cards; ranking-row per entry (data-entry-id, data-rank, data-tied):
 *       ranking-rank, ranking-tied (并列, only on ties), ranking-project, ranking-org, ranking-field,
 *       ranking-count, ranking-aggregate, ranking-trimmed, ranking-median, ranking-previous,
 *       ranking-criterion (data-key) per criterion
 *   ranking-empty, ranking-list-error; Pager with hook ranking (ranking-total, ranking-prev, ranking-next, ranking-page)
 *   ranking-final-note (决赛: ranking-awards-go); cut-off: see ./Cutoff.tsx; after advancement cutoff-done and
 *   cutoff-results-link
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { groupLabels, stageLabels, type Group } from '@core/contest/types';
import type { Criterion } from '@core/judging/types';
import type { RankingRow, RoundView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
// The shared components' styles must come in one order on every admin page (CheckRow, ChoiceSelect, …, FormRow,
// Pager: the subpackage's common stylesheet is built in that order), so CheckRow, which ./Cutoff uses, comes first.
import '../../components/CheckRow';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { Cutoff } from './Cutoff';
import { Pager } from '../../components/Pager';
import { AdminEvent, emitAdminEvent, useAdminEvent } from '../../lib/events';
import {
  cutoffRuleText,
  go,
  judgingUrls,
  openPublicResults,
  roundStateKey,
  roundStateText,
  roundTitle,
} from '../../lib/judging';
import { useWideScreen } from '../../lib/use-wide-screen';
import '../../styles/admin.scss';
import './index.scss';

const PAGE_SIZE = 50;

const groupChoices: Array<Choice<Group>> = (['enterprise', 'maker'] as const).map((g) => ({
  value: g,
  label: groupLabels[g],
}));

/** The rank the table shows: within the field or group filtered to, else overall. */
function shownRank(row: RankingRow, filter: { group?: Group; field?: string }): { rank: number; tied: boolean } {
  if (filter.field) return { rank: row.fieldRank, tied: row.fieldTied };
  if (filter.group) return { rank: row.groupRank, tied: row.groupTied };
  return { rank: row.rank, tied: row.tied };
}

export default function AdminRankingPage() {
  const access = useAreaAccess('admin');
  const { roundId = '' } = usePageParams();
  const ready = access.allowed && roundId !== '';
  const [group, setGroup] = useState<Group | undefined>(undefined);
  const [field, setField] = useState<string | undefined>(undefined);
  const filterKey = `${group ?? ''}|${field ?? ''}`;
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;

  const ranking = useCloudQuery(
    'admin.round.ranking',
    { roundId, ...(group ? { group } : {}), ...(field ? { field } : {}), page, pageSize: PAGE_SIZE },
    { enabled: ready },
  );
  useAdminEvent(AdminEvent.roundsChanged, ranking.reload);
  const contestId = ranking.data?.round.contestId ?? '';
  const contest = useCloudQuery('contest.get', { id: contestId }, { enabled: ready && contestId !== '' });
  // The round as the advance answered it, until the next ranking read shows the same.
  const [advancedRound, setAdvancedRound] = useState<RoundView | null>(null);
  const [advanced, setAdvanced] = useState<{ advanced: number; listId: string; publicityDays: number } | null>(null);
  const loaded = ranking.data?.round;
  const round = advancedRound && (!loaded || advancedRound.updatedAt >= loaded.updatedAt) ? advancedRound : loaded;

  const data = ranking.data;
  const firstLoad = data === undefined && ranking.error === null;
  const fields = contest.data?.contest.fields ?? [];
  const groups = contest.data?.contest.groups ?? ['enterprise', 'maker'];
  return (
    <View className="admin-wide">
      <PageShell
        title={round?.stage === 'final' ? '排名' : '排名与晋级'}
        {...access.shell}
        loading={access.shell.loading || (ready && firstLoad)}
        error={access.shell.error ?? (data === undefined ? ranking.error : null)}
        onRetry={access.shell.error ? access.shell.onRetry : ranking.reload}
        empty={access.allowed && roundId === ''}
        emptyText="缺少评审轮次，请从「评审轮次」打开此页"
      >
        {round && data ? (
          <>
            <View className="ranking-head card">
              <View className="ranking-head__main">
                <Text className="ranking-title">
                  {round.contestName} · {stageLabels[round.stage]} · {roundTitle(round)}
                </Text>
                <Text
                  className={`ranking-state ranking-state--${roundStateKey(round)} admin-chip round-chip--${roundStateKey(round)}`}
                >
                  {roundStateText(round)}
                </Text>
              </View>
              <View className="ranking-nav admin-nav">
                <Text className="ranking-board-link admin-link" onClick={() => go(judgingUrls.round(round.id))}>
                  评审看板
                </Text>
                {round.stage === 'final' ? (
                  <Text className="ranking-awards-link admin-link" onClick={() => go(judgingUrls.awards(round.id))}>
                    评定奖项
                  </Text>
                ) : null}
                <Text className="admin-link" onClick={() => go(judgingUrls.rounds(round.contestId))}>
                  全部轮次
                </Text>
              </View>
              <View className="ranking-filters">
                {groups.length > 1 ? (
                  <ChoiceSelect
                    className="ranking-filter-group"
                    label="组别"
                    allLabel="全部组别"
                    value={group}
                    options={groupChoices.filter((g) => groups.includes(g.value))}
                    onChange={setGroup}
                  />
                ) : null}
                {fields.length > 0 ? (
                  <ChoiceSelect
                    className="ranking-filter-field"
                    label="领域"
                    allLabel="全部领域"
                    value={field}
                    options={fields.map((f) => ({ value: f, label: f }))}
                    onChange={setField}
                  />
                ) : null}
              </View>
              <View className="muted ranking-help">
                汇总分按本轮的汇总方式计算；得分相同时依次比较去极值均分、中位数、最重要评分项
                {round.stage === 'preliminary' ? '' : '和上一轮得分'}，仍相同者为并列。
              </View>
            </View>
            {ranking.error ? <View className="ranking-list-error admin-error">{ranking.error.message}</View> : null}
            <RankingList
              rows={data.rows}
              criteria={round.rubric.criteria}
              showPrevious={round.stage !== 'preliminary'}
              filter={{ group, field }}
              refreshing={ranking.loading}
            />
            {data.total > PAGE_SIZE ? (
              <Pager
                hook="ranking"
                page={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                onChange={(p) => {
                  setPaging({ key: filterKey, page: p });
                  void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
                }}
              />
            ) : null}
            {round.stage === 'final' ? (
              <View className="ranking-final-note card">
                决赛不设晋级线，按排名评定奖项。
                <Text className="ranking-awards-go admin-link" onClick={() => go(judgingUrls.awards(round.id))}>
                  {' '}
                  去评定奖项
                </Text>
              </View>
            ) : round.advancement ? (
              <AdvancedCard round={round} just={advanced} />
            ) : round.status === 'setup' ? (
              <Cutoff
                round={round}
                onAdvanced={(result) => {
                  setAdvancedRound(result.round);
                  setAdvanced(result);
                  emitAdminEvent(AdminEvent.entriesChanged);
                  emitAdminEvent(AdminEvent.resultsChanged);
                  emitAdminEvent(AdminEvent.roundsChanged);
                }}
              />
            ) : null}
          </>
        ) : null}
      </PageShell>
    </View>
  );
}

function AdvancedCard(props: {
  round: RoundView;
  just: { advanced: number; listId: string; publicityDays: number } | null;
}) {
  const { round, just } = props;
  const decision = round.advancement;
  if (!decision) return null;
  const to = round.stage === 'preliminary' ? '晋级复赛' : '入围决赛';
  const list = round.stage === 'preliminary' ? '预赛晋级名单' : '决赛入围名单';
  const published = just ? just.listId !== '' : decision.listId !== null;
  return (
    <View className="cutoff-done card">
      <Text className="card__title">已确认晋级</Text>
      <View className="admin-done">
        {formatShanghai(decision.at, 'YYYY年M月D日 HH:mm')} 按「{cutoffRuleText(decision.rule)}」确认：
        {just?.advanced ?? decision.admitted} 个项目{to}。
        {published
          ? `「${list}」已发布${just && just.publicityDays > 0 ? `，公示 ${just.publicityDays} 天` : ''}。`
          : '名单正在后台发布，稍后可在成绩页看到。'}
      </View>
      <View className="admin-nav">
        <Text className="cutoff-results-link admin-link" onClick={openPublicResults}>
          在「成绩」页查看公开名单
        </Text>
        <Text className="admin-link" onClick={() => go('/admin/pages/results/index')}>
          成绩发布
        </Text>
      </View>
    </View>
  );
}

function RankCell({ row, filter }: { row: RankingRow; filter: { group?: Group; field?: string } }) {
  const { rank, tied } = shownRank(row, filter);
  if (row.aggregate === null) return <Text className="ranking-rank muted">—</Text>;
  return (
    <>
      <Text className="ranking-rank">{rank}</Text>
      {tied ? <Text className="ranking-tied admin-chip admin-chip--warn">并列</Text> : null}
    </>
  );
}

function RankingList(props: {
  rows: RankingRow[];
  criteria: Criterion[];
  showPrevious: boolean;
  filter: { group?: Group; field?: string };
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
