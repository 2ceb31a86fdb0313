/** 已选: the projects that will go out, in this order, each with its prize on a 获奖名单 and the server's word on it. */
import { Text, View } from '@tarojs/components';
import { prizeLabels, type Prize } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import type { ResultKind } from '@core/results/types';
import { FieldError } from '../../../components/FormRow';
import { PRIZES, type Picked } from '../../../lib/result-pick';

export interface PickedListProps {
  picked: Picked[];
  kind: ResultKind | undefined;
  errors: FieldErrors;
  onClear: () => void;
  onRemove: (picked: Picked) => void;
  onPrize: (entryId: string, prize: Prize) => void;
}

export function PickedList({ picked, kind, errors, onClear, onRemove, onPrize }: PickedListProps) {
  return (
    <View className="results-selected">
      <View className="results-selected__head">
        <Text className="results-picked-count">已选 {picked.length} 个项目</Text>
        {picked.length > 0 ? (
          <Text className="results-pick-clear admin-link" onClick={onClear}>
            清空
          </Text>
        ) : null}
      </View>
      {kind === 'awards' && picked.length > 0 ? (
        <View className="muted results-selected__hint">请为每个项目选择奖项</View>
      ) : null}
      {picked.map((p) => (
        <View key={p.row.id} className="results-selected-row" data-entry-id={p.row.id}>
          <View className="results-selected-row__main">
            <Text className="results-selected-row__name">{p.row.projectName}</Text>
            <Text className="muted"> {p.row.orgName}</Text>
          </View>
          {kind === 'awards' ? (
            <View className="results-prizes">
              {PRIZES.map((prize) => (
                <Text
                  key={prize}
                  className={`results-prize results-prize-${prize}${p.prize === prize ? ' results-prize--active' : ''}`}
                  aria-pressed={p.prize === prize ? 'true' : 'false'}
                  onClick={() => onPrize(p.row.id, prize)}
                >
                  {prizeLabels[prize]}
                </Text>
              ))}
            </View>
          ) : null}
          <Text className="results-selected-remove admin-link" onClick={() => onRemove(p)}>
            移除
          </Text>
          <FieldError errors={errors} name={`entries.${p.row.id}`} />
        </View>
      ))}
      <FieldError errors={errors} name="entries" />
    </View>
  );
}
