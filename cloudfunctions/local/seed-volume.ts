import { creditCodeCheckChar } from '@core/registration/credit-code';
import { shanghaiDay, shanghaiToIso } from '@core/time/shanghai';
import type { Ports } from '../ports';
import {
  C,
  judgeIdFor,
  roleGrantId,
  roundIdFor,
  type ArticleDoc,
  type ContestDoc,
  type EntryDoc,
  type JudgeDoc,
  type JudgeInviteDoc,
  type RoleGrantDoc,
  type UserDoc,
} from '../usecases/collections';
import { eachLimited } from '../usecases/each-limited';
import { runAssignment } from '../usecases/judging/assignment-run';
import { loadRound } from '../usecases/judging/common';
import { publishList } from '../usecases/results/publish-list';
import { demoEdition, demoOpenid, shanghai2024 } from './seed-data';
import { seedRunner } from './seed-judging';

/**
 * A contest at production size, for the tests of WeChat's experience-audit limits and for the bench: 2,000
 * approved entries, 100 judges bound by invite, a 预赛 round with k = 5 assigned through the real assignment
 * run, a published 推荐全国500强 list of 500 projects and 300 articles. Ids are deterministic, so a test can
 * name the judge with the longest task list without asking. Written once: the contest marks it as done.
 */
export const VOLUME_CONTEST_ID = 'vol-2026';
export const VOLUME_ROUND_ID = roundIdFor(VOLUME_CONTEST_ID, 'preliminary');
export const VOLUME_LIST_ID = `${VOLUME_CONTEST_ID}:national`;

export interface VolumeOptions {
  entries: number;
  judges: number;
  /**
   * Judges bound before the first assignment run: they take all of the first entries' pairs, so each ends with
   * `entries × k × firstShare / heavyJudges` tasks; the rest join for the remaining entries (a contest whose
   * early judges carry more, as when invites go out in waves).
   */
  heavyJudges: number;
  firstShare: number;
  judgesPerEntry: number;
  listSize: number;
  articles: number;
}

/** 2,000 × k = 5 over 100 judges: 100 tasks on average, the first 10 judges with 250 each. */
export const productionVolume: VolumeOptions = {
  entries: 2000,
  judges: 100,
  heavyJudges: 10,
  firstShare: 0.25,
  judgesPerEntry: 5,
  listSize: 500,
  articles: 300,
};

/** The dev sign-in key of volume judge `n` (1-based): a `guest-` key, so the local cloud signs them in. */
export function volumeJudgeKey(n: number): string {
  return `guest-voljudge${String(n).padStart(3, '0')}`;
}

export function volumeJudgeOpenid(n: number): string {
  return demoOpenid(volumeJudgeKey(n));
}

