import { creditCodeCheckChar } from '@core/registration/credit-code';
import { shanghaiDay, shanghaiToIso } from '@core/time/shanghai';
import type { Ports } from '../ports';
import { createApi } from '../router';
import {
  C,
  judgeIdFor,
  roleGrantId,
  type ContestDoc,
  type EntryDoc,
  type JudgeDoc,
  type RoleGrantDoc,
} from '../usecases/collections';
import { demoEdition, demoOpenid, shanghai2024, DEMO_ADMIN_OPENIDS } from './seed-data';

/**
 * A contest in the middle of its 预赛, so judging can be tried at once: 12 approved entries in three
 * fields, the five demo judges bound with profiles (王建国 declares a conflict with one company), a round
 * with the usual rubric open from the first start for 30 days, judges assigned, and part of the scores in.
 * Written once, through the same actions organizers and judges use (entries excepted: their registration
 * closed before the demo begins).
 */
export const DEMO_REVIEW_ID = 'demo-review';

const companies = [
  ['上海星河智能科技有限公司', '星河工业视觉质检平台', '新一代信息技术', '浦东新区'],
  ['上海云帆数据服务有限公司', '云帆中小企业数据中台', '新一代信息技术', '徐汇区'],
  ['上海知行机器人有限公司', '知行协作机器人关节模组', '新一代信息技术', '闵行区'],
  ['上海青禾生物医药有限公司', '青禾小分子靶向药筛选平台', '生物医药', '浦东新区'],
  ['上海康宁医疗器械有限公司', '便携式心电监测贴片', '生物医药', '徐汇区'],
  ['上海瑞安基因科技有限公司', '瑞安快速病原检测试剂盒', '生物医药', '闵行区'],
  ['上海绿源环保科技有限公司', '绿源餐厨垃圾就地处理设备', '节能环保', '浦东新区'],
  ['上海蓝天新能源有限公司', '蓝天工商业储能管理系统', '节能环保', '徐汇区'],
  ['上海清泉水务科技有限公司', '清泉智慧管网漏损监测', '节能环保', '闵行区'],
  ['上海光谷材料科技有限公司', '光谷柔性光伏封装材料', '节能环保', '浦东新区'],
  ['上海智联物流科技有限公司', '智联冷链温控追溯平台', '新一代信息技术', '浦东新区'],
  ['上海未来教育科技有限公司', '未来职业技能实训平台', '新一代信息技术', '徐汇区'],
] as const;

const judgeProfiles = [
  {
    key: 'judge1',
    organization: '复旦大学',
    title: '教授',
    expertise: ['新一代信息技术'],
    conflicts: ['上海星河智能科技有限公司'],
  },
  { key: 'judge2', organization: '上海交通大学', title: '研究员', expertise: ['生物医药'], conflicts: [] },
  {
    key: 'judge3',
    organization: '浦江创投',
    title: '合伙人',
    expertise: ['新一代信息技术', '节能环保'],
    conflicts: [],
  },
  { key: 'judge4', organization: '同济大学', title: '副教授', expertise: ['节能环保'], conflicts: [] },
  {
    key: 'judge5',
    organization: '上海市中小企业发展服务中心',
    title: '高级工程师',
    expertise: ['生物医药', '新一代信息技术'],
    conflicts: [],
  },
] as const;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function creditCode(n: number): string {
  const body = `91310115MA1DEM${String(n).padStart(3, '0')}`;
  return body + creditCodeCheckChar(body);
}

