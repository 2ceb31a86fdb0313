import { creditCodeCheckChar } from '../../core/registration/credit-code';
import { idNumberCheckChar } from '../../core/registration/id-number';
import { shanghaiToIso } from '../../core/time/shanghai';
import type { ContestDoc } from '../../cloudfunctions/usecases/collections';
import { shanghai2024 } from '../../cloudfunctions/local/seed-data';

/** A valid 统一社会信用代码 whose body ends in `n` (so tests get distinct companies). */
export function creditCodeFixture(n: number): string {
  const body = `91310115MA1K${String(n).padStart(5, '0')}`;
  return body + creditCodeCheckChar(body);
}

/** A valid 身份证号码 born 1990-01-01 in 310101, sequence `n`. */
export function idNumber(n: number): string {
  const body = `31010119900101${String(n % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** A contest of the seeded edition, registration open through 2026-12-31 23:59:59 Shanghai time. */
export function openContest(id: string, overrides: Partial<ContestDoc> = {}): ContestDoc {
  return {
    ...shanghai2024,
    _id: id,
    name: `测试赛事 ${id}`,
    registration: { opensAt: shanghaiToIso('2026-11-01'), closesAt: shanghaiToIso('2026-12-31', '23:59:59') },
    stages: [
      { key: 'preliminary', format: '线上专家评审', startsOn: '2027-01-05', endsOn: '2027-01-20' },
      { key: 'semifinal', format: '线下现场演示和答辩', startsOn: '2027-02-20', endsOn: '2027-02-28' },
      { key: 'final', format: '现场演示和答辩、现场评分', startsOn: '2027-03-18', endsOn: '2027-03-18' },
    ],
    ...overrides,
  };
}

/** A minimal PDF: enough for the magic-bytes check. */
export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export function enterpriseFormFixture(n: number, businessPlan: { fileId: string; name: string; size: number }) {
  return {
    group: 'enterprise' as const,
    companyName: `上海测试科技有限公司${n}`,
    creditCode: creditCodeFixture(n),
    foundedOn: '2018-05-20',
    employees: 35,
    revenue: 1280.5,
    team: '核心团队来自高校与行业龙头企业，具有十年以上研发经验。',
    contactName: '张明',
    field: '新一代信息技术',
    district: '浦东新区',
    projectName: `工业视觉质检平台${n}`,
    summary: `面向制造业的智能视觉质检平台，第${n}号方案，通过深度学习识别表面缺陷，帮助工厂降低漏检率与人工成本。`,
    highlights: '自研小样本缺陷检测算法，部署成本降低一半。',
    mobile: '13812341234',
    email: 'contact@example.com',
    businessPlan,
  };
}

export function makerFormFixture(n: number, businessPlan: { fileId: string; name: string; size: number }) {
  return {
    group: 'maker' as const,
    leaderName: '李娜',
    idNumber: idNumber(n),
    members: [{ name: '王小明', role: '硬件设计' }],
    field: '节能环保',
    district: '徐汇区',
    projectName: `家庭储能管理器${n}`,
    summary: `一款面向家庭光伏用户的储能管理器，第${n}号方案，根据电价自动调度充放电。`,
    highlights: '开源硬件，成本低。',
    mobile: '13912345678',
    email: 'maker@example.com',
    businessPlan,
  };
}
