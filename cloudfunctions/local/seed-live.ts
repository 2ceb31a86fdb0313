import { shanghaiDay, shanghaiToIso } from '@core/time/shanghai';
import type { Ports } from '../ports';
import {
  C,
  judgeIdFor,
  roleGrantId,
  type ContestDoc,
  type EntryDoc,
  type JudgeDoc,
  type RoleGrantDoc,
} from '../usecases/collections';
import { personKey } from '../usecases/files/file-links';
import { demoEdition, demoOpenid, shanghai2024 } from './seed-data';
import { seedRunner } from './seed-judging';

/**
 * A live final ready to run: contest `demo-final` on the day of its 决赛, four 企业组 finalists, the five demo
 * judges bound to it and on the panel (8 + 7 minutes, the highest and lowest dropped), the order not drawn yet;
 * and three 创客组 finalists with no show yet, to split into 场次.
 * The organizer opens 赛事管理 → 评审轮次 → 决赛 → 现场决赛, the judges 现场评分, the notary 现场公证, and the
 * big screen is /screen/pages/live/index?liveId=demo-final:final:enterprise.
 */
export const DEMO_FINAL_ID = 'demo-final';
export const DEMO_LIVE_ID = `${DEMO_FINAL_ID}:final:enterprise`;

const finalists = [
  ['上海深蓝海洋科技有限公司', '深蓝水下巡检机器人', '智能制造', '浦东新区'],
  ['上海禾丰农业科技有限公司', '禾丰智慧温室控制系统', '现代农业', '闵行区'],
  ['上海极光半导体有限公司', '极光车规级功率芯片', '智能制造', '嘉定区'],
  ['上海言语人工智能有限公司', '言语多方言语音识别引擎', '人工智能', '徐汇区'],
] as const;

/** 创客组 finalists, not set up yet: the organizer splits them into 场次 (上午场 / 下午场) to try sessions. */
const makerFinalists = [
  ['李明', '李明团队', '智慧养老陪护机器人', '人工智能', '浦东新区'],
  ['周婷', '周婷团队', '秸秆生物降解餐具', '现代农业', '闵行区'],
  ['吴磊', '吴磊团队', '工业视觉缺陷检测平台', '智能制造', '嘉定区'],
] as const;

const judgeNames: Record<string, string> = {
  judge1: '王建国',
  judge2: '陈晓燕',
  judge3: '刘洋',
  judge4: '赵敏',
  judge5: '孙浩',
};

