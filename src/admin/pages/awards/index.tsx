/**
 * 评定奖项 (organizers, the final round), `?roundId=`: per group the prize counts (from the contest's plan:
 * 企业组 2 / 3 / 6 / 优胜奖若干, 创客组 1 / 1 / 2; editable, the proposal is made again when they change), every
 * finalist with its rank, score and proposed prize, changeable per row (一等奖 … 优胜奖 / 无); ties across a
 * prize line are highlighted for the organizer to settle; recommendation to the national 企业组500强 /
 * 创客组100强 per row (by default every prize winner); 公示天数; 确认获奖名单 (a confirm, then
 * admin.award.decide with one requestId across retries of the same decision), which publishes the 获奖名单
 * and the 推荐名单; then 导出 Excel.
 *
 * Class hooks (stable, for tests):
 *   awards-head (awards-title, awards-state, awards-board-link, awards-ranking-link)
 *   awards-group per group (data-group): awards-count-<group>-<prize> (its <input>), field-error
 *       (data-for = counts.<group>.<prize>), awards-given (已评定 per prize; awards-given--off when it differs
 *       from the counts), awards-tie per tie across a prize line; awards-empty
 *   awards-row per finalist (data-entry-id, data-prize = the chosen prize or none, data-tie when tied across a
 *       line; awards-row--tie): awards-rank, awards-tied (并列), awards-project, awards-org, awards-aggregate,
 *       awards-proposed, awards-prize-<entryId> (ChoiceSelect: .choice-option[data-value=first|…|merit|none]),
 *       awards-recommend-<entryId> (CheckRow, aria-checked)
 *   awards-refreshing (a new proposal is on its way), awards-propose-error
 *   awards-days (its <input>), awards-summary, awards-decide (确认获奖名单: Taro.showModal first), awards-error
 *   awards-done (after the decision; the groups then show awards-decided-prize per row, no boxes), awards-results-link, awards-export (导出 Excel), awards-export-done,
 *   awards-export-error; awards-not-final (opened on another stage's round)
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { groupLabels, prizeLabels, stageLabels, type Group, type Prize } from '@core/contest/types';
import type { AwardsGroupView, AwardsView, RoundView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useRequestId } from '../../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../../services/cloud';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { FieldError } from '../../components/FormRow';
import {
  AWARD_PRIZES,
  countsDraftOf,
  countsInput,
  decideInput,
  givenCounts,
  noChanges,
  prizeOf,
  recommendedOf,
  tieOf,
  type AwardChanges,
  type CountsDraft,
  type ProposeCounts,
} from '../../lib/awards-form';
import { AdminEvent, emitAdminEvent } from '../../lib/events';
import {
  go,
  judgingUrls,
  openPublicResults,
  roundStateKey,
  roundStateText,
  roundTitle,
  saveExport,
  stageOfRoundId,
  wholeNumber,
} from '../../lib/judging';
import { useDebounced } from '../../../hooks/useDebounced';
import { useWideScreen } from '../../lib/use-wide-screen';
import '../../styles/admin.scss';
import './index.scss';

const COUNTS_DELAY_MS = 500;

type PrizeChoice = Prize | 'none';
const prizeChoices: Array<Choice<PrizeChoice>> = [
  ...AWARD_PRIZES.map((p) => ({ value: p as PrizeChoice, label: prizeLabels[p] })),
  { value: 'none', label: '无' },
];

function nationalName(group: Group): string {
  return group === 'maker' ? '全国创客组100强' : '全国企业组500强';
}

export default function AdminAwardsPage() {
  const access = useAreaAccess('admin');
  const { roundId = '' } = usePageParams();
  const stage = stageOfRoundId(roundId);
  const ready = access.allowed && roundId !== '' && stage === 'final';

  const [edited, setEdited] = useState<CountsDraft | null>(null);
  const settled = useDebounced(edited, COUNTS_DELAY_MS);
  const checked = settled ? countsInput(settled) : null;
  // Until the counts are changed, the proposal uses the contest's plan; while a box is not a number, the
  // proposal stays the one of the last valid counts.
  const [counts, setCounts] = useState<ProposeCounts | undefined>(undefined);
  if (checked?.ok && JSON.stringify(checked.counts) !== JSON.stringify(counts ?? null)) setCounts(checked.counts);
  const typed = edited ? countsInput(edited) : null;
  const proposal = useCloudQuery('admin.award.propose', { roundId, ...(counts ? { counts } : {}) }, { enabled: ready });
  const [decided, setDecided] = useState<RoundView | null>(null);

  const data = proposal.data;
  const firstLoad = data === undefined && proposal.error === null;
  return (
    <View className="admin-wide">
      <PageShell
        title="评定奖项"
        {...access.shell}
        loading={access.shell.loading || (ready && firstLoad)}
        error={access.shell.error ?? (data === undefined ? proposal.error : null)}
        onRetry={access.shell.error ? access.shell.onRetry : proposal.reload}
        empty={access.allowed && stage !== 'final'}
        emptyText={
          stage
            ? `只有决赛轮次可以评定奖项，这是${stageLabels[stage]}轮次，请在「排名与晋级」确认晋级`
            : '缺少评审轮次，请从「评审轮次」打开此页'
        }
      >
        {data ? (
          <AwardsForm
            roundId={roundId}
            view={data}
            round={decided && decided.updatedAt >= data.round.updatedAt ? decided : data.round}
            counts={edited ?? countsDraftOf(data.groups)}
            countsErrors={typed && !typed.ok ? typed.errors : {}}
            refreshing={proposal.loading || (edited !== null && settled !== edited)}
            proposeError={proposal.error?.message ?? null}
            proposalKey={JSON.stringify(counts ?? null)}
            onCounts={setEdited}
            onDecided={(round) => {
              setDecided(round);
              proposal.reload();
              emitAdminEvent(AdminEvent.entriesChanged);
              emitAdminEvent(AdminEvent.resultsChanged);
              emitAdminEvent(AdminEvent.roundsChanged);
            }}
          />
        ) : null}
      </PageShell>
    </View>
  );
}

interface AwardsFormProps {
  roundId: string;
  view: AwardsView;
  round: RoundView;
  counts: CountsDraft;
  countsErrors: Record<string, string>;
  refreshing: boolean;
  proposeError: string | null;
  /** Changes belong to one proposal: new counts, new proposal, changes start again. */
  proposalKey: string;
  onCounts: (counts: CountsDraft) => void;
  onDecided: (round: RoundView) => void;
}

