/**
 * 提出异议 (`/pages/objection/index?listId=&entryId=&title=&project=`): during a list's 公示, a signed-in
 * user objects to the list or one project on it, with a reason (5–500 字), a way to reach them and,
 * optionally, evidence (PDF or image, ≤ 10 MB, checked before any upload). A visitor on H5 is told to
 * sign in first (PageShell, with 登录). `title` and `project` only label the form.
 *
 * Class hooks: objection-form, objection-target (what the objection is about), objection-reason
 * (Taro's Textarea; the <textarea> is inside on H5), objection-contact (Taro's Input; <input> inside),
 * form-field-<reason|contact|attachment> .field-error (messages beside the fields), objection-attach
 * (选择文件), objection-attachment-input (H5's hidden file input), objection-attachment-name,
 * objection-attachment-remove, upload-progress, objection-error (a refusal of the whole form),
 * objection-submit, objection-success (after submitting) with objection-to-mine (我的异议) and
 * objection-back (返回成绩).
 */
import '../../lib/actions';
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { resultsActions } from '@core/results/actions';
import { validate } from '@core/validation';
import { Counter, FormField } from '../../../components/FormField';
import { PageShell } from '../../../components/PageShell';
import { usePageParams } from '../../../hooks/usePageParams';
import { useRequestId } from '../../../hooks/useRequestId';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { callCloud, toCloudError } from '../../../services/cloud';
import { routes } from '../../../services/routes';
import {
  browserFile,
  formatFileSize,
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
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);
  const fileInput = useRef<HTMLInputElement | null>(null);
  // One id per distinct submission: a retry while its outcome is unknown is the same objection, not a second one.
  const request = useRequestId();
  const uploading = progress !== null;

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

  const choose = async () => {
    if (uploading || submitting) return;
    if (process.env.TARO_ENV === 'h5') {
      fileInput.current?.click();
      return;
    }
    const picked = await pickObjectionFileOnWeChat();
    if (picked) await upload(picked);
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
    const requestId = request.idFor(JSON.stringify(checked.value));
    setSubmitting(true);
    setFormError(null);
    try {
      await callCloud('results.objection.file', checked.value, { requestId });
      request.settle();
      setDone(true);
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      const details = failure.details ?? {};
      const field = (name: string) => (typeof details[name] === 'string' ? (details[name] as string) : undefined);
      const next: Errors = { reason: field('reason'), contact: field('contact'), attachment: field('attachment') };
      setErrors(next);
      if (!next.reason && !next.contact && !next.attachment) setFormError(failure.message);
    } finally {
      setSubmitting(false);
    }
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
          <Button
            className="objection-attach"
            size="mini"
            disabled={uploading || submitting || undefined}
            loading={uploading || undefined}
            onClick={() => void choose()}
          >
            {attachment ? '重新选择' : '选择文件'}
          </Button>
          {process.env.TARO_ENV === 'h5' ? (
            <input
              ref={fileInput}
              className="objection-attachment-input"
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              style={{ display: 'none' }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                // Cleared so choosing the same file again (after fixing it) fires a change.
                e.target.value = '';
                if (file) void upload(browserFile(file));
              }}
            />
          ) : null}
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