/** Calls actions as a demo user would, failing the seed loudly when one is refused. */
export function seedRunner(ports: Ports): (who: { openid: string }, action: string, data: unknown) => Promise<unknown> {
  const api = createApi({
    ports,
    adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
    runtime: 'local',
    version: 'seed',
    idHashKey: null,
  });
  return async (who, action, data) => {
    const answer = await api({ action, data }, who);
    if (!answer.ok) throw new Error(`seed: ${action} failed: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
}

export async function seedJudgingDemo(ports: Ports): Promise<number> {
  const contests = ports.db.collection<ContestDoc>(C.contests);
  if ((await contests.get(DEMO_REVIEW_ID)) !== null) return 0;
  const now = ports.clock.now();
  const at = now.toISOString();
  const day = (offset: number) => shanghaiDay(now.getTime() + offset * 86400_000);
  const names = judgeProfiles.map((p) => p.key);
  let created = 0;

  // Entries and judges first, the contest last: its presence marks the whole package as written.
  const entries = ports.db.collection<EntryDoc>(C.entries);
  for (const [i, [company, project, field, district]] of companies.entries()) {
    const n = i + 1;
    const id = `e-demo-review-${String(n).padStart(2, '0')}`;
    const stored = await ports.files.put(`entries/${id}/plan-demo.pdf`, PDF, 'application/pdf');
    const submittedAt = shanghaiToIso(day(-10), '10:00:00');
    const form = {
      group: 'enterprise' as const,
      companyName: company,
      creditCode: creditCode(n),
      foundedOn: `20${String(12 + (n % 10)).padStart(2, '0')}-03-01`,
      employees: 20 + n * 7,
      revenue: 500 + n * 130,
      team: '核心团队来自高校与行业龙头企业，具有十年以上研发与产业化经验。',
      contactName: '联系人',
      field,
      district,
      projectName: project,
      summary: `${project}：面向${field}领域中小企业的创新产品，已在长三角多家企业落地应用，帮助客户降本增效。`,
      highlights: '自主研发核心算法与关键部件，拥有发明专利多项。',
      mobile: '13800000000',
      email: `contact${n}@example.com`,
      businessPlan: { fileId: stored.fileId, name: `${company}-商业计划书.pdf`, size: PDF.length },
    };
    const doc: EntryDoc = {
      _id: id,
      contestId: DEMO_REVIEW_ID,
      editionId: demoEdition._id,
      ownerOpenid: `seed-entrant-${n}`,
      group: 'enterprise',
      status: 'approved',
      statusReason: null,
      form,
      projectName: project,
      orgName: company,
      field,
      district,
      dedupeKey: null,
      similar: null,
      history: [
        { status: 'submitted', at: submittedAt, reason: null },
        { status: 'approved', at: shanghaiToIso(day(-5), '15:00:00'), reason: null },
      ],
      createdAt: submittedAt,
      updatedAt: submittedAt,
      submittedAt,
    };
    await entries.set(doc);
    created += 1;
  }
  for (const p of judgeProfiles) {
    const openid = demoOpenid(p.key);
    await ports.db.collection<RoleGrantDoc>(C.roles).set({
      _id: roleGrantId(openid, 'judge', DEMO_REVIEW_ID),
      openid,
      role: 'judge',
      contestId: DEMO_REVIEW_ID,
      createdAt: at,
    });
    const judge: JudgeDoc = {
      _id: judgeIdFor(DEMO_REVIEW_ID, openid),
      contestId: DEMO_REVIEW_ID,
      openid,
      name: { judge1: '王建国', judge2: '陈晓燕', judge3: '刘洋', judge4: '赵敏', judge5: '孙浩' }[p.key],
      organization: p.organization,
      title: p.title,
      expertise: [...p.expertise],
      conflicts: { names: [...p.conflicts], creditCodes: [] },
      inviteCode: 'SEEDDEMO',
      boundAt: at,
      updatedAt: at,
    };
    await ports.db.collection<JudgeDoc>(C.judges).set(judge);
    created += 2;
  }
  await contests.create({
    ...shanghai2024,
    _id: DEMO_REVIEW_ID,
    editionId: demoEdition._id,
    name: '演示评审赛（预赛评审中）',
    fields: ['新一代信息技术', '生物医药', '节能环保'],
    districts: ['浦东新区', '徐汇区', '闵行区'],
    registration: { opensAt: shanghaiToIso(day(-40)), closesAt: shanghaiToIso(day(-11), '23:59:59') },
    stages: [
      { key: 'preliminary', format: '线上专家评审', startsOn: day(-1), endsOn: day(30) },
      { key: 'semifinal', format: '线下现场演示和答辩', startsOn: day(40), endsOn: day(45) },
      { key: 'final', format: '现场演示和答辩、现场评分', startsOn: day(60), endsOn: day(60) },
    ],
    createdAt: at,
    updatedAt: at,
  });
  created += 1;

  // The round, the assignment and some scores, through the actions themselves.
  const run = seedRunner(ports);
  const organizer = { openid: demoOpenid('organizer') };
  const roundId = `${DEMO_REVIEW_ID}:preliminary`;
  await run(organizer, 'admin.round.upsert', {
    contestId: DEMO_REVIEW_ID,
    stage: 'preliminary',
    name: '预赛线上评审',
    rubric: {
      criteria: [
        { key: 'c1', name: '技术创新性', description: '核心技术的先进性与自主知识产权', maxPoints: 30, weight: 1 },
        { key: 'c2', name: '商业模式', description: '盈利模式清晰、可持续', maxPoints: 20, weight: 1 },
        { key: 'c3', name: '市场前景', description: '市场规模、竞争优势与成长性', maxPoints: 20, weight: 1 },
        { key: 'c4', name: '团队能力', description: '团队结构与执行力', maxPoints: 15, weight: 1 },
        { key: 'c5', name: '社会效益', description: '就业、节能减排等社会价值', maxPoints: 15, weight: 1 },
      ],
    },
    aggregation: 'trimmed',
    judgesPerEntry: 3,
    blind: true,
    opensAt: shanghaiToIso(day(-1)),
    closesAt: shanghaiToIso(day(30), '23:59:59'),
  });
  await run(organizer, 'admin.round.assign', { roundId, seed: 'demo' });
  // 陈晓燕, 刘洋 and 赵敏 have scored everything; 王建国 and 孙浩 still have work to do.
  const sheets = [
    { c1: 26, c2: 17, c3: 16.5, c4: 12, c5: 12 },
    { c1: 22.5, c2: 15, c3: 15, c4: 11, c5: 10 },
    { c1: 24, c2: 18, c3: 14, c4: 13, c5: 11.5 },
  ];
  for (const [j, key] of ['judge2', 'judge3', 'judge4'].entries()) {
    const who = { openid: demoOpenid(key) };
    const mine = (await run(who, 'judge.assignment.list', { roundId })) as {
      rounds: Array<{ items: Array<{ entryId: string }> }>;
    };
    for (const [i, item] of (mine.rounds[0]?.items ?? []).entries()) {
      const base = sheets[(i + j) % sheets.length] ?? {};
      await run(who, 'judge.score', { roundId, entryId: item.entryId, points: base, comment: '' });
    }
  }
  return created + names.length;
}
