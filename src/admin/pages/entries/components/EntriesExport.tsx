/** 导出 Excel of what the filters select; full mobiles only after the organizer confirms the audit. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../../../services/cloud';
import { CheckRow } from '../../../components/CheckRow';
import { ExportBox } from '../../../components/ExportBox';
import type { Selection } from '../filters';

export function EntriesExport({ selection }: { selection: Selection }) {
  const [sensitive, setSensitive] = useState(false);
  // The box can't change while the export is asked for: what is sent is what was confirmed.
  const [exporting, setExporting] = useState(false);
  const confirm = async () => {
    const answer = await Taro.showModal({
      title: '导出含敏感信息的名单',
      content:
        '表格将包含参赛者的完整手机号。本次导出会记入审计日志（操作人、时间、筛选条件、条数），请妥善保管文件，仅用于赛事工作。',
      confirmText: '确认导出',
      cancelText: '取消',
    });
    return answer.confirm;
  };
  const exportFile = async () => {
    setExporting(true);
    try {
      return await callCloud('admin.entry.export', { ...selection, includeSensitive: sensitive });
    } finally {
      setExporting(false);
    }
  };
  return (
    <ExportBox
      handle="entries"
      // Only a sensitive export asks; a plain one starts in the same tap.
      confirm={sensitive ? confirm : undefined}
      exportFile={exportFile}
      // Full mobiles are asked for one export at a time, never left on for the next click.
      onExported={() => setSensitive(false)}
    >
      <CheckRow
        className="export-sensitive"
        checked={sensitive}
        disabled={exporting}
        label="含敏感信息（完整手机号）"
        onChange={setSensitive}
      />
    </ExportBox>
  );
}
