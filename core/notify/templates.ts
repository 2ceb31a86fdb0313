import { formatShanghai } from '../time/shanghai';
import { SUBSCRIPTION_FIELD_RULES, subscriptionFieldType, type SubscriptionFieldType } from './field-rules';

/**
 * Every kind of message the platform sends, with the WeChat template it needs (the keys and types to pick in
 * 订阅消息 → 我的模板 of the mini-program's console), how each field's value is built from the platform's data, and
 * the page the message opens. A template's id differs per mini-program: the cloud reads it from
 * `TEMPLATE_<ENV>` (see templateEnvName), the client learns it from `notify.template.list`.
 */
export const NOTIFY_KINDS = [
  'registrationDeadline',
  'reviewResult',
  'advancement',
  'award',
  'judgeTask',
  'announcement',
  'resultPublished',
  'finalSchedule',
] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

export function isNotifyKind(value: unknown): value is NotifyKind {
  return typeof value === 'string' && (NOTIFY_KINDS as readonly string[]).includes(value);
}

export interface TemplateField {
  /** The key in the WeChat template, `thing1`; its prefix is the WeChat type. */
  key: string;
  /** The field's name in the console and in the inbox card. */
  label: string;
  /**
   * What happens to a value over the type's limit: `cut` shortens it with an ellipsis (names the platform
   * holds, which may be long); `refuse` makes it an error shown to the person who typed it (an organizer's
   * announcement title must not be cut without them seeing it).
   */
  overflow: 'cut' | 'refuse';
}

export interface TemplateSpec {
  kind: NotifyKind;
  /** The template's title in WeChat's template library, and the inbox's heading. */
  title: string;
  /** Who receives it and when: shown in 消息设置 and the README. */
  purpose: string;
  fields: readonly TemplateField[];
}

const cut = (key: string, label: string): TemplateField => ({ key, label, overflow: 'cut' });
const refuse = (key: string, label: string): TemplateField => ({ key, label, overflow: 'refuse' });

export const TEMPLATES: Readonly<Record<NotifyKind, TemplateSpec>> = {
  registrationDeadline: {
    kind: 'registrationDeadline',
    title: '报名截止提醒',
    purpose: '报名截止前 3 天和 1 天，提醒还有未提交报名的用户',
    fields: [cut('thing1', '赛事名称'), refuse('time2', '截止时间'), cut('thing3', '温馨提示')],
  },
  reviewResult: {
    kind: 'reviewResult',
    title: '审核结果通知',
    purpose: '报名审核通过或未通过时通知报名人',
    fields: [
      cut('thing1', '项目名称'),
      refuse('phrase2', '审核结果'),
      cut('thing3', '备注'),
      refuse('time4', '审核时间'),
    ],
  },
  advancement: {
    kind: 'advancement',
    title: '晋级通知',
    purpose: '项目晋级下一赛段时通知报名人',
    fields: [cut('thing1', '项目名称'), cut('thing2', '晋级赛段'), cut('thing3', '赛事名称'), cut('thing4', '备注')],
  },
  award: {
    kind: 'award',
    title: '获奖通知',
    purpose: '获奖名单确认后通知获奖项目的报名人',
    fields: [cut('thing1', '项目名称'), cut('thing2', '奖项'), cut('thing3', '赛事名称'), refuse('date4', '公布日期')],
  },
  judgeTask: {
    kind: 'judgeTask',
    title: '评审任务提醒',
    purpose: '评审截止前 1 天或组委会提醒时，通知还有项目未评的评委',
    fields: [
      cut('thing1', '评审轮次'),
      refuse('number2', '待评项目'),
      refuse('time3', '截止时间'),
      cut('thing4', '备注'),
    ],
  },
  announcement: {
    kind: 'announcement',
    title: '赛事通知',
    purpose: '组委会向选定人群发送的通知',
    fields: [
      refuse('thing1', '通知标题'),
      cut('thing2', '赛事名称'),
      refuse('time3', '时间'),
      refuse('thing4', '备注'),
    ],
  },
  resultPublished: {
    kind: 'resultPublished',
    title: '成绩公布通知',
    purpose: '名单公示时通知订阅了该赛事的用户',
    fields: [cut('thing1', '名单名称'), cut('thing2', '赛事名称'), refuse('date3', '公布日期'), cut('thing4', '备注')],
  },
  finalSchedule: {
    kind: 'finalSchedule',
    title: '决赛安排通知',
    purpose: '决赛时间和地点确定后通知入围决赛的报名人',
    fields: [cut('thing1', '赛事名称'), refuse('time2', '决赛时间'), cut('thing3', '地点'), cut('thing4', '备注')],
  },
};

