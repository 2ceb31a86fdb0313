/**
 * 导出 Excel: one button that asks the cloud for the export, downloads it (H5) or opens it in WeChat's viewer, and
 * says what came out. `handle` names the parts for tests (`<handle>-export`, `-export-done`, `-export-error`);
 * `children` go before the button (e.g. the 含敏感信息 box), `confirm` may ask before anything is sent.
 */
import { useState, type ReactNode } from 'react';
import { Button, View } from '@tarojs/components';
import { toCloudError } from '../../../services/cloud';
import { saveExport } from '../../lib/judging';

export interface ExportedFile {
  url: string;
  fileName: string;
  rows?: number;
}

export interface ExportBoxProps {
  handle: string;
  exportFile: () => Promise<ExportedFile>;
  /** Resolves false to stop (the organizer cancelled a confirmation). */
  confirm?: () => Promise<boolean>;
  /** After a file came out (e.g. to clear a one-time option). */
  onExported?: () => void;
  className?: string;
  children?: ReactNode;
}

export function ExportBox(props: ExportBoxProps) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (busy) return;
    setDone(null);
    setError(null);
    if (props.confirm && !(await props.confirm())) return;
    setBusy(true);
    try {
      const file = await props.exportFile();
      await saveExport(file);
      setDone(file.rows === undefined ? `已导出：${file.fileName}` : `已导出 ${file.rows} 条：${file.fileName}`);
      props.onExported?.();
    } catch (caught) {
      setError(toCloudError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  const { handle } = props;
  return (
    <View className={`${handle}-export-box ${props.className ?? ''}`}>
      <View className={`${handle}-export-row`}>
        {props.children}
        <Button
          className={`${handle}-export button button--primary`}
          size="mini"
          disabled={busy}
          onClick={() => void run()}
        >
          {busy ? '正在导出…' : '导出 Excel'}
        </Button>
      </View>
      {done ? <View className={`${handle}-export-done muted`}>{done}</View> : null}
      {error ? <View className={`${handle}-export-error admin-error`}>{error}</View> : null}
    </View>
  );
}

export default ExportBox;
