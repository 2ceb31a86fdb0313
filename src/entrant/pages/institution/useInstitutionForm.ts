/**
 * The 入驻申请 form's state apart from its layout: values as typed, messages checked by core's schema as a
 * field is left (and then as it is typed), and institution.register with the server's messages put beside
 * the fields they name.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { FieldErrors } from '@core/errors';
import type { InstitutionView } from '@core/institution/views';
import { institutionInput, type InstitutionInput, type InstitutionType } from '@core/institution/schemas';
import { validate } from '@core/validation';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { scrollPageSoon } from '../../../services/scroll';

export const FIELDS_MAX = 10;

export interface Values {
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

export function useInstitutionForm(initial: InstitutionView | null) {
  const [institution, setInstitution] = useState(initial);
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const registration = useCloudAction('institution.register');

  // The hook holds the server's refusal; its messages go beside the fields, where the next edit updates them.
  useEffect(() => {
    const error = registration.error;
    if (error === null) return;
    const perField = error.code === 'INVALID_INPUT' || error.code === 'CONTENT_RISKY';
    if (perField && error.details) {
      const fields: FieldErrors = {};
      for (const [k, message] of Object.entries(error.details)) {
        if (typeof message === 'string') fields[k.startsWith('fields.') ? 'fields' : k] ??= message;
      }
      setErrors((prev) => ({ ...prev, ...fields }));
    }
    setBanner(error.message);
  }, [registration.error]);

  const setMessage = (field: keyof Values, message: string | undefined) =>
    setErrors((prev) => {
      const out = { ...prev };
      if (message === undefined) delete out[field];
      else out[field] = message;
      return out;
    });

  const update = (patch: Partial<Values>, field: keyof Values) => {
    const next = { ...values, ...patch };
    setValues(next);
    if (errors[field] !== undefined) {
      const result = check(next);
      setMessage(field, result.ok ? undefined : result.errors[field]);
    }
  };
  const leave = (field: keyof Values) => {
    const result = check(values);
    setMessage(field, result.ok ? undefined : result.errors[field]);
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

  const submit = async () => {
    if (registration.busy) return;
    const result = check(values);
    if (!result.ok) {
      setErrors(result.errors);
      setBanner('请检查标红的项目');
      scrollPageSoon({ selector: '.form-field--error' });
      return;
    }
    setBanner(null);
    const answer = await registration.run(result.value);
    if (answer === undefined) return;
    setInstitution(answer.institution);
    setValues(valuesOf(answer.institution));
    setErrors({});
    void Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
    scrollPageSoon({ scrollTop: 0 });
  };

  return { institution, values, errors, banner, busy: registration.busy, update, leave, toggleField, submit };
}
