/**
 * 服务机构入驻 (`/entrant/pages/institution/index`): a fund, bank, incubator or public service platform
 * applies (institution.register) and follows the review (institution.mine: 待审核 / 已通过 / 未通过 with
 * the reason). A pending or rejected application may be corrected and sent again; an approved one is
 * settled. 关注领域 are picked from the fields of contests open now, or typed as free tags.
 *
 * Class hooks: institution-page, institution-status (institution-status--pending/approved/rejected),
 * institution-reason, institution-type-<fund|bank|incubator|platform> (institution-type--active),
 * form-field-<type|name|creditCode|contactName|mobile|fields> with field-error, field-option
 * (data-value; field-option--active), field-tag (a chosen free tag; tap to remove), field-tag-input,
 * field-tag-add, institution-banner, institution-submit.
 */
import '../../lib/actions';
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { InstitutionView } from '@core/institution/views';
import type { FieldErrors } from '@core/errors';
import {
  INSTITUTION_TYPES,
  institutionInput,
  institutionTypeLabels,
  type InstitutionInput,
  type InstitutionType,
} from '@core/institution/schemas';
import { formatShanghai } from '@core/time/shanghai';
import { validate } from '@core/validation';
import { FormField, TextInput } from '../../../components/FormField';
import { PageShell } from '../../../components/PageShell';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useRequestId } from '../../../hooks/useRequestId';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { callCloud, toCloudError } from '../../../services/cloud';
import { scrollPageSoon } from '../../../services/scroll';
import './index.scss';

const statusLabels: Record<InstitutionView['status'], string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

const FIELDS_MAX = 10;

export default function InstitutionPage() {
  const { user, shell } = useSignedIn('请先登录后申请入驻');
  const signedIn = user !== null;
  const mine = useCloudQuery('institution.mine', {}, { enabled: signedIn, key: user?.openid });
  const fieldOptions = useOpenContestFields(signedIn);
  return (
    <PageShell
      {...shell}
      loading={shell.loading || (signedIn && mine.data === undefined && mine.error === null)}
      error={shell.error ?? (mine.data === undefined ? mine.error : null)}
      onRetry={shell.error ? shell.onRetry : mine.reload}
    >
      {mine.data ? (
        <InstitutionForm key={user?.openid} initial={mine.data.institution} fieldOptions={fieldOptions} />
      ) : null}
    </PageShell>
  );
}

/** The industry fields of every contest open for sign-up now; contest.list has no fields, so one contest.get each. */
function useOpenContestFields(enabled: boolean): string[] {
  const list = useCloudQuery('contest.list', {}, { enabled });
  const [fields, setFields] = useState<string[]>([]);
  useEffect(() => {
    const open = (list.data?.items ?? []).filter((c) => c.registration.status === 'open');
    if (open.length === 0) return;
    let current = true;
    Promise.allSettled(open.map((c) => callCloud('contest.get', { id: c.id }))).then((answers) => {
      const all = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value.contest.fields : []));
      if (current) setFields([...new Set(all)]);
    });
    return () => {
      current = false;
    };
  }, [list.data]);
  return fields;
}

interface Values {
  type: InstitutionType | '';
  name: string;
  creditCode: string;
  contactName: string;
  mobile: string;
  fields: string[];
}

function valuesOf(institution: InstitutionView | null): Values {
  if (institution === null) return { type: '', name: '', creditCode: '', contactName: '', mobile: '', fields: [] };
  const { type, name, creditCode, contactName, fields } = institution;
  // The stored mobile comes back masked only; it is typed again to resubmit.
  return { type, name, creditCode, contactName, mobile: '', fields: [...fields] };
}

function check(values: Values): { ok: true; value: InstitutionInput } | { ok: false; errors: FieldErrors } {
  const result = validate(institutionInput, toInput(values));
  if (result.ok) return { ok: true, value: result.value };
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(result.errors)) {
    const field = key.startsWith('fields.') ? 'fields' : key;
    errors[field] ??= field === 'type' && message === '此项为必填项' ? '请选择机构类型' : message;
  }
  return { ok: false, errors };
}

function toInput(values: Values): Record<string, unknown> {
  return {
    type: values.type === '' ? undefined : values.type,
    name: values.name,
    creditCode: values.creditCode,
    contactName: values.contactName,
    mobile: values.mobile,
    fields: values.fields,
  };
}

