/**
 * One way to choose a file, per platform: WeChat's pickers (a chat file, an album photo) through `pickOnWeChat`,
 * the browser's file dialog on H5 (a hidden input). The page checks and uploads what comes back; a refusal by
 * WeChat (e.g. 需要同意隐私保护指引后才能选择文件) is shown under the button.
 */
import { useRef, useState, type ReactNode } from 'react';
import { Button, View } from '@tarojs/components';
import { PickerError } from '../../services/picker-failure';
import { browserFile, type PickedFile } from '../../services/upload';

export interface FilePickerProps {
  /** Class names of the button. */
  className: string;
  /** Class name of the H5 file input (tests upload through it). */
  inputClassName: string;
  /** H5 file dialog filter, e.g. `.pdf,application/pdf`. */
  accept: string;
  pickOnWeChat: () => Promise<PickedFile | null>;
  onPicked: (file: PickedFile) => void;
  disabled?: boolean;
  loading?: boolean;
  children: ReactNode;
}

export function FilePicker(props: FilePickerProps) {
  const input = useRef<HTMLInputElement | null>(null);
  // WeChat's refusal (the privacy agreement declined, the picker unavailable) in words; a cancel says nothing.
  const [refused, setRefused] = useState<string | null>(null);
  const choose = async () => {
    if (props.disabled || props.loading) return;
    if (process.env.TARO_ENV === 'h5') {
      input.current?.click();
      return;
    }
    setRefused(null);
    try {
      const picked = await props.pickOnWeChat();
      if (picked) props.onPicked(picked);
    } catch (error) {
      if (!(error instanceof PickerError)) throw error;
      setRefused(error.message);
    }
  };
  return (
    <>
      <Button
        className={props.className}
        size="mini"
        disabled={props.disabled || props.loading || undefined}
        loading={props.loading || undefined}
        onClick={() => void choose()}
      >
        {props.children}
      </Button>
      {refused ? <View className="file-picker-refused field-error">{refused}</View> : null}
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={input}
          className={props.inputClassName}
          type="file"
          accept={props.accept}
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so choosing the same file again (after fixing it) fires a change.
            e.target.value = '';
            if (file) props.onPicked(browserFile(file));
          }}
        />
      ) : null}
    </>
  );
}

export default FilePicker;
