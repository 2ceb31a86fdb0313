import type { Group } from '@core/contest/types';

/**
 * The sign-up form as organizers read it: each stored field with its Chinese label, in the order of
 * the form (core/registration/forms.ts). A field the form gains later still shows, under its own key,
 * so nothing an entrant typed is hidden from review.
 */
export interface FormLine {
  key: string;
  label: string;
  value: string;
  /** Long texts (简介, 亮点, 团队) get a block of their own. */
  long: boolean;
}

const labels: Record<string, string> = {
  companyName: '企业名称',
  creditCode: '统一社会信用代码',
  foundedOn: '成立日期',
  employees: '员工人数',
  revenue: '上年度营业收入（万元）',
  contactName: '联系人',
  leaderName: '负责人',
  idMasked: '身份证号（脱敏）',
  members: '团队成员',
  projectName: '项目名称',
  field: '行业领域',
  district: '所在区',
  mobile: '手机（脱敏）',
  email: '邮箱',
  summary: '项目简介',
  highlights: '创新亮点',
  team: '团队介绍',
};

const order: Record<Group, string[]> = {
  enterprise: [
    'companyName',
    'creditCode',
    'foundedOn',
    'employees',
    'revenue',
    'contactName',
    'mobile',
    'email',
    'projectName',
    'field',
    'district',
    'summary',
    'highlights',
    'team',
  ],
  maker: [
    'leaderName',
    'idMasked',
    'mobile',
    'email',
    'members',
    'projectName',
    'field',
    'district',
    'summary',
    'highlights',
  ],
};

const longFields = new Set(['summary', 'highlights', 'team', 'members']);
/** Shown elsewhere on the page (组别 in the header, 商业计划书 in its own card) or never shown (hashes). */
const skipped = new Set(['group', 'businessPlan', 'idHash', 'idNumber']);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((item) => (isMember(item) ? `${item.name}（${item.role}）` : show(item))).join('；');
  }
  return JSON.stringify(value);
}

function isMember(value: unknown): value is { name: string; role: string } {
  const m = value as { name?: unknown; role?: unknown } | null;
  return typeof m?.name === 'string' && typeof m.role === 'string';
}

export function formLines(form: Record<string, unknown> & { group: Group }): FormLine[] {
  const known = order[form.group] ?? [];
  const extra = Object.keys(form)
    .filter((key) => !skipped.has(key) && !known.includes(key))
    .sort();
  return [...known, ...extra].map((key) => ({
    key,
    label: labels[key] ?? key,
    value: show(form[key]),
    long: longFields.has(key),
  }));
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
