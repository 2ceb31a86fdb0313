/**
 * 商业计划书: pick a PDF (a chat file on WeChat, the file dialog in a browser), checked for type and
 * size before anything moves, uploaded with progress; the result goes into form.businessPlan.
 *
 * Class hooks: upload-plan (the button), upload-plan-input (H5's file input, hidden), upload-progress,
 * upload-plan-name (the uploaded file's name and size).
 */
import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { BusinessPlan } from '@core/registration/forms';
import { toCloudError } from '../../../services/cloud';
import {
  browserFile,
  formatFileSize,
  pickBusinessPlanOnWeChat,
  uploadBusinessPlan,
  type PickedFile,
} from '../../../services/upload';

export interface PlanUploadProps {
  contestId: string;
  value: BusinessPlan | null;
  disabled?: boolean;
  onUploaded: (plan: BusinessPlan) => void;
  onError: (message: string) => void;
}

export function PlanUpload({ contestId, value, disabled, onUploaded, onError }: PlanUploadProps) {
  const [progress, setProgress] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const uploading = progress !== null;

  const upload = async (file: PickedFile) => {
    setProgress(0);
    try {
      const plan = await uploadBusinessPlan(contestId, file, { onProgress: setProgress });
      onUploaded(plan);
    } catch (caught) {
      onError(toCloudError(caught).message);
    } finally {
      setProgress(null);
    }
  };

  const choose = async () => {
    if (uploading || disabled) return;
    if (process.env.TARO_ENV === 'h5') {
      fileInput.current?.click();
      return;
    }
    const picked = await pickBusinessPlanOnWeChat();
    if (picked) await upload(picked);
  };

  return (
    <View className="plan-upload">
      {value ? (
        <View className="upload-plan-name">
          <Text className="plan-upload__icon">PDF</Text>
          <Text className="plan-upload__file">{value.name}</Text>
          <Text className="muted">{formatFileSize(value.size)}</Text>
        </View>
      ) : null}
      {uploading ? (
        <View className="upload-progress">
          <View className="upload-progress__bar" style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
          <Text className="upload-progress__text">正在上传 {Math.round((progress ?? 0) * 100)}%</Text>
        </View>
      ) : null}
      <Button
        className="upload-plan"
        size="mini"
        disabled={disabled || uploading || undefined}
        loading={uploading || undefined}
        onClick={() => void choose()}
      >
        {value ? '重新上传' : '选择 PDF 文件'}
      </Button>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={fileInput}
          className="upload-plan-input"
          type="file"
          accept=".pdf,application/pdf"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so choosing the same file again (after fixing it) fires a change.
            e.target.value = '';
            if (file) void upload(browserFile(file));
          }}
        />
      ) : null}
    </View>
  );
}
