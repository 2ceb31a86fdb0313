import { shanghaiDay, shanghaiToIso } from '@core/time/shanghai';
import type { Role } from '@core/roles';
import type { ContestDoc, EditionDoc } from '../usecases/collections';

/**
 * Demo data from shared/seeds (沪经信企〔2024〕569号). The notice gives stage months, not days,
 * and no registration deadline: the stages span their whole month, and registration runs from the
 * notice's date to the end of August, when the 预赛 takes place.
 */
export const edition2024: EditionDoc = { _id: 'edition-9', name: '第九届“创客中国”中小企业创新创业大赛', year: 2024 };

const seededAt = shanghaiToIso('2024-08-23');

export const shanghai2024: ContestDoc = {
  _id: 'sh-2024',
  editionId: edition2024._id,
  kind: 'regional',
  name: '2024年“创客中国”上海市中小企业创新创业大赛',
  hostRegion: '上海市',
  hosts: ['上海市经济和信息化委员会', '上海市总工会', '上海市妇女联合会'],
  organizers: [
    '上海市促进中小企业发展协调办公室',
    '上海市中小企业发展服务中心',
    '上海市投资促进服务中心',
    '上海市漕河泾新兴技术开发区发展总公司',
    '上海市张江科学城科技创新服务中心',
  ],
  groups: ['enterprise', 'maker'],
  fields: ['新一代信息技术', '高端装备', '生物医药', '新材料', '新能源', '节能环保', '数字创意', '现代服务'],
  districts: [
    '黄浦区',
    '徐汇区',
    '长宁区',
    '静安区',
    '普陀区',
    '虹口区',
    '杨浦区',
    '闵行区',
    '宝山区',
    '嘉定区',
    '浦东新区',
    '金山区',
    '松江区',
    '青浦区',
    '奉贤区',
    '崇明区',
  ],
  registration: { opensAt: shanghaiToIso('2024-08-23'), closesAt: shanghaiToIso('2024-08-31', '23:59:59') },
  stages: [
    {
      key: 'preliminary',
      format: '线上专家评审',
      startsOn: '2024-08-01',
      endsOn: '2024-08-31',
      note: '参赛项目在线上由专业评委根据相关标准进行项目评审，通过项目进入复赛。通知仅给出月份。',
    },
    {
      key: 'semifinal',
      format: '线下现场演示和答辩',
      startsOn: '2024-08-01',
      endsOn: '2024-08-31',
      note: '按各区行业领域分组进行线下复赛；复赛后根据项目数占比以及各行业领域分布发布决赛入围名单。通知仅给出月份。',
    },
    {
      key: 'final',
      format: '现场演示和答辩、现场评分',
      startsOn: '2024-09-01',
      endsOn: '2024-09-30',
      note: '赛后向大赛组委会推荐项目进入全国企业组500强、创客组100强。通知仅给出月份。',
    },
  ],
  rules: [
    '一、赛程：预赛（线上专家评审，2024年8月）→ 复赛（按各区行业领域分组线下演示答辩，2024年8月）→ 决赛（现场演示和答辩、现场评分，2024年9月）。',
    '二、奖项：企业组一等奖2名、二等奖3名、三等奖6名、优胜奖若干；创客组一等奖1名、二等奖1名、三等奖2名。',
    '三、推荐：上海区决赛优胜企业推荐至全国企业组500强、创客组100强，角逐全国企业组50强、创客组10强及总决赛奖项。',
    '四、同一届大赛中，参赛者不可重复报名参加区域赛、专题赛、境外区域赛；剽窃、侵夺他人创新成果或以不正当手段骗取奖项的，一经发现取消参赛资格。',
    '五、大赛不向参赛者收取任何费用，未注册登记的参赛者不得参加大赛。',
  ].join('\n'),
  awards: {
    enterprise: [
      { prize: 'first', count: 2 },
      { prize: 'second', count: 3 },
      { prize: 'third', count: 6 },
      { prize: 'merit', count: null },
    ],
    maker: [
      { prize: 'first', count: 1 },
      { prize: 'second', count: 1 },
      { prize: 'third', count: 2 },
    ],
  },
  createdAt: seededAt,
  updatedAt: seededAt,
};

/**
 * Two contests of a demo edition whose registration is open when the data dir is first seeded, so a
 * new user can try signing up (and see one-entry-per-edition refuse a second contest). Dates are fixed
 * at first seed and kept afterwards, like everything the seed writes.
 */
export const demoEdition: EditionDoc = { _id: 'edition-demo', name: '演示届次（可报名体验）', year: 2026 };

export function demoContests(now: Date): ContestDoc[] {
  const day = (offset: number) => shanghaiDay(now.getTime() + offset * 86400_000);
  const at = now.toISOString();
  const base = {
    ...shanghai2024,
    editionId: demoEdition._id,
    registration: { opensAt: shanghaiToIso(day(-1)), closesAt: shanghaiToIso(day(60), '23:59:59') },
    stages: [
      { key: 'preliminary' as const, format: '线上专家评审', startsOn: day(61), endsOn: day(75) },
      { key: 'semifinal' as const, format: '线下现场演示和答辩', startsOn: day(80), endsOn: day(90) },
      { key: 'final' as const, format: '现场演示和答辩、现场评分', startsOn: day(100), endsOn: day(100) },
    ],
    createdAt: at,
    updatedAt: at,
  };
  return [
    { ...base, _id: 'demo-sh', name: '上海区域赛（演示）' },
    {
      ...base,
      _id: 'demo-digital',
      kind: 'thematic',
      name: '数字经济专题赛（演示）',
      hostRegion: '全国',
      fields: ['新一代信息技术', '数字创意', '现代服务'],
      districts: [],
      awards: {
        enterprise: [
          { prize: 'first', count: 1 },
          { prize: 'second', count: 2 },
          { prize: 'third', count: 3 },
        ],
        maker: [{ prize: 'first', count: 1 }],
      },
    },
  ];
}

export interface DemoUser {
  key: string;
  name: string;
  description: string;
  /** Stored grants; organizer comes from ADMIN_OPENIDS like in production. */
  grants: ReadonlyArray<{ role: Role; contestId: string | null }>;
}

const judge = (n: number, name: string): DemoUser => ({
  key: `judge${n}`,
  name,
  description: '评委 · 上海区域赛',
  grants: [{ role: 'judge', contestId: shanghai2024._id }],
});

export const demoUsers: readonly DemoUser[] = [
  { key: 'entrant', name: '张明', description: '参赛者 · 企业组', grants: [] },
  { key: 'entrant2', name: '李娜', description: '参赛者 · 创客组', grants: [] },
  judge(1, '王建国'),
  judge(2, '陈晓燕'),
  judge(3, '刘洋'),
  judge(4, '赵敏'),
  judge(5, '孙浩'),
  { key: 'organizer', name: '周晔', description: '组委会秘书处 · 全部赛事', grants: [] },
  {
    key: 'notary',
    name: '吴静',
    description: '公证员 · 上海区域赛',
    grants: [{ role: 'notary', contestId: shanghai2024._id }],
  },
  {
    key: 'institution',
    name: '浦江创投',
    description: '服务机构 · 投融资对接',
    grants: [{ role: 'institution', contestId: null }],
  },
];

/** Demo openids look nothing like WeChat's (`o…`, 28 chars), so they can never collide with a real user. */
export function demoOpenid(key: string): string {
  return `demo-${key}`;
}

export const DEMO_ADMIN_OPENIDS = [demoOpenid('organizer')];
