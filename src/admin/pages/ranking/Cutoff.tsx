/**
 * 晋级: the cut-off of a 预赛 or 复赛. The organizer picks a rule (前 N 名 / 每组前 N 名 / 名额按项目数占比) and N,
 * 预览 shows what it does per scope (slots, and the exact quota of each field), who is in, the ties that straddle
 * the cut-off with the slots open to them, the first entries below and the unscored; every straddling tie must
 * be resolved (exactly the open number picked, or the whole tie admitted) before 确认晋级 is possible. The
 * confirm carries the preview's fingerprint (a score changed since: CUTOFF_CHANGED, preview again) and one
 * requestId for as long as the same decision is retried after a lost answer.
 *
 * Class hooks: cutoff-card; cutoff-rule-<top|topPerGroup|proportional> (chips, aria-pressed), cutoff-n (its
 * <input>), cutoff-preview-run (预览), cutoff-preview-error, field-error (data-for = rule.n);
 * cutoff-preview: cutoff-overview, cutoff-scope per scope (data-scope; cutoff-scope-slots, cutoff-scope-quota),
 * cutoff-tie per straddling tie (data-scope, data-open, data-resolved) with cutoff-tie-all (全部晋级, CheckRow),
 * cutoff-tie-pick-<entryId> (CheckRow, aria-checked) and cutoff-tie-status; cutoff-admitted (cutoff-admitted-row,
 * data-entry-id; cutoff-admitted-more), cutoff-out (cutoff-out-row), cutoff-unscored (cutoff-unscored-row);
 * cutoff-days (its <input>), cutoff-summary, cutoff-changed (评分有变化, with cutoff-preview-again),
 * cutoff-error, cutoff-confirm (a confirm first: Taro.showModal; H5 .taro-model__confirm);
 * after: cutoff-done, cutoff-results-link (成绩 page).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import type { CutoffRule } from '@core/judging/types';
import type { CutoffEntryView, CutoffView, RoundView } from '@core/judging/views';
import { resultKindLabels } from '@core/results/types';
import { useRequestId } from '../../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../../services/cloud';
import { CheckRow } from '../../components/CheckRow';
import { FieldError } from '../../components/FormRow';
import {
  admitWholeTie,
  admittedCount,
  allTiesResolved,
  choiceOf,
  chosenEntries,
  tieResolved,
  toggleTied,
  type TieChoices,
} from '../../lib/cutoff-choice';
import { cutoffRuleLabels, cutoffRuleText, wholeNumber } from '../../lib/judging';

const RULES: ReadonlyArray<CutoffRule['kind']> = ['top', 'topPerGroup', 'proportional'];
const ADMITTED_SHOWN = 30;

const ruleHelp: Record<CutoffRule['kind'], string> = {
  top: '全部项目按得分排名，取前 N 名。',
  topPerGroup: '企业组、创客组分别排名，每组各取前 N 名。',
  proportional: '共 N 个名额，按各行业领域的项目数占比分配（最大余数法，每个领域至少 1 个），领域内按得分排名。',
};

function toWhere(round: Pick<RoundView, 'stage'>): string {
  return round.stage === 'preliminary' ? '晋级复赛' : '入围决赛';
}

export interface CutoffProps {
  round: RoundView;
  onAdvanced: (result: { round: RoundView; advanced: number; listId: string; publicityDays: number }) => void;
}

export function Cutoff({ round, onAdvanced }: CutoffProps) {
  const [kind, setKind] = useState<CutoffRule['kind']>(round.stage === 'semifinal' ? 'proportional' : 'top');
  const [n, setN] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<CutoffView | null>(null);
  const [choices, setChoices] = useState<TieChoices>({});
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [days, setDays] = useState('7');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = useRequestId();

  // A preview belongs to the rule it was made for: another rule or N needs a new one.
  const count = wholeNumber(n);
  const current = preview && preview.rule.kind === kind && preview.rule.n === count ? preview : null;

  const runPreview = async () => {
    if (previewing) return;
    setPreviewError(null);
    setError(null);
    if (count === null || count < 1) {
      setErrors({ 'rule.n': '请填写晋级名额（不少于 1 的整数）' });
      return;
    }
    setErrors({});
    setPreviewing(true);
    try {
      const answer = await callCloud('admin.round.cutoff', { roundId: round.id, rule: { kind, n: count } });
      setPreview(answer.preview);
      setChoices({});
      setStale(false);
    } catch (caught) {
      const failure = toCloudError(caught);
      const detail = failure.details?.rule ?? failure.details?.['rule.n'];
      if (typeof detail === 'string') setErrors({ 'rule.n': detail });
      setPreviewError(failure.message);
    } finally {
      setPreviewing(false);
    }
  };

  const dayCount = days.trim() === '' ? 0 : wholeNumber(days);
  const daysOk = dayCount !== null && dayCount <= 30;
  const resolved = current ? allTiesResolved(current, choices) : false;
  const admitting = current ? admittedCount(current, choices) : 0;
  const listLabel = current?.next ? resultKindLabels[current.next.listKind] : '';

  const confirm = async () => {
    if (!current || busy || stale || !resolved) return;
    setError(null);
    if (!daysOk || dayCount === null) {
      setErrors({ publicityDays: '公示天数应为 0 到 30 的整数' });
      return;
    }
    setErrors({});
    const answer = await Taro.showModal({
      title: '确认晋级',
      content: `${admitting} 个项目${toWhere(round)}，并发布名单「${listLabel}」${
        dayCount > 0 ? `，公示 ${dayCount} 天` : '（不设公示期）'
      }。确认后本轮评分结束，名单不能修改。`,
      confirmText: '确认晋级',
      confirmColor: '#c8102e',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    const input = {
      roundId: round.id,
      rule: current.rule,
      fingerprint: current.fingerprint,
      chosen: chosenEntries(current, choices),
      publicityDays: dayCount,
    };
    setBusy(true);
    try {
      const result = await callCloud('admin.round.advance', input, { requestId: request.idFor(JSON.stringify(input)) });
      request.settle();
      onAdvanced({ ...result, publicityDays: dayCount });
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      if (failure.code === 'CUTOFF_CHANGED') {
        setStale(true);
        return;
      }
      setError(failure.code === 'NETWORK' ? `${failure.message}（再次点击「确认晋级」不会重复晋级）` : failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="cutoff-card card">
      <Text className="card__title">晋级线</Text>
      <View className="cutoff-rules">
        {RULES.map((k) => (
          <Text
            key={k}
            className={`cutoff-rule cutoff-rule-${k}${kind === k ? ' cutoff-rule--active' : ''}`}
            aria-pressed={kind === k ? 'true' : 'false'}
            onClick={() => setKind(k)}
          >
            {cutoffRuleLabels[k]}
          </Text>
        ))}
      </View>
      <View className="muted cutoff-help">{ruleHelp[kind]}</View>
      <View className="cutoff-form">
        <Text className="cutoff-form__label">N =</Text>
        <Input
          className="cutoff-n admin-input"
          type="number"
          value={n}
          maxlength={5}
          placeholder={kind === 'topPerGroup' ? '每组名额' : '名额'}
          onInput={(e) => {
            setN(e.detail.value);
            setErrors({});
          }}
        />
        <Button
          className="cutoff-preview-run admin-btn admin-btn--primary"
          size="mini"
          disabled={previewing}
          onClick={() => void runPreview()}
        >
          {previewing ? '正在预览…' : current ? '重新预览' : '预览'}
        </Button>
      </View>
      <FieldError errors={errors} name="rule.n" />
      {previewError ? <View className="cutoff-preview-error admin-error">{previewError}</View> : null}
      {preview && !current ? <View className="muted cutoff-help">规则已修改，请重新预览。</View> : null}

      {current ? (
        <View className="cutoff-preview">
          <View className="cutoff-overview">
            按「{cutoffRuleText(current.rule)}」：确定{toWhere(round)} {current.admitted.length} 个
            {current.straddling.length > 0 ? `，并列待定 ${current.straddling.length} 个` : ''}，未晋级{' '}
            {current.outCount} 个{current.unscored.length > 0 ? `，无评分 ${current.unscored.length} 个` : ''}
            。预览不会改变任何数据。
          </View>
          <Scopes preview={current} />
          {current.scopes
            .filter((s) => s.straddling.length > 0)
            .map((scope) => {
              const choice = choiceOf(choices, scope);
              const done = tieResolved(choices, scope);
              const first = scope.straddling[0];
              return (
                <View
                  key={scope.scope}
                  className={`cutoff-tie admin-note${done ? ' cutoff-tie--resolved' : ''}`}
                  data-scope={scope.scope}
                  data-open={String(scope.open)}
                  data-resolved={done ? 'true' : 'false'}
                >
                  <Text className="cutoff-tie__title">
                    {scope.label}：{scope.straddling.length} 个项目并列第 {first?.scopeRank ?? ''} 名（
                    {first?.aggregate ?? '—'} 分），剩余名额 {scope.open} 个
                  </Text>
                  <View className="cutoff-tie__help">
                    请勾选其中 {scope.open} 个晋级（如按评审意见、答辩表现），或让并列的 {scope.straddling.length}{' '}
                    个全部晋级（多用 {scope.straddling.length - scope.open} 个名额）。
                  </View>
                  <CheckRow
                    className="cutoff-tie-all"
                    checked={choice.all}
                    disabled={stale || busy}
                    label={`全部 ${scope.straddling.length} 个并列项目都晋级`}
                    onChange={(on) => setChoices((c) => admitWholeTie(c, scope, on))}
                  />
                  {scope.straddling.map((e) => {
                    const on = choice.chosen.includes(e.entryId);
                    const full = !on && choice.chosen.length >= scope.open;
                    return (
                      <View key={e.entryId} className="cutoff-tie__entry">
                        <CheckRow
                          className={`cutoff-tie-pick-${e.entryId}`}
                          checked={on}
                          disabled={choice.all || full || stale || busy}
                          label={`${e.projectName}（${e.orgName}）`}
                          onChange={(next) => setChoices((c) => toggleTied(c, scope, e.entryId, next))}
                        />
                      </View>
                    );
                  })}
                  <View className={`cutoff-tie-status${done ? ' cutoff-tie-status--done' : ''}`}>
                    {choice.all
                      ? `已选择全部 ${scope.straddling.length} 个晋级`
                      : done
                        ? `已选 ${choice.chosen.length}/${scope.open} 个`
                        : `已选 ${choice.chosen.length}/${scope.open} 个，还需选择 ${scope.open - choice.chosen.length} 个或选择全部晋级`}
                  </View>
                </View>
              );
            })}
          <EntryList
            className="cutoff-admitted"
            title={`确定${toWhere(round)}（${current.admitted.length}）`}
            entries={current.admitted}
            limit={ADMITTED_SHOWN}
          />
          {current.out.length > 0 ? (
            <EntryList
              className="cutoff-out"
              title={`晋级线以下（共 ${current.outCount} 个，列出最接近的 ${current.out.length} 个）`}
              entries={current.out}
              limit={10}
            />
          ) : null}
          {current.unscored.length > 0 ? (
            <EntryList
              className="cutoff-unscored"
              title={`没有评分的项目（${current.unscored.length}，不会晋级）`}
              entries={current.unscored}
              limit={10}
            />
          ) : null}

          <View className="cutoff-days-row">
            <Text className="cutoff-form__label">公示天数</Text>
            <Input
              className="cutoff-days admin-input"
              type="number"
              value={days}
              maxlength={2}
              onInput={(e) => setDays(e.detail.value)}
            />
            <Text className="muted">天（0 表示不设公示期；公示期内公众可以对名单提出异议）</Text>
          </View>
          <FieldError errors={errors} name="publicityDays" />
          <View className="cutoff-summary">
            {resolved
              ? `确认后：${admitting} 个项目${toWhere(round)}，发布「${listLabel}」${
                  daysOk && dayCount ? `，公示 ${dayCount} 天（自发布时起算）` : ''
                }。`
              : '请先处理上面的并列项目，再确认晋级。'}
          </View>
          {stale ? (
            <View className="cutoff-changed admin-error">
              评分有变化（预览之后有评委提交或修改了评分），晋级名单可能不同，请重新预览后再确认。
              <Text className="cutoff-preview-again admin-link" onClick={() => void runPreview()}>
                {' '}
                重新预览
              </Text>
            </View>
          ) : null}
          {error ? <View className="cutoff-error admin-error">{error}</View> : null}
          <Button
            className="cutoff-confirm admin-btn admin-btn--primary"
            disabled={!resolved || stale || busy}
            onClick={() => void confirm()}
          >
            {busy ? '正在确认…' : `确认晋级（${admitting} 个项目）`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Scopes({ preview }: { preview: CutoffView }) {
  return (
    <View className="cutoff-scopes">
      {preview.scopes.map((s) => (
        <View key={s.scope} className="cutoff-scope" data-scope={s.scope}>
          <Text className="cutoff-scope__label">{s.label}</Text>
          <Text className="muted">{s.entries} 个项目</Text>
          <Text className="cutoff-scope-slots">名额 {s.slots}</Text>
          {s.quota !== null ? <Text className="cutoff-scope-quota muted">（按占比 {s.quota}）</Text> : null}
          <Text className="muted">
            确定 {s.admitted}
            {s.straddling.length > 0 ? `，并列 ${s.straddling.length} 争 ${s.open} 个` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

function EntryList(props: { className: string; title: string; entries: CutoffEntryView[]; limit: number }) {
  const { className, title, entries, limit } = props;
  const [all, setAll] = useState(false);
  const shown = all ? entries : entries.slice(0, limit);
  return (
    <View className={`cutoff-list ${className}`}>
      <Text className="cutoff-list__title">{title}</Text>
      {entries.length === 0 ? <View className="muted">无</View> : null}
      {shown.map((e) => (
        <View key={e.entryId} className={`cutoff-list__row ${className}-row`} data-entry-id={e.entryId}>
          <Text className="cutoff-list__rank">{e.aggregate === null ? '—' : e.scopeRank}</Text>
          <Text className="cutoff-list__name">{e.projectName}</Text>
          <Text className="cutoff-list__meta muted">
            {e.orgName} · {groupLabels[e.group]} · {e.field}
          </Text>
          <Text className="cutoff-list__score">{e.aggregate ?? '无评分'}</Text>
        </View>
      ))}
      {entries.length > limit ? (
        <Text className={`${className}-more admin-link`} onClick={() => setAll(!all)}>
          {all ? '收起' : `显示全部 ${entries.length} 个`}
        </Text>
      ) : null}
    </View>
  );
}
