/** 附件 of an article: up to ten documents readers can download, each with the server's word on it. */
import { Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import type { FileRef } from '@core/files/uploads';
import { FilePicker } from '../../../../components/FilePicker';
import type { PickedFile } from '../../../../services/upload';
import { FieldError } from '../../../components/FormRow';
import { ACCEPT, formatSize, pickAttachmentOnWeChat } from '../../../lib/news-upload';

const ATTACHMENTS_MAX = 10;

export interface AttachmentsCardProps {
  attachments: FileRef[];
  errors: FieldErrors;
  onChange: (attachments: FileRef[]) => void;
  uploading: boolean;
  /** Another upload runs: one at a time. */
  uploadBusy: boolean;
  onAdd: (file: PickedFile) => void;
}

export function AttachmentsCard({ attachments, errors, onChange, uploading, uploadBusy, onAdd }: AttachmentsCardProps) {
  return (
    <View className="card article-attachments">
      <Text className="card__title">附件</Text>
      <View className="muted">PDF、Excel（xlsx）或 Word（docx），每个不超过 20 MB，最多 {ATTACHMENTS_MAX} 个</View>
      {attachments.map((file, i) => (
        <View key={`${file.fileId}-${i}`} className="article-attachment" data-index={String(i)}>
          <View className="article-attachment__row">
            <Text className="article-attachment-name">{file.name}</Text>
            <Text className="muted">{formatSize(file.size)}</Text>
            <Text
              className="article-attachment-remove admin-link"
              onClick={() => onChange(attachments.filter((_, j) => j !== i))}
            >
              移除
            </Text>
          </View>
          <FieldError errors={errors} name={`attachments.${i}`} />
        </View>
      ))}
      {attachments.length < ATTACHMENTS_MAX ? (
        <View className="file-picker">
          <FilePicker
            inputClassName="article-attachment-input"
            className="article-attachment-upload button"
            accept={ACCEPT.newsAttachment}
            pickOnWeChat={pickAttachmentOnWeChat}
            onPicked={onAdd}
            disabled={uploadBusy}
          >
            {uploading ? '正在上传…' : '添加附件'}
          </FilePicker>
        </View>
      ) : null}
      <FieldError errors={errors} name="attachments" />
    </View>
  );
}
