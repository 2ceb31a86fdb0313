/** Small factories for judging tests: approved entries, judges bound through invites, a round. */
import type { Api } from '../../cloudfunctions/router';
import type { Ports } from '../../cloudfunctions/ports';
import { C, type EntryDoc } from '../../cloudfunctions/usecases/collections';
import { creditCodeFixture, enterpriseFormFixture, pdfBytes } from './registration-fixtures';

export const organizer = { openid: 'demo-organizer' };

export function judge(n: number): { openid: string } {
  return { openid: `oJudge${String(n).padStart(22, '0')}` };
}

export async function call(
  api: Api,
  who: { openid: string | null },
  action: string,
  data: unknown,
  requestId?: string,
) {
  return api({ action, data, ...(requestId ? { requestId } : {}) }, who);
}

/** The answer's data, or a thrown error naming the code (so a failing setup step says why). */
export async function ok<T>(answer: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.data as T;
}

export interface EntrySpec {
  n: number;
  field?: string;
  district?: string;
  company?: string;
  status?: EntryDoc['status'];
}

/** Entries already through registration and qualification review, written straight to the store. */
export async function approvedEntries(
  ports: Ports,
  contestId: string,
  specs: readonly EntrySpec[],
): Promise<EntryDoc[]> {
  const docs: EntryDoc[] = [];
  for (const spec of specs) {
    const path = `entries/e-${contestId}-${spec.n}/plan-test.pdf`;
    const stored = await ports.files.put(path, pdfBytes, 'application/pdf');
    const form = {
      ...enterpriseFormFixture(spec.n, {
        fileId: stored.fileId,
        name: `上海测试科技${spec.n}-商业计划书.pdf`,
        size: pdfBytes.length,
      }),
      field: spec.field ?? '新一代信息技术',
      district: spec.district ?? '浦东新区',
      companyName: spec.company ?? `上海测试科技有限公司${spec.n}`,
      creditCode: creditCodeFixture(spec.n),
    };
    // Entrants often name themselves in their summary: blind review has to take it out.
    form.summary = `${form.companyName}研发的${form.summary}`;
    const at = '2026-11-20T02:00:00.000Z';
    const doc: EntryDoc = {
      _id: `e-${contestId}-${spec.n}`,
      contestId,
      editionId: 'edition-9',
      ownerOpenid: `oEntrant${String(spec.n).padStart(20, '0')}`,
      group: 'enterprise',
      status: spec.status ?? 'approved',
      statusReason: null,
      form,
      projectName: form.projectName,
      orgName: form.companyName,
      field: form.field,
      district: form.district,
      dedupeKey: null,
      similar: null,
      history: [
        { status: 'submitted', at, reason: null },
        { status: 'approved', at, reason: null },
      ],
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
    };
    await ports.db.collection<EntryDoc>(C.entries).create(doc);
    docs.push(doc);
  }
  return docs;
}

export interface JudgeSpec {
  who: { openid: string };
  name?: string;
  expertise?: string[];
  conflicts?: { names?: string[]; creditCodes?: string[] };
}

/** Judges bound the way judges do it: the organizer makes codes, each judge binds with one. */
export async function bindJudges(api: Api, contestId: string, specs: readonly JudgeSpec[]): Promise<string[]> {
  const { invites } = await ok<{ invites: Array<{ code: string }> }>(
    call(api, organizer, 'admin.judge.invite', { contestId, count: specs.length }),
  );
  for (const [i, spec] of specs.entries()) {
    await ok(
      call(api, spec.who, 'judge.bind', {
        code: invites[i]?.code,
        name: spec.name ?? `评委${i + 1}`,
        organization: '上海某大学',
        title: '教授',
        expertise: spec.expertise ?? ['新一代信息技术'],
        conflicts: { names: spec.conflicts?.names ?? [], creditCodes: spec.conflicts?.creditCodes ?? [] },
      }),
    );
  }
  return invites.map((i) => i.code);
}

export const rubric = {
  criteria: [
    { key: 'innovation', name: '技术创新性', description: '核心技术的先进性', maxPoints: 30, weight: 1 },
    { key: 'business', name: '商业模式', description: '', maxPoints: 20, weight: 1 },
    { key: 'market', name: '市场前景', description: '', maxPoints: 20, weight: 1 },
    { key: 'team', name: '团队能力', description: '', maxPoints: 15, weight: 1 },
    { key: 'social', name: '社会效益', description: '', maxPoints: 15, weight: 1 },
  ],
};

/** 86.5 points spread over the rubric above, or any total from 0 to 100 in half points. */
export function points(total: number): Record<string, number> {
  const maxes = [30, 20, 20, 15, 15];
  const keys = ['innovation', 'business', 'market', 'team', 'social'];
  let left = total;
  const out: Record<string, number> = {};
  keys.forEach((key, i) => {
    const value = Math.min(maxes[i] ?? 0, left);
    out[key] = value;
    left -= value;
  });
  return out;
}

export function roundFixture(contestId: string, overrides: Record<string, unknown> = {}) {
  return {
    contestId,
    stage: 'preliminary',
    name: '预赛线上评审',
    rubric,
    aggregation: 'mean',
    judgesPerEntry: 3,
    blind: true,
    opensAt: '2026-11-25T00:00:00+08:00',
    closesAt: '2026-12-10T23:59:59+08:00',
    ...overrides,
  };
}
