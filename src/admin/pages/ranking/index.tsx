/**
 * 排名与晋级 (organizers), `?roundId=`: the round's ranking (paged on the server, filtered by group and field):
 * rank, with 并列 for entries equal on every tie-break; project, organization, field, number of scores, the
 * aggregate by the round's method, the trimmed mean and median (the first tie-breaks), the previous round's
 * aggregate (复赛 and 决赛), and each criterion's mean. Below it the cut-off (./components/Cutoff) for 预赛 and
 * 复赛, or, once confirmed, what was decided with a link to the public list; the final links to 评定奖项 instead.
 * With a group or field filter, rank and 并列 are the ones within that group or field.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RoundView } from '@core/judging/views';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
// The shared components' styles must come in one order on every admin page (CheckRow, ChoiceSelect, …, FormRow,
// Pager: the subpackage's common stylesheet is built in that order), whatever order the cards import them in.
import '../../components/CheckRow';
import '../../components/ChoiceSelect';
import '../../components/FormRow';
import { Pager } from '../../components/Pager';
import { AdminEvent, emitAdminEvent, useAdminEvent } from '../../lib/events';
import { go, judgingUrls } from '../../lib/judging';
import { AdvancedCard, type JustAdvanced } from './components/AdvancedCard';
import { Cutoff } from './components/Cutoff';
import { RankingHead } from './components/RankingHead';
import { RankingList, type RankingFilter } from './components/RankingList';
import '../../styles/admin.scss';
import './index.scss';

const PAGE_SIZE = 50;

export default function AdminRankingPage() {
  const access = useAreaAccess('admin');
  const { roundId = '' } = usePageParams();
  const ready = access.allowed && roundId !== '';
  const [filter, setFilter] = useState<RankingFilter>({});
  const { group, field } = filter;
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
  const [advanced, setAdvanced] = useState<JustAdvanced | null>(null);
  const loaded = ranking.data?.round;
  const round = advancedRound && (!loaded || advancedRound.updatedAt >= loaded.updatedAt) ? advancedRound : loaded;

  const data = ranking.data;
  const fields = contest.data?.contest.fields ?? [];
  const groups = contest.data?.contest.groups ?? ['enterprise', 'maker'];
  return (
    <View className="admin-wide">
      <PageShell
        title={round?.stage === 'final' ? '排名' : '排名与晋级'}
        {...shellFor(access, ranking)}
        empty={access.allowed && roundId === ''}
        emptyText="缺少评审轮次，请从「评审轮次」打开此页"
      >
        {round && data ? (
          <>
            <RankingHead round={round} groups={groups} fields={fields} filter={filter} onFilter={setFilter} />
            {ranking.error ? <View className="ranking-list-error admin-error">{ranking.error.message}</View> : null}
            <RankingList
              rows={data.rows}
              criteria={round.rubric.criteria}
              showPrevious={round.stage !== 'preliminary'}
              filter={filter}
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
