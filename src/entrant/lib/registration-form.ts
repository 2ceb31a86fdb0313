/**
 * The sign-up form's state as the page holds it (strings, as typed) and its translations: to a draft
 * for registration.draft.save, to a submission checked by core's schemas (the same ones the cloud uses),
 * and server error details back onto the fields they concern.
 */
import type { Group } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import * as v from 'valibot';
import {
  employeesSchema,
  enterpriseForm,
  makerForm,
  revenueSchema,
  type BusinessPlan,
  type RegistrationDraft,
  type RegistrationForm,
} from '@core/registration/forms';
import { idNumberProblem } from '@core/registration/id-number';
import { validate } from '@core/validation';
import type { CloudError } from '../../services/cloud';

export const ENTERPRISE_TEXT = [
  'companyName',
  'creditCode',
  'district',
  'foundedOn',
  'employees',
  'revenue',
  'field',
  'projectName',
  'summary',
  'highlights',
  'team',
  'contactName',
  'mobile',
  'email',
] as const;

export const MAKER_TEXT = [
  'leaderName',
  'idNumber',
  'district',
  'field',
  'projectName',
  'summary',
  'highlights',
  'mobile',
  'email',
] as const;

export type TextName = (typeof ENTERPRISE_TEXT)[number] | (typeof MAKER_TEXT)[number];

export interface MemberValues {
  name: string;
  role: string;
}

export interface FormValues {
  group: Group;
  /** Every text field of both groups: switching group keeps what the two share. */
  text: Record<TextName, string>;
  members: MemberValues[];
  businessPlan: BusinessPlan | null;
}

export const MEMBERS_MAX = 10;

export function emptyValues(group: Group): FormValues {
  const text = {} as Record<TextName, string>;
  for (const name of [...ENTERPRISE_TEXT, ...MAKER_TEXT]) text[name] = '';
  return { group, text, members: [], businessPlan: null };
}

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function isBusinessPlan(value: unknown): value is BusinessPlan {
  const plan = value as Partial<BusinessPlan> | null | undefined;
  return typeof plan?.fileId === 'string' && typeof plan.name === 'string' && typeof plan.size === 'number';
}

/** A stored form (draft or submitted, from registration.mine) or a local copy, back into page state. */
export function valuesFromStored(form: Record<string, unknown>, group: Group): FormValues {
  const values = emptyValues(group);
  for (const name of Object.keys(values.text) as TextName[]) {
    // The ID number is never stored; the page shows the mask instead.
    if (name !== 'idNumber') values.text[name] = str(form[name]);
  }
  const members = Array.isArray(form.members) ? (form.members as unknown[]) : [];
  values.members = members
    .slice(0, MEMBERS_MAX)
    .map((m) => ({ name: str((m as MemberValues | null)?.name), role: str((m as MemberValues | null)?.role) }));
  values.businessPlan = isBusinessPlan(form.businessPlan) ? form.businessPlan : null;
  return values;
}

/** `''` → undefined, so an empty box reads as "请填写…" rather than as 0. */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** A draft keeps a number only when the cloud would take it; the box keeps what was typed, and submit explains. */
function optionalNumber(text: string, schema: typeof employeesSchema | typeof revenueSchema): number | undefined {
  const n = numberOf(text);
  return n !== undefined && v.is(schema, n) ? n : undefined;
}

/** What registration.draft.save keeps: whatever has been typed, unchecked beyond lengths. */
export function toDraft(values: FormValues): RegistrationDraft {
  const t = values.text;
  const project = {
    field: t.field,
    district: t.district,
    projectName: t.projectName,
    summary: t.summary,
    highlights: t.highlights,
    mobile: t.mobile,
    email: t.email,
    ...(values.businessPlan ? { businessPlan: values.businessPlan } : {}),
  };
  if (values.group === 'enterprise') {
    return {
      group: 'enterprise',
      companyName: t.companyName,
      creditCode: t.creditCode,
      foundedOn: t.foundedOn,
      employees: optionalNumber(t.employees, employeesSchema),
      revenue: optionalNumber(t.revenue, revenueSchema),
      team: t.team,
      contactName: t.contactName,
      ...project,
    };
  }
  return {
    group: 'maker',
    leaderName: t.leaderName,
    // Sent so the server can keep its hash and mask; it never stores the number itself.
    ...(t.idNumber.trim() !== '' ? { idNumber: t.idNumber } : {}),
    members: values.members,
    ...project,
  };
}