function InstitutionForm({ initial, fieldOptions }: { initial: InstitutionView | null; fieldOptions: string[] }) {
  const [institution, setInstitution] = useState(initial);
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [tagDraft, setTagDraft] = useState('');
  const [sending, setSending] = useState(false);
  const request = useRequestId();

  const update = (patch: Partial<Values>, field: keyof Values) => {
    const next = { ...values, ...patch };
    setValues(next);
    if (errors[field] !== undefined) {
      const result = check(next);
      setErrors((prev) => {
        const out = { ...prev };
        const message = result.ok ? undefined : result.errors[field];
        if (message === undefined) delete out[field];
        else out[field] = message;
        return out;
      });
    }
  };
  const leave = (field: keyof Values) => () => {
    const result = check(values);
    const message = result.ok ? undefined : result.errors[field];
    setErrors((prev) => {
      const out = { ...prev };
      if (message === undefined) delete out[field];
      else out[field] = message;
      return out;
    });
  };

  const toggleField = (field: string) => {
    if (values.fields.includes(field)) {
      update({ fields: values.fields.filter((f) => f !== field) }, 'fields');
      return;
    }
    if (values.fields.length >= FIELDS_MAX) {
      setErrors((prev) => ({ ...prev, fields: `关注领域最多 ${FIELDS_MAX} 个` }));
      return;
    }
    update({ fields: [...values.fields, field] }, 'fields');
  };
  const addTag = () => {
    const tag = tagDraft.trim();
    if (tag === '') return;
    setTagDraft('');
    if (!values.fields.includes(tag)) toggleField(tag);
  };

  const submit = async () => {
    if (sending) return;
    const result = check(values);
    if (!result.ok) {
      setErrors(result.errors);
      setBanner('请检查标红的项目');
      scrollPageSoon({ selector: '.form-field--error' });
      return;
    }
    const requestId = request.idFor(JSON.stringify(result.value));
    setSending(true);
    setBanner(null);
    try {
      const answer = await callCloud('institution.register', result.value, { requestId });
      request.settle();
      setInstitution(answer.institution);
      setValues(valuesOf(answer.institution));
      setErrors({});
      void Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
      scrollPageSoon({ scrollTop: 0 });
    } catch (caught) {
      const error = toCloudError(caught);
      request.settle(error);
      const perField = error.code === 'INVALID_INPUT' || error.code === 'CONTENT_RISKY';
      if (perField && error.details) {
        const fields: FieldErrors = {};
        for (const [k, message] of Object.entries(error.details)) {
          if (typeof message === 'string') fields[k.startsWith('fields.') ? 'fields' : k] ??= message;
        }
        setErrors((prev) => ({ ...prev, ...fields }));
      }
      setBanner(error.message);
    } finally {
      setSending(false);
    }
  };

  const custom = values.fields.filter((f) => !fieldOptions.includes(f));
  const textField = (
    name: 'name' | 'creditCode' | 'contactName' | 'mobile',
    label: string,
    max: number,
    placeholder?: string,
  ) => (
    <FormField name={name} label={label} required error={errors[name]}>
      <TextInput
        value={values[name]}
        maxlength={max}
        placeholder={placeholder}
        type={name === 'mobile' ? 'number' : 'text'}
        onChange={(value) => update({ [name]: value }, name)}
        onBlur={leave(name)}
      />
    </FormField>
  );

  return (
    <View className="institution-page">
      {institution ? (
        <View className="card institution-status-card">
          <View className="institution-status-card__row">
            <Text className="card__title">{institution.name}</Text>
            <Text className={`institution-status institution-status--${institution.status}`}>
              {statusLabels[institution.status]}
            </Text>
          </View>
          <View className="muted">
            {institutionTypeLabels[institution.type]} · 申请于 {formatShanghai(institution.createdAt)}
          </View>
          {institution.statusReason ? (
            <View className="institution-reason">原因：{institution.statusReason}</View>
          ) : null}
          {institution.status === 'pending' ? <View className="muted">组委会审核后会在这里显示结果。</View> : null}
        </View>
      ) : (
        <View className="note">
          投资机构、银行、孵化基地和公共服务平台可申请入驻，审核通过后可浏览同意对接的参赛项目并发起产融对接。
        </View>
      )}

      {institution?.status === 'approved' ? (
        <View className="card">
          <View className="muted">机构已通过审核。如需修改机构信息，请联系组委会。</View>
          <View className="muted">关注领域：{institution.fields.join('、')}</View>
        </View>
      ) : (
        <>
          <View className="section-title">{institution ? '修改后重新提交' : '入驻申请'}</View>
          <View className="card form-card">
            <FormField name="type" label="机构类型" required error={errors.type}>
              <View className="choice-chips">
                {INSTITUTION_TYPES.map((type) => (
                  <Text
                    key={type}
                    className={`institution-type institution-type-${type}${values.type === type ? ' institution-type--active' : ''}`}
                    onClick={() => update({ type }, 'type')}
                  >
                    {institutionTypeLabels[type]}
                  </Text>
                ))}
              </View>
            </FormField>
            {textField('name', '机构名称', 60)}
            {textField('creditCode', '统一社会信用代码', 30, '18 位')}
            {textField('contactName', '联系人', 20)}
            {textField(
              'mobile',
              '手机',
              20,
              institution ? `原号码 ${institution.mobileMasked}，请重新填写` : '11 位手机号码',
            )}
            <FormField
              name="fields"
              label={`关注领域（${values.fields.length}/${FIELDS_MAX}）`}
              required
              error={errors.fields}
              hint="可从开放报名赛事的行业领域中选择，也可以自己添加"
            >
              <View className="choice-chips">
                {fieldOptions.map((field) => (
                  <Text
                    key={field}
                    className={`field-option${values.fields.includes(field) ? ' field-option--active' : ''}`}
                    data-value={field}
                    onClick={() => toggleField(field)}
                  >
                    {field}
                  </Text>
                ))}
                {custom.map((tag) => (
                  <Text key={tag} className="field-tag field-option--active" onClick={() => toggleField(tag)}>
                    {tag} ×
                  </Text>
                ))}
              </View>
              <View className="field-tag-row">
                <View className="field-tag-input">
                  <TextInput
                    value={tagDraft}
                    maxlength={20}
                    placeholder="其他领域，如：人工智能"
                    onChange={setTagDraft}
                  />
                </View>
                <Button className="field-tag-add" size="mini" onClick={addTag}>
                  添加
                </Button>
              </View>
            </FormField>
          </View>
          {banner ? <View className="institution-banner">{banner}</View> : null}
          <Button
            className="institution-submit primary-button"
            loading={sending || undefined}
            disabled={sending || undefined}
            onClick={() => void submit()}
          >
            {institution ? '重新提交' : '提交申请'}
          </Button>
        </>
      )}
    </View>
  );
}
