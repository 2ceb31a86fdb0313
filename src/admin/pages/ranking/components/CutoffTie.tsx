/**
 * One tie straddling the cut-off: pick exactly the open number of its entries (on grounds outside the score), or
 * admit the whole tie. The boxes never let a pick go past the open number (lib/cutoff-choice).
 */
import { Text, View } from '@tarojs/components';
import type { CutoffView } from '@core/judging/views';
import { CheckRow } from '../../../components/CheckRow';
import { admitWholeTie, choiceOf, tieResolved, toggleTied, type TieChoices } from '../../../lib/cutoff-choice';

export function CutoffTie(props: {
  scope: CutoffView['scopes'][number];
  choices: TieChoices;
  /** Nothing to change: the preview is stale, or the confirm is on its way. */
  off: boolean;
  onChoices: (change: (choices: TieChoices) => TieChoices) => void;
}) {
  const { scope, choices, off, onChoices } = props;
  const choice = choiceOf(choices, scope);
  const done = tieResolved(choices, scope);
  const first = scope.straddling[0];
  return (
    <View
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
        请勾选其中 {scope.open} 个晋级（如按评审意见、答辩表现），或让并列的 {scope.straddling.length} 个全部晋级（多用{' '}
        {scope.straddling.length - scope.open} 个名额）。
      </View>
      <CheckRow
        className="cutoff-tie-all"
        checked={choice.all}
        disabled={off}
        label={`全部 ${scope.straddling.length} 个并列项目都晋级`}
        onChange={(on) => onChoices((c) => admitWholeTie(c, scope, on))}
      />
      {scope.straddling.map((e) => {
        const on = choice.chosen.includes(e.entryId);
        const full = !on && choice.chosen.length >= scope.open;
        return (
          <View key={e.entryId} className="cutoff-tie__entry">
            <CheckRow
              className={`cutoff-tie-pick-${e.entryId}`}
              checked={on}
              disabled={choice.all || full || off}
              label={`${e.projectName}（${e.orgName}）`}
              onChange={(next) => onChoices((c) => toggleTied(c, scope, e.entryId, next))}
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
}
