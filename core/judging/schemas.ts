import * as v from 'valibot';
import { creditCode } from '../registration/forms';
import { decimal, id, instant, textOr, text } from '../schemas/common';
import { AGGREGATIONS } from './types';

/**
 * Inputs of the judging actions, one schema each, shared by the judge / admin pages (as people type)
 * and the cloud router (the check that counts). Rules that need stored data (the rubric of a round,
 * the fields of a contest) are checked by the use case with the same wording.
 */

const STAGES = ['preliminary', 'semifinal', 'final'] as const;
export const stage = v.picklist(STAGES, '阶段只能是预赛、复赛或决赛');

/** 0.5 .. 1000 in steps of 0.5. */
const halfStep = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(`请填写${label}`),
    v.check((n) => Number.isFinite(n) && Math.abs(n * 2 - Math.round(n * 2)) < 1e-9, `${label}应为 0.5 的整数倍`),
    v.minValue(min, `${label}不能小于 ${min}`),
    v.maxValue(max, `${label}不能大于 ${max}`),
  );

export const criterionInput = v.object({
  key: v.pipe(v.string('评分项缺少编号'), v.regex(/^[A-Za-z][A-Za-z0-9_]{0,23}$/, '评分项编号格式不正确')),
  name: text('评分项名称', { max: 20 }),
  description: textOr('评分说明', 200, ''),
  maxPoints: halfStep('满分', 0.5, 1000),
  weight: v.optional(
    v.pipe(
      v.number('请填写权重'),
      v.check((n) => Number.isFinite(n) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, '权重最多两位小数'),
      v.minValue(0.01, '权重不能小于 0.01'),
      v.maxValue(100, '权重不能大于 100'),
    ),
    1,
  ),
});

export const rubricInput = v.pipe(
  v.object({
    criteria: v.pipe(
      v.array(criterionInput),
      v.minLength(1, '请至少设置一个评分项'),
      v.maxLength(20, '评分项最多 20 个'),
    ),
  }),
  v.forward(
    v.check((r) => new Set(r.criteria.map((c) => c.name)).size === r.criteria.length, '评分项名称不能重复'),
    ['criteria'],
  ),
  v.forward(
    v.check((r) => new Set(r.criteria.map((c) => c.key)).size === r.criteria.length, '评分项编号不能重复'),
    ['criteria'],
  ),
);

/** admin.round.upsert: one round per contest stage, created or replaced. */
export const roundInput = v.pipe(
  v.object({
    contestId: id('赛事'),
    stage,
    name: textOr('轮次名称', 30, ''),
    rubric: rubricInput,
    aggregation: v.picklist(AGGREGATIONS, '请选择汇总方式'),
    judgesPerEntry: v.pipe(
      v.number('请填写每个项目的评委人数'),
      v.integer('评委人数应为整数'),
      v.minValue(1, '每个项目至少 1 位评委'),
      v.maxValue(15, '每个项目最多 15 位评委'),
    ),
    blind: v.boolean(),
    opensAt: instant('评分开始时间'),
    closesAt: instant('评分截止时间'),
    mode: v.optional(v.picklist(['online', 'panels', 'live'], '请选择评审方式'), 'online'),
    /** 复赛 sessions: at most this many entries each. */
    panelCapacity: v.optional(
      v.nullable(
        v.pipe(
          v.number('请填写每组项目数'),
          v.integer('每组项目数应为整数'),
          v.minValue(1, '每组至少 1 个项目'),
          v.maxValue(200, '每组最多 200 个项目'),
        ),
      ),
      null,
    ),
    /** Discrepancy thresholds in points; null: 20% / 10% of the rubric's full marks. */
    scoreGapPoints: v.optional(v.nullable(decimal('分数差异阈值', 0, 100_000)), null),
    judgeBiasPoints: v.optional(v.nullable(decimal('评委偏差阈值', 0, 100_000)), null),
  }),
  v.forward(
    v.check((r) => Date.parse(r.opensAt) < Date.parse(r.closesAt), '评分截止时间应晚于开始时间'),
    ['closesAt'],
  ),
  v.forward(
    v.check((r) => r.mode !== 'panels' || r.panelCapacity !== null, '分组评审请填写每组项目数'),
    ['panelCapacity'],
  ),
  v.forward(
    v.check((r) => r.mode !== 'live' || r.stage === 'final', '现场评分只用于决赛'),
    ['mode'],
  ),
  v.forward(
    v.check((r) => r.mode !== 'live' || r.aggregation !== 'normalized', '现场亮分请选择算术平均或去掉最高最低分后平均'),
    ['aggregation'],
  ),
);
export type RoundInput = v.InferOutput<typeof roundInput>;

export const roundRef = { roundId: id('评审轮次') };
export const roundEntryRef = { roundId: id('评审轮次'), entryId: id('项目') };

/** Invite codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const inviteCode = v.pipe(
  v.string('请输入邀请码'),
  v.maxLength(40, '邀请码为 8 位字母或数字，请核对'),
  v.transform((s) => s.replace(/[\s-]/g, '').toUpperCase()),
  v.regex(/^[A-HJ-KM-NP-Z2-9]{8}$/, '邀请码为 8 位字母或数字，请核对'),
);

export const conflictsInput = v.object({
  names: v.optional(
    v.pipe(v.array(text('回避单位名称', { min: 2, max: 60 })), v.maxLength(20, '回避单位最多 20 个')),
    [],
  ),
  creditCodes: v.optional(v.pipe(v.array(creditCode), v.maxLength(20, '回避单位最多 20 个')), []),
});

export const judgeProfileInput = {
  name: text('姓名', { max: 20 }),
  organization: text('工作单位', { max: 60 }),
  title: text('职称或职务', { max: 30 }),
  expertise: v.pipe(
    v.array(text('擅长领域', { max: 20 })),
    v.minLength(1, '请至少选择一个擅长领域'),
    v.maxLength(20, '擅长领域最多 20 个'),
  ),
  conflicts: v.optional(conflictsInput, { names: [], creditCodes: [] }),
};

export const judgeBindInput = v.object({ code: inviteCode, ...judgeProfileInput });
export type JudgeBindInput = v.InferOutput<typeof judgeBindInput>;

export const judgeScoreInput = v.object({
  ...roundEntryRef,
  /** Points per criterion key; checked against the round's rubric (checkPoints) by the form and the use case. */
  points: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_]{0,23}$/)), decimal('分数', 0, 1000)),
    v.check((p) => Object.keys(p).length <= 20, '评分项最多 20 个'),
  ),
  comment: textOr('评语', 500, ''),
});
export type JudgeScoreInput = v.InferOutput<typeof judgeScoreInput>;

export const cutoffRule = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('top'), n: slots() }),
    v.object({ kind: v.literal('topPerGroup'), n: slots() }),
    v.object({ kind: v.literal('proportional'), n: slots() }),
  ],
  '请选择晋级规则',
);

function slots() {
  return v.pipe(
    v.number('请填写晋级名额'),
    v.integer('名额应为整数'),
    v.minValue(1, '名额至少为 1'),
    v.maxValue(10000, '名额不能超过 10000'),
  );
}

export const prizeChoice = v.picklist(['first', 'second', 'third', 'merit'], '奖项只能是一、二、三等奖或优胜奖');