const FIELDS = shanghai2024.fields;
const DISTRICTS = shanghai2024.districts;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '晓燕', '志强', '海燕', '文博', '思远', '嘉怡', '子涵', '明轩', '雨桐'];
const ORGS = ['复旦大学', '上海交通大学', '同济大学', '华东师范大学', '浦江创投', '上海市中小企业发展服务中心'];
const PRODUCTS = ['智能质检平台', '数据中台', '协作机器人', '储能管理系统', '快速检测试剂', '柔性封装材料'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function creditCode(n: number): string {
  const body = `91310115MA1${pad(n, 6)}`;
  return body + creditCodeCheckChar(body);
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function entryDoc(n: number, at: { submitted: string; approved: string }, planFileId: string): EntryDoc {
  const field = pick(FIELDS, n);
  const district = pick(DISTRICTS, n * 7);
  const company = `上海${pick(['星河', '云帆', '知行', '青禾', '绿源', '蓝天', '清泉', '光谷'], n)}${pad(n, 4)}科技有限公司`;
  const project = `${pick(['星河', '云帆', '知行', '青禾', '绿源', '蓝天', '清泉', '光谷'], n)}${pick(PRODUCTS, n * 3)}${pad(n, 4)}`;
  const id = `vol-e-${pad(n, 4)}`;
  return {
    _id: id,
    contestId: VOLUME_CONTEST_ID,
    editionId: demoEdition._id,
    ownerOpenid: `vol-entrant-${pad(n, 4)}`,
    group: 'enterprise',
    status: 'approved',
    statusReason: null,
    form: {
      group: 'enterprise',
      companyName: company,
      creditCode: creditCode(n),
      foundedOn: `20${pad(12 + (n % 10), 2)}-03-01`,
      employees: 20 + (n % 300),
      revenue: 500 + (n % 900) * 13,
      team: '核心团队来自高校与行业龙头企业，具有十年以上研发与产业化经验。',
      contactName: '联系人',
      field,
      district,
      projectName: project,
      summary: `${project}：面向${field}领域中小企业的创新产品，已在长三角多家企业落地应用。`,
      highlights: '自主研发核心算法与关键部件，拥有发明专利多项。',
      mobile: '13800000000',
      email: `vol${n}@example.com`,
      businessPlan: { fileId: planFileId, name: `${company}-商业计划书.pdf`, size: PDF.length },
    },
    projectName: project,
    orgName: company,
    field,
    district,
    dedupeKey: null,
    similar: null,
    history: [
      { status: 'submitted', at: at.submitted, reason: null },
      { status: 'approved', at: at.approved, reason: null },
    ],
    createdAt: at.submitted,
    updatedAt: at.approved,
    submittedAt: at.submitted,
  };
}

async function createAll<T extends { _id: string }>(ports: Ports, collection: string, docs: readonly T[]) {
  // One SQLite statement batch per 500 documents, as the assignment run writes.
  for (let i = 0; i < docs.length; i += 500)
    await ports.db.collection<T>(collection).createMany(docs.slice(i, i + 500));
}

/** Binds judges `from`…`to` (1-based): a used invite, the judge's profile, the role grant and the user. */
async function bindJudges(ports: Ports, from: number, to: number, at: string): Promise<void> {
  const invites: JudgeInviteDoc[] = [];
  const judges: JudgeDoc[] = [];
  const grants: RoleGrantDoc[] = [];
  const users: UserDoc[] = [];
  for (let n = from; n <= to; n++) {
    const openid = volumeJudgeOpenid(n);
    const code = `VOL${pad(n, 5)}`;
    const name = `${pick([...SURNAMES], n)}${pick(GIVEN, Math.floor(n / SURNAMES.length))}`;
    invites.push({
      _id: code,
      contestId: VOLUME_CONTEST_ID,
      createdBy: demoOpenid('organizer'),
      createdAt: at,
      expiresAt: new Date(Date.parse(at) + 30 * 86400_000).toISOString(),
      usedBy: openid,
      usedAt: at,
    });
    judges.push({
      _id: judgeIdFor(VOLUME_CONTEST_ID, openid),
      contestId: VOLUME_CONTEST_ID,
      openid,
      name,
      organization: pick(ORGS, n),
      title: pick(['教授', '研究员', '合伙人', '高级工程师'], n),
      expertise: [pick(FIELDS, n)],
      conflicts: { names: [], creditCodes: [] },
      inviteCode: code,
      boundAt: at,
      updatedAt: at,
    });
    grants.push({
      _id: roleGrantId(openid, 'judge', VOLUME_CONTEST_ID),
      openid,
      role: 'judge',
      contestId: VOLUME_CONTEST_ID,
      createdAt: at,
    });
    users.push({ _id: openid, name, createdAt: at, updatedAt: at });
  }
  await createAll(ports, C.judgeInvites, invites);
  await createAll(ports, C.judges, judges);
  await createAll(ports, C.roles, grants);
  await createAll(ports, C.users, users);
}

function articleDoc(n: number, publishAt: string): ArticleDoc {
  const title = `第九届“创客中国”大赛动态（第 ${n} 期）：${pick(FIELDS, n)}领域项目路演回顾`;
  const text = `本期介绍${pick(FIELDS, n)}领域参赛项目的路演情况与专家点评。`;
  return {
    _id: `vol-a-${pad(n, 3)}`,
    title,
    category: pick(['notice', 'news'] as const, n),
    contestId: VOLUME_CONTEST_ID,
    cover: null,
    bodyHtml: `<p>${text}</p>`,
    text,
    attachments: [],
    pinned: false,
    publishAt,
    status: 'published',
    authorOpenid: demoOpenid('organizer'),
    authorName: '组委会',
    views: n,
    createdAt: publishAt,
    updatedAt: publishAt,
  };
}

/**
 * Writes the volume contest on top of the demo data (the organizer and the demo edition must exist). Returns
 * what it wrote, or null when the contest is already there.
 */
export async function seedVolume(
  ports: Ports,
  options: Partial<VolumeOptions> = {},
): Promise<{ entries: number; judges: number; assignments: number; listItems: number; articles: number } | null> {
  const o = { ...productionVolume, ...options };
  const contests = ports.db.collection<ContestDoc>(C.contests);
  if ((await contests.get(VOLUME_CONTEST_ID)) !== null) return null;
  const now = ports.clock.now();
  const at = now.toISOString();
  const day = (offset: number) => shanghaiDay(now.getTime() + offset * 86400_000);
  const stamps = { submitted: shanghaiToIso(day(-10), '10:00:00'), approved: shanghaiToIso(day(-5), '15:00:00') };

  const first = Math.round(o.entries * o.firstShare);
  // Each entry's own business plan, as sign-up uploads it (file links are checked against the entry).
  const planIds: string[] = [];
  await eachLimited(
    Array.from({ length: o.entries }, (_, i) => i + 1),
    16,
    async (n) => {
      const path = `entries/vol-e-${pad(n, 4)}/plan.pdf`;
      planIds[n - 1] = (await ports.files.put(path, PDF, 'application/pdf')).fileId;
    },
  );
  const entries = Array.from({ length: o.entries }, (_, i) => entryDoc(i + 1, stamps, planIds[i] ?? ''));
  // The later entries wait as submitted until the second wave of judges is bound.
  await createAll(
    ports,
    C.entries,
    entries.map((e, i) => (i < first ? e : { ...e, status: 'submitted' as const, history: e.history.slice(0, 1) })),
  );
  const contest: ContestDoc = {
    ...shanghai2024,
    _id: VOLUME_CONTEST_ID,
    editionId: demoEdition._id,
    name: '规模演示赛（2,000 个项目）',
    registration: { opensAt: shanghaiToIso(day(-40)), closesAt: shanghaiToIso(day(-11), '23:59:59') },
    stages: [
      { key: 'preliminary', format: '线上专家评审', startsOn: day(-1), endsOn: day(30) },
      { key: 'semifinal', format: '线下现场演示和答辩', startsOn: day(40), endsOn: day(45) },
      { key: 'final', format: '现场演示和答辩、现场评分', startsOn: day(60), endsOn: day(60) },
    ],
    createdAt: at,
    updatedAt: at,
  };
  // The contest goes in before the round (the round action loads it); a crash after it leaves a partial
  // package, which a fresh data dir (the tests' and the bench's) never sees.
  await contests.create(contest);

  const run = seedRunner(ports);
  const organizer = demoOpenid('organizer');
  await run({ openid: organizer }, 'admin.round.upsert', {
    contestId: VOLUME_CONTEST_ID,
    stage: 'preliminary',
    name: '预赛线上评审',
    rubric: {
      criteria: [
        { key: 'c1', name: '技术创新性', description: '核心技术的先进性与自主知识产权', maxPoints: 40, weight: 1 },
        { key: 'c2', name: '商业模式', description: '盈利模式清晰、可持续', maxPoints: 30, weight: 1 },
        { key: 'c3', name: '团队能力', description: '团队结构与执行力', maxPoints: 30, weight: 1 },
      ],
    },
    aggregation: 'trimmed',
    judgesPerEntry: o.judgesPerEntry,
    blind: true,
    opensAt: shanghaiToIso(day(-1)),
    closesAt: shanghaiToIso(day(30), '23:59:59'),
  });
  // The bulk path of admin.round.assign, without the api function's time budget (a seed may take its time).
  const assign = async (seed: string) =>
    runAssignment(ports, {
      round: await loadRound(ports.db, VOLUME_ROUND_ID),
      seed,
      actorOpenid: organizer,
      actorName: '组委会',
      budgetMs: 600_000,
    });
  await bindJudges(ports, 1, o.heavyJudges, at);
  const early = await assign('volume-1');
  await bindJudges(ports, o.heavyJudges + 1, o.judges, at);
  await ports.db
    .collection<EntryDoc>(C.entries)
    .updateWhere(
      { contestId: VOLUME_CONTEST_ID, status: 'submitted' },
      { status: 'approved', history: entries[0]?.history ?? [] },
    );
  const late = await assign('volume-2');

  await publishList(ports, {
    id: VOLUME_LIST_ID,
    contest,
    kind: 'national',
    entries: entries.slice(0, o.listSize).map((e) => ({ entryId: e._id, prize: null })),
    publicityDays: 7,
    publishedBy: organizer,
  });
  await createAll(
    ports,
    C.articles,
    Array.from({ length: o.articles }, (_, i) =>
      articleDoc(i + 1, new Date(now.getTime() - (i + 1) * 3600_000).toISOString()),
    ),
  );
  return {
    entries: o.entries,
    judges: o.judges,
    assignments: early.added + late.added,
    listItems: o.listSize,
    articles: o.articles,
  };
}