function AwardsForm(props: AwardsFormProps) {
  const { roundId, view, round, counts, countsErrors, refreshing, proposeError, proposalKey, onCounts, onDecided } =
    props;
  const [changed, setChanged] = useState<{ key: string; changes: AwardChanges }>({
    key: proposalKey,
    changes: noChanges,
  });
  const changes = changed.key === proposalKey ? changed.changes : noChanges;
  const setChanges = (next: (c: AwardChanges) => AwardChanges) =>
    setChanged({ key: proposalKey, changes: next(changes) });
  const [days, setDays] = useState('7');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const request = useRequestId();
  const isDecided = round.awards !== null;
  const editable = !isDecided && !busy;

  const dayCount = days.trim() === '' ? 0 : wholeNumber(days);
  const input = decideInput(roundId, view.groups, changes, dayCount ?? 0);

  const decide = async () => {
    if (busy || isDecided || refreshing) return;
    setError(null);
    if (dayCount === null || dayCount > 30) {
      setError('公示天数应为 0 到 30 的整数');
      return;
    }
    if (input.prizes.length === 0) {
      setError('请至少评定一个奖项');
      return;
    }
    const summary = view.groups
      .map((g) => {
        const given = givenCounts(g, changes);
        const parts = AWARD_PRIZES.filter((p) => given[p] > 0).map((p) => `${prizeLabels[p]} ${given[p]}`);
        return parts.length > 0 ? `${groupLabels[g.group]}：${parts.join('、')}` : '';
      })
      .filter(Boolean)
      .join('；');
    const answer = await Taro.showModal({
      title: '确认获奖名单',
      content: `${summary}，共 ${input.prizes.length} 个项目获奖；推荐 ${input.recommend?.length ?? 0} 个项目至全国企业组500强 / 创客组100强。将发布获奖名单和推荐名单${
        dayCount > 0 ? `，公示 ${dayCount} 天` : '（不设公示期）'
      }。确认后不能修改。`,
      confirmText: '确认发布',
      confirmColor: '#c8102e',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setBusy(true);
    try {
      const result = await callCloud('admin.award.decide', input, { requestId: request.idFor(JSON.stringify(input)) });
      request.settle();
      onDecided(result.round);
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      setError(failure.code === 'NETWORK' ? `${failure.message}（再次点击不会重复发布）` : failure.message);
    } finally {
      setBusy(false);
    }
  };

  const exportExcel = async () => {
    if (exporting) return;
    setExported(null);
    setExportError(null);
    setExporting(true);
    try {
      const file = await callCloud('admin.award.export', { roundId });
      await saveExport(file);
      setExported(`已导出：${file.fileName}`);
    } catch (caught) {
      setExportError(toCloudError(caught).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <View className="awards-form">
      <View className="awards-head card">
        <View className="awards-head__main">
          <Text className="awards-title">
            {round.contestName} · {roundTitle(round)}
          </Text>
          <Text
            className={`awards-state awards-state--${roundStateKey(round)} admin-chip round-chip--${roundStateKey(round)}`}
          >
            {roundStateText(round)}
          </Text>
        </View>
        <View className="admin-nav">
          <Text className="awards-board-link admin-link" onClick={() => go(judgingUrls.round(round.id))}>
            评审看板
          </Text>
          <Text className="awards-ranking-link admin-link" onClick={() => go(judgingUrls.ranking(round.id))}>
            决赛排名
          </Text>
          <Text className="admin-link" onClick={() => go(judgingUrls.audit(round.contestId, round.id))}>
            决策记录
          </Text>
        </View>
        <View className="muted awards-help">
          {isDecided
            ? '获奖名单已确认，下面是评定的奖项；推荐名单见成绩页。'
            : '按决赛排名和各奖项名额给出建议；并列跨越奖项线的项目建议给较高的奖项，请逐一确认。可逐项修改奖项和推荐。'}
        </View>
      </View>

      {isDecided && round.awards ? (
        <View className="awards-done card">
          <View className="admin-done">
            {formatShanghai(round.awards.at, 'YYYY年M月D日 HH:mm')} 已确认获奖名单
            {round.awards.awardsListId ? '，获奖名单' : ''}
            {round.awards.nationalListId ? '和推荐名单' : ''}已发布。
          </View>
          <View className="awards-done__actions">
            <Button
              className="awards-export admin-btn admin-btn--primary"
              size="mini"
              disabled={exporting}
              onClick={() => void exportExcel()}
            >
              {exporting ? '正在导出…' : '导出 Excel'}
            </Button>
            <Text className="awards-results-link admin-link" onClick={openPublicResults}>
              在「成绩」页查看公开名单
            </Text>
          </View>
          {exported ? <View className="awards-export-done muted">{exported}</View> : null}
          {exportError ? <View className="awards-export-error admin-error">{exportError}</View> : null}
        </View>
      ) : null}

      {proposeError ? <View className="awards-propose-error admin-error">{proposeError}</View> : null}
      {refreshing ? <View className="awards-refreshing muted">正在按新的名额重新生成建议…</View> : null}

      {view.groups.map((group) => (
        <GroupCard
          key={group.group}
          group={group}
          counts={counts}
          countsErrors={countsErrors}
          changes={changes}
          editable={editable}
          decided={isDecided}
          refreshing={refreshing}
          onCount={(prize, value) => {
            const row = counts[group.group];
            if (row) onCounts({ ...counts, [group.group]: { ...row, [prize]: value } });
          }}
          onPrize={(entryId, prize) => setChanges((c) => ({ ...c, prizes: { ...c.prizes, [entryId]: prize } }))}
          onRecommend={(entryId, on) => setChanges((c) => ({ ...c, recommend: { ...c.recommend, [entryId]: on } }))}
        />
      ))}
      {view.groups.length === 0 ? <View className="awards-empty card muted">本赛事没有设置组别的奖项</View> : null}

      {!isDecided ? (
        <View className="awards-footer card">
          <View className="awards-days-row">
            <Text className="awards-days__label">公示天数</Text>
            <Input
              className="awards-days admin-input"
              type="number"
              value={days}
              maxlength={2}
              onInput={(e) => setDays(e.detail.value)}
            />
            <Text className="muted">天（0 表示不设公示期）</Text>
          </View>
          <View className="awards-summary">
            将发布获奖名单（{input.prizes.length} 个项目）和推荐名单（{input.recommend?.length ?? 0} 个项目，推荐至
            全国企业组500强 / 创客组100强），获奖项目的状态变为「获奖」。确认后不能修改。
          </View>
          {error ? <View className="awards-error admin-error">{error}</View> : null}
          {Object.keys(countsErrors).length > 0 ? (
            <View className="awards-error admin-error">请先改正奖项名额</View>
          ) : null}
          <Button
            className="awards-decide admin-btn admin-btn--primary"
            disabled={busy || refreshing || Object.keys(countsErrors).length > 0}
            onClick={() => void decide()}
          >
            {busy ? '正在确认…' : '确认获奖名单'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

interface GroupCardProps {
  group: AwardsGroupView;
  counts: CountsDraft;
  countsErrors: Record<string, string>;
  changes: AwardChanges;
  editable: boolean;
  /** After the decision: the prizes as decided, nothing to change. */
  decided: boolean;
  refreshing: boolean;
  onCount: (prize: Prize, value: string) => void;
  onPrize: (entryId: string, prize: Prize | null) => void;
  onRecommend: (entryId: string, on: boolean) => void;
}

function GroupCard(props: GroupCardProps) {
  const { group, counts, countsErrors, changes, editable, decided, refreshing, onCount, onPrize, onRecommend } = props;
  const wide = useWideScreen();
  const row = counts[group.group];
  const given = givenCounts(group, changes);
  const planned = (prize: Prize) => group.counts.find((c) => c.prize === prize)?.count ?? 0;
  const names = new Map(group.items.map((i) => [i.entryId, i.projectName]));
  return (
    <View className={`awards-group card${refreshing ? ' awards-group--refreshing' : ''}`} data-group={group.group}>
      <Text className="card__title">{groupLabels[group.group]}</Text>
      {decided ? null : (
        <>
          <View className="awards-counts">
            {AWARD_PRIZES.map((prize) => (
              <View key={prize} className="awards-count">
                <Text className="awards-count__label">{prizeLabels[prize]}</Text>
                <Input
                  className={`awards-count-${group.group}-${prize} admin-input awards-count__input`}
                  type="number"
                  value={row?.[prize] ?? ''}
                  maxlength={4}
                  disabled={!editable}
                  onInput={(e) => onCount(prize, e.detail.value)}
                />
                <Text className="muted">名</Text>
                <FieldError errors={countsErrors} name={`counts.${group.group}.${prize}`} />
              </View>
            ))}
          </View>
          <View className="awards-given">
            已评定：
            {AWARD_PRIZES.map((prize) => (
              <Text
                key={prize}
                className={`awards-given__item${given[prize] !== planned(prize) ? ' awards-given--off' : ''}`}
                data-prize={prize}
              >
                {prizeLabels[prize]} {given[prize]}/{planned(prize)}
              </Text>
            ))}
          </View>
          {group.ties.map((tie) => (
            <View key={tie.entryIds.join('|')} className="awards-tie admin-note">
              {tie.entryIds.length} 个项目并列（{tie.entryIds.map((id) => names.get(id) ?? id).join('、')}），跨越 「
              {prizeLabels[tie.between[0]]}」与「{tie.between[1] ? prizeLabels[tie.between[1]] : '无奖'}
              」的分界：建议均评
              {prizeLabels[tie.between[0]]}，请确认或逐项调整。
            </View>
          ))}
        </>
      )}
      {group.items.length === 0 ? <View className="awards-empty muted">本组没有入围决赛的项目</View> : null}
      {group.items.length > 0 && process.env.TARO_ENV === 'h5' && wide ? (
        <table className="awards-table admin-table">
          <thead>
            <tr>
              <th>组内名次</th>
              <th>项目</th>
              <th>行业领域</th>
              <th className="admin-table__num">决赛得分</th>
              {decided ? (
                <th>奖项</th>
              ) : (
                <>
                  <th>建议</th>
                  <th>评定奖项</th>
                  <th>推荐至{nationalName(group.group)}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {group.items.map((item) => (
              <AwardRow
                key={item.entryId}
                group={group}
                item={item}
                changes={changes}
                editable={editable}
                decided={decided}
                table
                onPrize={onPrize}
                onRecommend={onRecommend}
              />
            ))}
          </tbody>
        </table>
      ) : (
        <View className="awards-cards">
          {group.items.map((item) => (
            <AwardRow
              key={item.entryId}
              group={group}
              item={item}
              changes={changes}
              editable={editable}
              decided={decided}
              table={false}
              onPrize={onPrize}
              onRecommend={onRecommend}
            />
          ))}
        </View>
      )}
    </View>
  );
}

function AwardRow(props: {
  group: AwardsGroupView;
  item: AwardsGroupView['items'][number];
  changes: AwardChanges;
  editable: boolean;
  decided: boolean;
  table: boolean;
  onPrize: (entryId: string, prize: Prize | null) => void;
  onRecommend: (entryId: string, on: boolean) => void;
}) {
  const { group, item, changes, editable, decided, table, onPrize, onRecommend } = props;
  const prize = prizeOf(item, changes);
  const tie = tieOf(group, item.entryId);
  const rowClass = `awards-row${tie ? ' awards-row--tie' : ''}${prize ? ' awards-row--prized' : ''}`;
  const attrs = {
    'data-entry-id': item.entryId,
    'data-prize': prize ?? 'none',
    ...(tie ? { 'data-tie': 'true' } : {}),
  };
  const rank = (
    <>
      <Text className="awards-rank">{item.aggregate === null ? '—' : item.rank}</Text>
      {item.tied ? <Text className="awards-tied admin-chip admin-chip--warn">并列</Text> : null}
    </>
  );
  const proposed = (
    <Text className={`awards-proposed${item.prize ? ' admin-chip admin-chip--brand' : ' muted'}`}>
      {item.prize ? prizeLabels[item.prize] : '无'}
      {tie ? '（并列跨奖项线）' : ''}
    </Text>
  );
  const select = (
    <ChoiceSelect
      className={`awards-prize awards-prize-${item.entryId}`}
      label=""
      value={prize ?? 'none'}
      options={prizeChoices}
      disabled={!editable}
      onChange={(v) => onPrize(item.entryId, v === undefined || v === 'none' ? null : v)}
    />
  );
  const recommend = (
    <CheckRow
      className={`awards-recommend-${item.entryId}`}
      checked={recommendedOf(item, changes)}
      disabled={!editable}
      label={table ? '推荐' : `推荐至${nationalName(group.group)}`}
      onChange={(on) => onRecommend(item.entryId, on)}
    />
  );
  const final = (
    <Text className={`awards-decided-prize${prize ? ' admin-chip admin-chip--brand' : ' muted'}`}>
      {prize ? prizeLabels[prize] : '未获奖'}
    </Text>
  );
  if (table) {
    return (
      <tr className={rowClass} {...attrs}>
        <td className="awards-rank-cell">{rank}</td>
        <td>
          <div className="awards-project">{item.projectName}</div>
          <div className="awards-org">{item.orgName}</div>
        </td>
        <td>{item.field}</td>
        <td className="awards-aggregate admin-table__num">{item.aggregate ?? '—'}</td>
        {decided ? (
          <td>{final}</td>
        ) : (
          <>
            <td>{proposed}</td>
            <td className="awards-prize-cell">{select}</td>
            <td>{recommend}</td>
          </>
        )}
      </tr>
    );
  }
  return (
    <View className={`${rowClass} awards-card`} {...attrs}>
      <View className="awards-card__head">
        <View className="awards-card__rank">{rank}</View>
        <View className="awards-card__main">
          <Text className="awards-project">{item.projectName}</Text>
          <View className="awards-org muted">
            {item.orgName} · {item.field}
          </View>
        </View>
        <Text className="awards-aggregate">{item.aggregate ?? '无评分'}</Text>
      </View>
      {decided ? (
        <View className="awards-card__controls">{final}</View>
      ) : (
        <View className="awards-card__controls">
          <View className="awards-card__proposed muted">建议：{proposed}</View>
          {select}
          {recommend}
        </View>
      )}
    </View>
  );
}