/** The submission as typed, for core's schema to check (numbers parsed, the ID number left out when masked). */
export function toSubmission(values: FormValues, idMasked: string | null): Record<string, unknown> {
  const t = values.text;
  const project = {
    field: t.field,
    district: t.district,
    projectName: t.projectName,
    summary: t.summary,
    highlights: t.highlights,
    mobile: t.mobile,
    email: t.email,
    businessPlan: values.businessPlan ?? undefined,
  };
  if (values.group === 'enterprise') {
    return {
      group: 'enterprise',
      companyName: t.companyName,
      creditCode: t.creditCode,
      foundedOn: t.foundedOn,
      employees: numberOf(t.employees),
      revenue: numberOf(t.revenue),
      team: t.team,
      contactName: t.contactName,
      ...project,
    };
  }
  const keepStoredId = idMasked !== null && t.idNumber.trim() === '';
  return {
    group: 'maker',
    leaderName: t.leaderName,
    ...(keepStoredId ? {} : { idNumber: t.idNumber }),
    members: values.members,
    ...project,
  };
}

/** Where a schema or server key is shown: `form.creditCode` → creditCode, `businessPlan.fileId` → businessPlan. */
export function fieldKeyOf(key: string): string {
  const path = key.startsWith('form.') ? key.slice('form.'.length) : key;
  if (path === 'businessPlan' || path.startsWith('businessPlan.')) return 'businessPlan';
  return path;
}

const fieldMessages: Record<string, string> = {
  businessPlan: '请上传商业计划书',
  employees: '请填写员工人数',
  revenue: '请填写上年度营业收入',
};

export type Checked = { ok: true; value: RegistrationForm } | { ok: false; errors: FieldErrors };

/**
 * The whole form against core's schema, errors keyed by where they are shown. `today` is the Shanghai
 * day by the server's clock: a founding date or a birth date after it is refused here as in the cloud.
 */
export function checkValues(values: FormValues, idMasked: string | null, today: string): Checked {
  const raw = toSubmission(values, idMasked);
  const result = values.group === 'enterprise' ? validate(enterpriseForm, raw) : validate(makerForm, raw);
  const errors: FieldErrors = {};
  if (!result.ok) {
    for (const [key, message] of Object.entries(result.errors)) {
      const field = fieldKeyOf(key);
      // The schema's fallback for a missing value says nothing about which; name the field.
      errors[field] ??=
        message === '此项为必填项' || message === '格式不正确' ? (fieldMessages[field] ?? message) : message;
    }
  }
  const t = values.text;
  if (values.group === 'enterprise' && errors.foundedOn === undefined && t.foundedOn > today) {
    errors.foundedOn = '成立日期不能晚于今天';
  }
  if (values.group === 'maker' && errors.idNumber === undefined) {
    if (t.idNumber.trim() === '') {
      if (idMasked === null) errors.idNumber = '请填写身份证号码';
    } else {
      const problem = idNumberProblem(t.idNumber, today);
      if (problem !== null) errors.idNumber = problem;
    }
  }
  if (Object.keys(errors).length > 0 || !result.ok) return { ok: false, errors };
  return { ok: true, value: result.value };
}

/** The fields a group's form shows, so a server message for one of them goes beside it. */
export function knownFields(group: Group): string[] {
  const text: readonly string[] = group === 'enterprise' ? ENTERPRISE_TEXT : MAKER_TEXT;
  return [...text, ...(group === 'maker' ? ['members'] : []), 'businessPlan'];
}

export interface ServerProblem {
  /** Messages beside fields. */
  fields: FieldErrors;
  /** The banner above the submit button. */
  banner: string;
}

/**
 * A refused save or submit, split into per-field messages (schema failures come keyed `form.x`, rule
 * failures `x`, the plan as `businessPlan.fileId`) and one banner line with the server's own message.
 */
export function serverProblem(error: CloudError, shownFields: readonly string[]): ServerProblem {
  const fields: FieldErrors = {};
  const stray: string[] = [];
  const details = error.details ?? {};
  // DUPLICATE_ENTRY and the window errors carry data (contest, dates) in details, not per-field messages.
  const perField = error.code === 'INVALID_INPUT' || error.code === 'CONTENT_RISKY';
  if (perField) {
    for (const [key, message] of Object.entries(details)) {
      if (typeof message !== 'string') continue;
      const field = fieldKeyOf(key);
      const shown = shownFields.includes(field) || /^members\.\d+\.(name|role)$/.test(field);
      if (shown) fields[field] ??= message;
      else stray.push(message);
    }
  }
  return { fields, banner: [error.message, ...stray].join('；') };
}