/** `judgeTask` → `TEMPLATE_JUDGE_TASK`. */
export function templateEnvName(kind: NotifyKind): string {
  return `TEMPLATE_${kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

// ---------------------------------------------------------------- values

/** The characters WeChat counts for a value's length. */
const codePoints = (value: string): string[] => Array.from(value);

/** Limits by type for the `cut` rule and the error message (WeChat counts characters, not bytes). */
const MAX_CHARS: Partial<Record<SubscriptionFieldType, number>> = {
  thing: 20,
  number: 32,
  letter: 32,
  character_string: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
};

/**
 * Characters a value is cleaned of before its rule is applied: controls and line breaks (a message card shows
 * one line), bidi and zero-width marks, and pictographic emoji with their joiners and variation selectors —
 * WeChat's rule for `thing` lists Chinese, digits, letters and symbols, and an emoji in a value is a known
 * cause of 47003.
 */
const STRIP = /[\p{Cc}\p{Cf}\u{FE0E}\u{FE0F}\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}]/gu;

export function cleanFieldValue(value: string): string {
  return value.replace(/\s+/g, ' ').replace(STRIP, '').replace(/ {2,}/g, ' ').trim();
}

export type FieldProblem = { key: string; label: string; message: string };

/** One field's value fitted to its type: cut with an ellipsis, or the problem in words an organizer reads. */
export function fitField(
  field: TemplateField,
  raw: string,
): { ok: true; value: string } | { ok: false; problem: FieldProblem } {
  const type = subscriptionFieldType(field.key);
  const problem = (message: string) => ({
    ok: false as const,
    problem: { key: field.key, label: field.label, message },
  });
  if (type === null) return problem(`「${field.label}」的字段名 ${field.key} 不是微信的字段类型`);
  const value = cleanFieldValue(raw);
  // A name the platform holds may be nothing but emoji: a dash says "no text" without failing the whole message.
  if (value === '') return field.overflow === 'cut' ? { ok: true, value: '—' } : problem(`请填写「${field.label}」`);
  if (SUBSCRIPTION_FIELD_RULES[type](value)) return { ok: true, value };
  const max = MAX_CHARS[type];
  if (field.overflow === 'cut' && max !== undefined && type === 'thing') {
    const cutValue = `${codePoints(value)
      .slice(0, max - 1)
      .join('')
      .trimEnd()}…`;
    if (SUBSCRIPTION_FIELD_RULES[type](cutValue)) return { ok: true, value: cutValue };
  }
  if (max !== undefined && codePoints(value).length > max) return problem(`「${field.label}」最多 ${max} 个字`);
  return problem(`「${field.label}」的内容不符合微信消息的格式要求（${TYPE_HINTS[type]}）`);
}

const TYPE_HINTS: Record<SubscriptionFieldType, string> = {
  thing: '20 个字以内',
  number: '数字',
  letter: '字母',
  symbol: '5 个以内的符号',
  character_string: '32 位以内的数字、字母或符号',
  time: '时间，如 2026年12月1日 14:30',
  date: '日期，如 2026年12月1日',
  amount: '金额，如 ¥100',
  phone_number: '电话号码',
  car_number: '车牌号',
  name: '10 个汉字或 20 个字母以内的姓名',
  phrase: '5 个汉字以内',
  enum: '模板中的枚举值',
};

/** The message's WeChat `data`, or every field's problem. */
export function fitFields(
  kind: NotifyKind,
  values: Readonly<Record<string, string>>,
): { ok: true; data: Record<string, { value: string }> } | { ok: false; problems: FieldProblem[] } {
  const data: Record<string, { value: string }> = {};
  const problems: FieldProblem[] = [];
  for (const field of TEMPLATES[kind].fields) {
    const fitted = fitField(field, values[field.key] ?? '');
    if (fitted.ok) data[field.key] = { value: fitted.value };
    else problems.push(fitted.problem);
  }
  return problems.length === 0 ? { ok: true, data } : { ok: false, problems };
}

// ---------------------------------------------------------------- building each kind

/** WeChat's time format for `time` fields. */
export const wxTime = (instant: string | Date): string => formatShanghai(instant, 'YYYY年M月D日 HH:mm');
/** WeChat's date format for `date` fields. */
export const wxDate = (instant: string | Date): string => formatShanghai(instant, 'YYYY年M月D日');

/** The platform's data each kind is built from. */
export interface NoticeInputs {
  registrationDeadline: { contestId: string; contestName: string; closesAt: string; daysLeft: number };
  reviewResult: {
    contestId: string;
    projectName: string;
    passed: boolean;
    reason: string | null;
    decidedAt: string;
  };
  advancement: { contestId: string; projectName: string; stageName: string; contestName: string };
  award: { contestId: string; projectName: string; awardName: string; contestName: string; publishedAt: string };
  judgeTask: { roundId: string; roundName: string; pending: number; closesAt: string; note?: string };
  announcement: { contestId: string; title: string; contestName: string; at: string; note?: string };
  resultPublished: { contestId: string; listTitle: string; contestName: string; publishedAt: string };
  finalSchedule: { contestId: string; contestName: string; startsAt: string; place: string; note?: string };
}

export interface BuiltNotice {
  kind: NotifyKind;
  /** The inbox card: the template's title, then each field's label and value. */
  title: string;
  lines: Array<{ label: string; value: string }>;
  /** The mini-program page the message and the inbox item open. */
  page: string;
  data: Record<string, { value: string }>;
}

const q = encodeURIComponent;
const present = (text: string | null | undefined): string | null =>
  text !== null && text !== undefined && cleanFieldValue(text) !== '' ? text : null;

const builders: { [K in NotifyKind]: (input: NoticeInputs[K]) => { values: Record<string, string>; page: string } } = {
  registrationDeadline: (i) => ({
    values: {
      thing1: i.contestName,
      time2: wxTime(i.closesAt),
      thing3: i.daysLeft <= 1 ? '明天截止，请尽快提交报名' : `还有 ${i.daysLeft} 天截止，请尽快提交`,
    },
    page: `entrant/pages/register/index?contestId=${q(i.contestId)}`,
  }),
  reviewResult: (i) => ({
    values: {
      thing1: i.projectName,
      phrase2: i.passed ? '审核通过' : '未通过',
      thing3: i.passed ? '请留意后续评审安排' : (present(i.reason) ?? '请查看报名详情'),
      time4: wxTime(i.decidedAt),
    },
    page: `entrant/pages/entry/index?contestId=${q(i.contestId)}`,
  }),
  advancement: (i) => ({
    values: { thing1: i.projectName, thing2: i.stageName, thing3: i.contestName, thing4: '请查看晋级名单和后续安排' },
    page: `entrant/pages/entry/index?contestId=${q(i.contestId)}`,
  }),
  award: (i) => ({
    values: { thing1: i.projectName, thing2: i.awardName, thing3: i.contestName, date4: wxDate(i.publishedAt) },
    page: `entrant/pages/entry/index?contestId=${q(i.contestId)}`,
  }),
  judgeTask: (i) => ({
    values: {
      thing1: i.roundName,
      number2: String(i.pending),
      time3: wxTime(i.closesAt),
      thing4: present(i.note) ?? '请在截止前完成评分',
    },
    page: `judge/pages/round/index?roundId=${q(i.roundId)}`,
  }),
  announcement: (i) => ({
    values: {
      thing1: i.title,
      thing2: i.contestName,
      time3: wxTime(i.at),
      thing4: present(i.note) ?? '详情请在小程序内查看',
    },
    page: `entrant/pages/inbox/index`,
  }),
  resultPublished: (i) => ({
    values: { thing1: i.listTitle, thing2: i.contestName, date3: wxDate(i.publishedAt), thing4: '公示期内可提出异议' },
    page: `pages/results/index`,
  }),
  finalSchedule: (i) => ({
    values: {
      thing1: i.contestName,
      time2: wxTime(i.startsAt),
      thing3: i.place,
      thing4: present(i.note) ?? '请按时到场',
    },
    page: `pages/contest/index?id=${q(i.contestId)}`,
  }),
};

/** A message of this kind built from the platform's data and fitted to WeChat's rules, or the fields that break them. */
export function buildNotice<K extends NotifyKind>(
  kind: K,
  input: NoticeInputs[K],
): { ok: true; notice: BuiltNotice } | { ok: false; problems: FieldProblem[] } {
  const { values, page } = builders[kind](input);
  const fitted = fitFields(kind, values);
  if (!fitted.ok) return fitted;
  const spec = TEMPLATES[kind];
  return {
    ok: true,
    notice: {
      kind,
      title: spec.title,
      lines: spec.fields.map((f) => ({ label: f.label, value: fitted.data[f.key]?.value ?? '' })),
      page,
      data: fitted.data,
    },
  };
}
