/**
 * An entry's status as a coloured chip.
 */
import { Text } from '@tarojs/components';
import { entryStatusLabels, type EntryStatus } from '@core/registration/entry-status';
import './index.scss';

export function EntryStatusChip({ status }: { status: EntryStatus }) {
  return <Text className={`entry-status entry-status--${status}`}>{entryStatusLabels[status] ?? status}</Text>;
}

export default EntryStatusChip;
