import * as v from 'valibot';
import { clean, day, id, text } from '../schemas/common';
import { UPLOAD_LIMITS, fileIdSchema } from '../files/uploads';
import { creditCodeProblem, normalizeCreditCode } from './credit-code';
import { idNumberProblem, normalizeIdNumber } from './id-number';
import { emailProblem, mobileProblem, normalizeMobile } from './contact';

/**
 * The sign-up forms, one schema each, used by the form in src/ (as the user types) and by the
 * cloud function (the only check that counts). Field names are the wire's: creditCode, idNumber,
 * mobile, projectName, summary, field, district, group.
 */

export const SUMMARY_MAX = 500;
export const BUSINESS_PLAN_MAX_BYTES = UPLOAD_LIMITS.businessPlan.maxBytes;

/** Checks whose Chinese message depends on the value come from the rule's own `…Problem` function. */
function ruled(label: string, normalize: (s: string) => string, problem: (s: string) => string | null, max = 60) {
  return v.pipe(
    v.string(`请填写${label}`),
    v.maxLength(max, `${label}过长，请核对`),
    clean(label),
    v.transform(normalize),
    v.check(
      (s) => problem(s) === null,
      (issue) => problem(String(issue.input)) ?? `${label}格式不正确`,
    ),
  );
}

export const creditCode = ruled('统一社会信用代码', normalizeCreditCode, creditCodeProblem);
export const mobile = ruled('手机号', normalizeMobile, mobileProblem);
const email = ruled('邮箱', (s) => s.trim(), emailProblem, 254);
/** The birth date inside an ID number can't be checked against "today" here; the use case does. */
const idNumber = ruled('身份证号码', normalizeIdNumber, (s) => idNumberProblem(s, '9999-12-31'));

export const businessPlan = v.object({
  fileId: fileIdSchema('请上传商业计划书'),
  name: text('文件名', { max: 120 }),
  size: v.pipe(
    v.number('文件大小应为数字'),
    v.integer('文件大小应为整数'),
    v.minValue(1, '文件为空'),
    v.maxValue(BUSINESS_PLAN_MAX_BYTES, '商业计划书不能超过 20 MB'),
  ),
});
export type BusinessPlan = v.InferOutput<typeof businessPlan>;

/** What both groups describe about the project itself. */
const projectFields = {
  field: text('行业领域', { max: 20 }),
  district: text('所在区', { max: 20 }),
  projectName: text('项目名称', { max: 40 }),
  summary: text('项目简介', { max: SUMMARY_MAX }),
  highlights: text('创新亮点', { max: 1000 }),
  mobile,
  email,
  businessPlan,
};

export const employeesSchema = v.pipe(
  v.number('请填写员工人数'),
  v.integer('员工人数应为整数'),
  v.minValue(1, '员工人数至少为 1'),
  v.maxValue(1_000_000, '员工人数过大'),
);
export const revenueSchema = v.pipe(
  v.number('请填写上年度营业收入'),
  v.minValue(0, '营业收入不能为负数'),
  v.maxValue(100_000_000, '营业收入数值过大'),
);

export const enterpriseForm = v.object({
  group: v.literal('enterprise'),
  companyName: text('企业名称', { max: 60 }),
  creditCode,
  foundedOn: day('成立日期'),
  employees: employeesSchema,
  /** 上年度营业收入，万元 */
  revenue: revenueSchema,
  team: text('团队介绍', { max: 1000 }),
  contactName: text('联系人', { max: 20 }),
  ...projectFields,
});

export const teamMember = v.object({
  name: text('成员姓名', { max: 20 }),
  role: text('成员分工', { max: 20 }),
});

export const makerForm = v.object({
  group: v.literal('maker'),
  leaderName: text('负责人姓名', { max: 20 }),
  /** Optional once a draft holds the number's hash: the number itself is never stored. */
  idNumber: v.optional(idNumber),
  members: v.pipe(v.array(teamMember), v.maxLength(10, '团队成员最多 10 人')),
  ...projectFields,
});

export const registrationForm = v.variant('group', [enterpriseForm, makerForm], '请选择参赛组别');
export type RegistrationForm = v.InferOutput<typeof registrationForm>;
export type EnterpriseForm = v.InferOutput<typeof enterpriseForm>;
export type MakerForm = v.InferOutput<typeof makerForm>;

/**
 * A draft keeps whatever has been typed so far, so only lengths are checked; the full rules apply
 * on submit. A draft never carries an ID number: the use case turns a complete one into a hash.
 */
const loose = (max: number) =>
  v.optional(v.pipe(v.string('应为文字'), clean('内容'), v.maxLength(max, `不能超过 ${max} 个字`)));
const looseProject = {
  field: loose(20),
  district: loose(20),
  projectName: loose(40),
  summary: loose(SUMMARY_MAX),
  highlights: loose(1000),
  mobile: loose(20),
  email: loose(80),
  businessPlan: v.optional(businessPlan),
};

export const enterpriseDraft = v.object({
  group: v.literal('enterprise'),
  companyName: loose(60),
  creditCode: loose(30),
  foundedOn: loose(10),
  // Out of range is refused even in a draft: 1e400 must not be stored as null, nor -5 kept for later.
  employees: v.optional(employeesSchema),
  revenue: v.optional(revenueSchema),
  team: loose(1000),
  contactName: loose(20),
  ...looseProject,
});

export const makerDraft = v.object({
  group: v.literal('maker'),
  leaderName: loose(20),
  idNumber: loose(30),
  members: v.optional(
    v.pipe(v.array(v.object({ name: loose(20), role: loose(20) })), v.maxLength(10, '团队成员最多 10 人')),
  ),
  ...looseProject,
});

export const registrationDraft = v.variant('group', [enterpriseDraft, makerDraft], '请选择参赛组别');
export type RegistrationDraft = v.InferOutput<typeof registrationDraft>;

export const contestRef = { contestId: id('赛事') };
