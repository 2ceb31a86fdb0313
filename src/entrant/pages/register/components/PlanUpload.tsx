/**
 * 商业计划书: a PDF picked through FilePicker is checked for type and size before anything moves, then uploaded
 * with progress; the result goes into form.businessPlan.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { BusinessPlan } from '@core/registration/forms';
import { FilePicker } from '../../../../components/FilePicker';
import { toCloudError } from '../../../../services/cloud';
import { formatFileSize } from '../../../../services/file-size';
import { pickBusinessPlanOnWeChat, uploadBusinessPlan, type PickedFile } from '../../../../services/upload';

export interface PlanUploadProps {
  contestId: string;
  value: BusinessPlan | null;
  disabled?: boolean;
  onUploaded: (plan: BusinessPlan) => void;
  onError: (message: string) => void;
}

export function PlanUpload({ contestId, value, disabled, onUploaded, onError }: PlanUploadProps) {
  const [progress, setProgress] = useState<number | null>(null);
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
      <FilePicker
        className="upload-plan"
        inputClassName="upload-plan-input"
        accept=".pdf,application/pdf"
        pickOnWeChat={pickBusinessPlanOnWeChat}
        onPicked={(file) => void upload(file)}
        disabled={disabled}
        loading={uploading}
      >
        {value ? '重新上传' : '选择 PDF 文件'}
      </FilePicker>
    </View>
  );
}
