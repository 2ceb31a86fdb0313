/**
 * 提出异议 (`/pages/objection/index?listId=&entryId=&title=&project=`): during a list's 公示, a signed-in
 * user objects to the list or one project on it, with a reason (5–500 字), a way to reach them and,
 * optionally, evidence (PDF or image, ≤ 10 MB, checked before any upload). A visitor on H5 is told to
 * sign in first (PageShell, with 登录). `title` and `project` only label the form.
 */
import '../../lib/actions';
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { resultsActions } from '@core/results/actions';
import { validate } from '@core/validation';
import { FilePicker } from '../../../components/FilePicker';
import { Counter, FormField } from '../../../components/FormField';
import { PageShell } from '../../../components/PageShell';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { usePageParams } from '../../../hooks/usePageParams';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { toCloudError } from '../../../services/cloud';
import { formatFileSize } from '../../../services/file-size';
import { routes } from '../../../services/routes';
import {
  objectionFileProblem,
  pickObjectionFileOnWeChat,
  uploadObjectionAttachment,
  type PickedFile,
  type UploadedFile,
} from '../../../services/upload';
import './index.scss';

const REASON_MAX = 500;
const CONTACT_MAX = 50;

export default function ObjectionPage() {
  const params = usePageParams();
  const listId = params.listId ?? '';
  const { user, shell } = useSignedIn('提出异议需要先登录');
  return (
    <PageShell title="提出异议" {...shell} empty={listId === ''} emptyText="没有指定名单">
      {user ? (
        <ObjectionForm
          listId={listId}
          entryId={params.entryId}
          title={params.title ?? ''}
          project={params.project ?? ''}
        />
      ) : null}
    </PageShell>
  );
}

type Errors = Partial<Record<'reason' | 'contact' | 'attachment', string>>;

function ObjectionForm({
  listId,
  entryId,
  title,
  project,
}: {
  listId: string;
  entryId?: string;
  title: string;
  project: string;
}) {
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState('');
  const [attachment, setAttachment] = useState<UploadedFile | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  // One id per distinct submission: a retry while its outcome is unknown is the same objection, not a second one.
  const filing = useCloudAction('results.objection.file');
  const submitting = filing.busy;
  const uploading = progress !== null;

  // The hook holds the server's refusal: its messages replace those beside the fields, the rest go above 提交.
  useEffect(() => {
    const failure = filing.error;
    if (failure === null) return;
    const details = failure.details ?? {};
    const field = (name: string) => (typeof details[name] === 'string' ? (details[name] as string) : undefined);
    const next: Errors = { reason: field('reason'), contact: field('contact'), attachment: field('attachment') };
    setErrors(next);
    if (!next.reason && !next.contact && !next.attachment) setFormError(failure.message);
  }, [filing.error]);

  const fieldChanged = (field: keyof Errors) => {
    setErrors((prev) => ({ ...prev, [field]: undefined }));
    setFormError(null);
  };

  const upload = async (file: PickedFile) => {
    // Checked here so a wrong or oversized file never reaches files.upload.prepare.
    const problem = objectionFileProblem(file);
    if (problem !== null) {
      setErrors((prev) => ({ ...prev, attachment: problem }));
      return;
    }
    fieldChanged('attachment');
    setProgress(0);
    try {
      setAttachment(await uploadObjectionAttachment(listId, file, { onProgress: setProgress }));
    } catch (caught) {
      const failure = toCloudError(caught);
      const detail = failure.details?.attachment;
      setErrors((prev) => ({ ...prev, attachment: typeof detail === 'string' ? detail : failure.message }));
    } finally {
      setProgress(null);
    }
  };

  const submit = async () => {
    if (submitting || uploading) return;
    const input = {
      listId,
      ...(entryId ? { entryId } : {}),
      reason,
      contact,
      ...(attachment ? { attachment } : {}),
    };
    // The action's own schema: the same messages the server would give, without the round trip.
    const checked = validate(resultsActions['results.objection.file'].input, input);
    if (!checked.ok) {
      setErrors({ reason: checked.errors.reason, contact: checked.errors.contact });
      if (!checked.errors.reason && !checked.errors.contact) setFormError(Object.values(checked.errors)[0] ?? null);
      return;
    }
    setFormError(null);
    if (await filing.run(checked.value)) setDone(true);
  };

  if (done) {
    return (
      <View className="objection-success card">
        <View className="objection-success__title">异议已提交</View>
        <View className="muted">组委会将在核实后答复，答复可在「我的 → 我的异议」查看。</View>
        <View className="objection-success__actions">
          <Button className="objection-to-mine primary-button" onClick={() => void Taro.switchTab({ url: routes.me })}>
            查看我的异议
          </Button>
          <Button className="objection-back" onClick={() => void Taro.switchTab({ url: routes.results })}>
            返回成绩
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="objection-form">
      <View className="objection-target card">
        <View className="muted">名单</View>
        <View className="objection-target__title">{title || '公示名单'}</View>
        <View className="muted">{project ? `项目：${project}` : '对整份名单提出异议'}</View>
      </View>

      <View className="card">
        <FormField
          name="reason"
          label="异议理由"
          required
          error={errors.reason}
          aside={<Counter length={reason.length} max={REASON_MAX} />}
        >
          <Textarea
            className="objection-reason form-input form-textarea"
            value={reason}
            maxlength={REASON_MAX}
            placeholder="请写明异议所涉及的事实和理由（至少 5 个字）"
            autoHeight
            disabled={submitting || undefined}
            onInput={(e) => {
              setReason(e.detail.value);
              fieldChanged('reason');
            }}
          />
        </FormField>
        <FormField
          name="contact"
          label="联系方式"
          required
          error={errors.contact}
          hint="手机号或邮箱，仅组委会核实时使用"
        >
          <Input
            className="objection-contact form-input"
            value={contact}
            maxlength={CONTACT_MAX}
            placeholder="手机号或邮箱"
            disabled={submitting || undefined}
            onInput={(e) => {
              setContact(e.detail.value);
              fieldChanged('contact');
            }}
          />
        </FormField>
        <FormField
          name="attachment"
          label="证明材料（可选）"
          error={errors.attachment}
          hint="PDF 或图片（PNG、JPEG），不超过 10 MB"
        >
          {attachment ? (
            <View className="objection-attachment">
              <Text className="objection-attachment-name">{attachment.name}</Text>
              <Text className="muted">{formatFileSize(attachment.size)}</Text>
              <Text
                className="objection-attachment-remove"
                onClick={() => {
                  setAttachment(null);
                  fieldChanged('attachment');
                }}
              >
                删除
              </Text>
            </View>
          ) : null}
          {uploading ? (
            <View className="upload-progress muted">正在上传 {Math.round((progress ?? 0) * 100)}%</View>
          ) : null}
          {/* The handle names the H5 input objection-attachment-input; objection-attach stays the button's own. */}
          <FilePicker
            inputClassName="objection-attachment-input"
            className="objection-attach"
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            pickOnWeChat={pickObjectionFileOnWeChat}
            onPicked={(file) => void upload(file)}
            disabled={submitting}
            loading={uploading}
          >
            {attachment ? '重新选择' : '选择文件'}
          </FilePicker>
        </FormField>
      </View>

      {formError ? <View className="objection-error note">{formError}</View> : null}
      <Button
        className="objection-submit primary-button"
        loading={submitting || undefined}
        disabled={submitting || uploading || undefined}
        onClick={() => void submit()}
      >
        提交异议
      </Button>
    </View>
  );
}
