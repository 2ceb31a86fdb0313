/**
 * 晋级: the cut-off of a 预赛 or 复赛. The organizer picks a rule (前 N 名 / 每组前 N 名 / 名额按项目数占比) and N,
 * 预览 shows what it does per scope, who is in, the ties that straddle the cut-off, the first entries below and
 * the unscored; every straddling tie must be resolved before 确认晋级 is possible. The confirm carries the
 * preview's fingerprint (a score changed since: CUTOFF_CHANGED, preview again) and one requestId for as long as
 * the same decision is retried after a lost answer.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import type { CutoffRule } from '@core/judging/types';
import type { CutoffView, RoundView } from '@core/judging/views';
import { resultKindLabels } from '@core/results/types';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { callCloud, toCloudError } from '../../../../services/cloud';
import { FieldError } from '../../../components/FormRow';
import { admittedCount, allTiesResolved, chosenEntries, type TieChoices } from '../../../lib/cutoff-choice';
import { cutoffRuleLabels, cutoffRuleText, failureText, wholeNumber } from '../../../lib/judging';
import type { JustAdvanced } from './AdvancedCard';
import { EntryList, Scopes } from './CutoffLists';
import { CutoffTie } from './CutoffTie';

const RULES: ReadonlyArray<CutoffRule['kind']> = ['top', 'topPerGroup', 'proportional'];
const ADMITTED_SHOWN = 30;

const ruleHelp: Record<CutoffRule['kind'], string> = {
  top: '全部项目按得分排名，取前 N 名。',
  topPerGroup: '企业组、创客组分别排名，每组各取前 N 名。',
  proportional: '共 N 个名额，按各行业领域的项目数占比分配（最大余数法，每个领域至少 1 个），领域内按得分排名。',
};

/** What is unfinished about the scoring (N 个项目评分不足 k 份, 评分窗口仍开放), or null when nothing is. */
export function unfinishedText(
  round: Pick<RoundView, 'window' | 'judgesPerEntry'>,
  preview: CutoffView,
): string | null {
  const parts = [
    preview.shortOfScores > 0 ? `${preview.shortOfScores} 个项目的评分不足 ${round.judgesPerEntry} 份` : null,
    round.window === 'open' ? '评分窗口仍开放' : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join('，');
}

function toWhere(round: Pick<RoundView, 'stage'>): string {
  return round.stage === 'preliminary' ? '晋级复赛' : '入围决赛';
}

export interface CutoffProps {
  round: RoundView;
  onAdvanced: (result: JustAdvanced & { round: RoundView }) => void;
}

export function Cutoff({ round, onAdvanced }: CutoffProps) {
  const [kind, setKind] = useState<CutoffRule['kind']>(round.stage === 'semifinal' ? 'proportional' : 'top');
  const [n, setN] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<CutoffView | null>(null);
  const [choices, setChoices] = useState<TieChoices>({});
  // The preview is a read (nothing to retry with a requestId), so it keeps its own busy and error.
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [days, setDays] = useState('7');
  const advance = useCloudAction('admin.round.advance');
  const busy = advance.busy;
  // CUTOFF_CHANGED: a score changed since the preview, which stays refused until a new preview arrives.
  const stale = advance.error?.code === 'CUTOFF_CHANGED';
  const error = advance.error && !stale ? failureText(advance.error, '再次点击「确认晋级」不会重复晋级') : null;

  // A preview belongs to the rule it was made for: another rule or N needs a new one.
  const count = wholeNumber(n);
  const current = preview && preview.rule.kind === kind && preview.rule.n === count ? preview : null;

  const runPreview = async () => {
    if (previewing) return;
    setPreviewError(null);
    if (!stale) advance.reset();
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
      advance.reset();
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
    advance.reset();
    if (!daysOk || dayCount === null) {
      setErrors({ publicityDays: '公示天数应为 0 到 30 的整数' });
      return;
    }
    setErrors({});
    const warning = unfinishedText(round, current);
    if (warning !== null) {
      // Deciding on unfinished scores must be chosen twice: once here, once in the confirm below.
      const early = await Taro.showModal({
        title: '评分尚未完成',
        content: `${warning}。现在晋级将按已有评分排名（只有一份评分的项目可能并列第一），之后补交的评分不再改变名单。`,
        confirmText: '仍要继续',
        confirmColor: '#c8102e',
        cancelText: '返回',
      });
      if (!early.confirm) return;
    }
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
    const result = await advance.run({
      roundId: round.id,
      rule: current.rule,
      fingerprint: current.fingerprint,
      chosen: chosenEntries(current, choices),
      publicityDays: dayCount,
    });
    if (result) onAdvanced({ ...result, publicityDays: dayCount });
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
          className="cutoff-preview-run button button--primary"
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
          {unfinishedText(round, current) !== null ? (
            <View className="cutoff-unfinished admin-note">
              注意：{unfinishedText(round, current)}，名次可能还会变化。确认晋级前请先等评分完成，或在确认时再次确认。
            </View>
          ) : null}
          <Scopes preview={current} />
          {current.scopes
            .filter((s) => s.straddling.length > 0)
            .map((scope) => (
              <CutoffTie key={scope.scope} scope={scope} choices={choices} off={stale || busy} onChoices={setChoices} />
            ))}
          <EntryList
            className="cutoff-admitted"
            title={`确定${toWhere(round)}（${current.admitted.length}）`}
            entries={current.admitted}
            rule={current.rule.kind}
            limit={ADMITTED_SHOWN}
          />
          {current.out.length > 0 ? (
            <EntryList
              className="cutoff-out"
              title={`晋级线以下（共 ${current.outCount} 个，列出最接近的 ${current.out.length} 个）`}
              entries={current.out}
              rule={current.rule.kind}
              limit={10}
            />
          ) : null}
          {current.unscored.length > 0 ? (
            <EntryList
              className="cutoff-unscored"
              title={`没有评分的项目（${current.unscored.length}，不会晋级）`}
              entries={current.unscored}
              rule={current.rule.kind}
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
            className="cutoff-confirm button button--primary"
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
