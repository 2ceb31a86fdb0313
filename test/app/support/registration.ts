/** Small factories for the entrant's pages: a contest's detail and the caller's entries. */
import type { ContestDetail } from '@core/contest/views';
import type { MyEntry } from '@core/registration/views';
import { contest } from './fixtures';

export const SERVER_NOW = '2024-08-30T00:00:00.000Z';

export function contestDetail(overrides: Partial<ContestDetail> = {}): ContestDetail {
  return {
    ...contest({ id: 'demo-sh', name: '上海区域赛（演示）' }),
    editionId: 'edition-demo',
    hosts: ['上海市经济和信息化委员会'],
    organizers: ['上海市中小企业发展服务中心'],
    fields: ['新一代信息技术', '节能环保'],
    districts: ['浦东新区', '徐汇区'],
    rules: '一、同一届大赛中，参赛者不可重复报名。',
    awards: {
      enterprise: [
        { prize: 'first', count: 2 },
        { prize: 'merit', count: null },
      ],
      maker: [{ prize: 'first', count: 1 }],
    },
    ...overrides,
  };
}

/** Everything an enterprise entry needs, as the server stores it. */
export function enterpriseFormFixture(overrides: Record<string, unknown> = {}): MyEntry['form'] {
  return {
    group: 'enterprise',
    companyName: '上海测试科技有限公司',
    creditCode: '91350100M000100Y43',
    district: '浦东新区',
    foundedOn: '2020-05-01',
    employees: 35,
    revenue: 1280.5,
    field: '新一代信息技术',
    projectName: '工业视觉质检平台',
    summary: '面向制造业的智能视觉质检平台。',
    highlights: '自研小样本缺陷检测算法。',
    team: '核心团队 12 人。',
    contactName: '张明',
    mobile: '13812341234',
    email: 'zhangming@example.com',
    businessPlan: { fileId: 'local://entries/e-1/plan-1.pdf', name: '商业计划书.pdf', size: 204800 },
    ...overrides,
  };
}

export function myEntry(overrides: Partial<MyEntry> = {}): MyEntry {
  return {
    id: 'e-1',
    contestId: 'demo-sh',
    contestName: '上海区域赛（演示）',
    group: 'enterprise',
    status: 'draft',
    statusReason: null,
    form: enterpriseFormFixture(),
    history: [{ status: 'draft', at: '2024-08-29T02:00:00.000Z', reason: null }],
    editable: true,
    updatedAt: '2024-08-29T02:00:00.000Z',
    submittedAt: null,
    ...overrides,
  };
}