export async function seedLiveDemo(ports: Ports): Promise<number> {
  const contests = ports.db.collection<ContestDoc>(C.contests);
  if ((await contests.get(DEMO_FINAL_ID)) !== null) return 0;
  const now = ports.clock.now();
  const at = now.toISOString();
  const day = (offset: number) => shanghaiDay(now.getTime() + offset * 86400_000);
  let created = 0;
  // Both groups' finalists: submitted two months ago, through 预赛 and 复赛 to 入围决赛 a week ago.
  const finalist = (
    id: string,
    owner: string,
    form: EntryDoc['form'] & { projectName: string; field: string; district: string },
    orgName: string,
    submittedAt: string,
  ): EntryDoc => ({
    _id: id,
    contestId: DEMO_FINAL_ID,
    editionId: demoEdition._id,
    ownerOpenid: owner,
    group: form.group,
    status: 'finalist',
    statusReason: null,
    form,
    projectName: form.projectName,
    orgName,
    field: form.field,
    district: form.district,
    dedupeKey: null,
    similar: null,
    history: [
      { status: 'submitted', at: submittedAt, reason: null },
      { status: 'approved', at: submittedAt, reason: null },
      { status: 'semifinalist', at: shanghaiToIso(day(-30)), reason: null },
      { status: 'finalist', at: shanghaiToIso(day(-7)), reason: null },
    ],
    createdAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
  });
  const entries = ports.db.collection<EntryDoc>(C.entries);
  for (const [i, [company, project, field, district]] of finalists.entries()) {
    const form = { group: 'enterprise' as const, companyName: company, field, district, projectName: project };
    const summary = `${project}：已在长三角落地应用的创新产品。`;
    const at10 = shanghaiToIso(day(-60), '10:00:00');
    await entries.set(finalist(`e-demo-final-${i + 1}`, `seed-finalist-${i + 1}`, { ...form, summary }, company, at10));
    created += 1;
  }
  for (const [i, [leader, team, project, field, district]] of makerFinalists.entries()) {
    const form = { group: 'maker' as const, leaderName: leader, field, district, projectName: project };
    const summary = `${project}：团队自主研发。`;
    const at11 = shanghaiToIso(day(-60), '11:00:00');
    await entries.set(
      finalist(`e-demo-final-maker-${i + 1}`, `seed-maker-finalist-${i + 1}`, { ...form, summary }, team, at11),
    );
    created += 1;
  }
  for (const [key, name] of Object.entries(judgeNames)) {
    const openid = demoOpenid(key);
    await ports.db.collection<RoleGrantDoc>(C.roles).set({
      _id: roleGrantId(openid, 'judge', DEMO_FINAL_ID),
      openid,
      role: 'judge',
      contestId: DEMO_FINAL_ID,
      createdAt: at,
    });
    const judge: JudgeDoc = {
      _id: judgeIdFor(DEMO_FINAL_ID, openid),
      contestId: DEMO_FINAL_ID,
      openid,
      name,
      organization: '创客中国决赛评审委员会',
      title: '评委',
      expertise: ['智能制造', '现代农业', '人工智能'],
      conflicts: { names: [], creditCodes: [] },
      inviteCode: 'SEEDLIVE',
      boundAt: at,
      updatedAt: at,
    };
    await ports.db.collection<JudgeDoc>(C.judges).set(judge);
    created += 2;
  }
  const notary = demoOpenid('notary');
  await ports.db.collection<RoleGrantDoc>(C.roles).set({
    _id: roleGrantId(notary, 'notary', DEMO_FINAL_ID),
    openid: notary,
    role: 'notary',
    contestId: DEMO_FINAL_ID,
    createdAt: at,
  });
  await contests.create({
    ...shanghai2024,
    _id: DEMO_FINAL_ID,
    editionId: demoEdition._id,
    name: '演示决赛（现场亮分）',
    fields: ['智能制造', '现代农业', '人工智能'],
    districts: ['浦东新区', '闵行区', '嘉定区', '徐汇区'],
    registration: { opensAt: shanghaiToIso(day(-90)), closesAt: shanghaiToIso(day(-61), '23:59:59') },
    stages: [
      { key: 'preliminary', format: '线上专家评审', startsOn: day(-50), endsOn: day(-40) },
      { key: 'semifinal', format: '线下现场演示和答辩', startsOn: day(-30), endsOn: day(-28) },
      { key: 'final', format: '现场演示和答辩、当场亮分、现场公证', startsOn: day(0), endsOn: day(0) },
    ],
    createdAt: at,
    updatedAt: at,
  });
  created += 1;

  const organizer = { openid: demoOpenid('organizer') };
  const runAs = seedRunner(ports);
  const run = (action: string, data: unknown) => runAs(organizer, action, data);
  await run('admin.round.upsert', {
    contestId: DEMO_FINAL_ID,
    stage: 'final',
    name: '决赛',
    mode: 'live',
    rubric: {
      criteria: [
        { key: 'c1', name: '技术创新', description: '核心技术先进性与自主知识产权', maxPoints: 30, weight: 1 },
        { key: 'c2', name: '商业价值', description: '商业模式与市场前景', maxPoints: 30, weight: 1 },
        { key: 'c3', name: '团队实力', description: '团队结构与执行力', maxPoints: 20, weight: 1 },
        { key: 'c4', name: '现场表现', description: '路演与答辩', maxPoints: 20, weight: 1 },
      ],
    },
    aggregation: 'trimmed',
    judgesPerEntry: 5,
    blind: false,
    opensAt: shanghaiToIso(day(-1)),
    closesAt: shanghaiToIso(day(1), '23:59:59'),
  });
  await run('admin.live.upsert', {
    roundId: `${DEMO_FINAL_ID}:final`,
    group: 'enterprise',
    judges: Object.keys(judgeNames).map((key) => personKey(demoOpenid(key))),
    settings: { pitchMinutes: 8, qaMinutes: 7, deferFirst: false, judgeLabels: 'numbered' },
  });
  return created;
}
