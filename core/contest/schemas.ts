import * as v from 'valibot';
import { clean, day, id, instant, int, optionalText, text } from '../schemas/common';

const group = v.picklist(['enterprise', 'maker'], '组别只能是企业组或创客组');

function distinct<T>(label: string) {
  return v.check((list: T[]) => new Set(list).size === list.length, `${label}不能重复`);
}

export const stageInput = v.pipe(
  v.object({
    key: v.picklist(['preliminary', 'semifinal', 'final'], '阶段只能是预赛、复赛或决赛'),
    format: text('比赛形式', { max: 40 }),
    startsOn: day('开始日期'),
    endsOn: day('结束日期'),
    note: optionalText('说明', 200),
  }),
  v.forward(
    v.check((s) => s.startsOn <= s.endsOn, '结束日期不能早于开始日期'),
    ['endsOn'],
  ),
);

const awardPlan = v.pipe(
  v.array(
    v.object({
      prize: v.picklist(['first', 'second', 'third', 'merit'], '奖项只能是一、二、三等奖或优胜奖'),
      count: v.nullable(int('名额', 0, 1000)),
    }),
  ),
  v.maxLength(4, '奖项最多 4 种'),
);

/** admin.contest.upsert: create (no id) or replace a contest's settings. */
export const contestInput = v.pipe(
  v.object({
    id: v.optional(id('赛事')),
    editionId: id('届次'),
    kind: v.picklist(['regional', 'thematic', 'overseas', 'final'], '请选择赛事类型'),
    name: text('赛事名称', { max: 60 }),
    hostRegion: text('举办地区', { max: 20 }),
    hosts: v.pipe(v.array(text('主办单位', { max: 60 })), v.maxLength(10, '主办单位最多 10 个')),
    organizers: v.pipe(v.array(text('承办单位', { max: 60 })), v.maxLength(20, '承办单位最多 20 个')),
    groups: v.pipe(
      v.array(group),
      v.minLength(1, '至少选择一个组别'),
      v.maxLength(2),
      distinct<'enterprise' | 'maker'>('组别'),
    ),
    fields: v.pipe(
      v.array(text('行业领域', { max: 20 })),
      v.minLength(1, '至少设置一个行业领域'),
      v.maxLength(50),
      distinct<string>('行业领域'),
    ),
    districts: v.pipe(v.array(text('区', { max: 20 })), v.maxLength(100), distinct<string>('区')),
    registration: v.pipe(
      v.object({ opensAt: instant('报名开始时间'), closesAt: instant('报名截止时间') }),
      v.forward(
        v.check((r) => Date.parse(r.opensAt) < Date.parse(r.closesAt), '报名截止时间应晚于开始时间'),
        ['closesAt'],
      ),
    ),
    stages: v.pipe(v.array(stageInput), v.maxLength(3)),
    rules: v.pipe(
      v.string('请填写赛事规则'),
      v.trim(),
      clean('赛事规则'),
      v.maxLength(5000, '赛事规则不能超过 5000 个字'),
    ),
    awards: v.object({ enterprise: v.optional(awardPlan), maker: v.optional(awardPlan) }),
  }),
);
export type ContestInput = v.InferOutput<typeof contestInput>;

export const editionInput = v.object({
  id: v.optional(id('届次')),
  name: text('届次名称', { max: 40 }),
  year: int('年份', 2015, 2100),
});
