/** Registration use cases on the real embedded database, through the router as clients call them. */
import { createApi, type Api } from '../../cloudfunctions/router';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import { DEMO_ADMIN_OPENIDS, demoOpenid } from '../../cloudfunctions/local/seed-data';
import {
  C,
  roleGrantId,
  type ContestDoc,
  type EntryDoc,
  type EntryKeyDoc,
  type RoleGrantDoc,
} from '../../cloudfunctions/usecases/collections';
import { cronTick } from '../../cloudfunctions/jobs';
import readXlsxFile from 'read-excel-file/node';
import { testPorts } from '../support/local-ports';
import {
  enterpriseFormFixture,
  makerFormFixture,
  openContest,
  pdfBytes,
  creditCodeFixture,
} from '../support/registration-fixtures';

type Ports = ReturnType<typeof testPorts>;
let ports: Ports;
let api: Api;

const alice = { openid: 'oAlice000000000000000000001' };
const bob = { openid: 'oBob00000000000000000000001' };
const organizer = { openid: demoOpenid('organizer') };

beforeEach(async () => {
  ports = testPorts({ start: new Date('2026-11-23T02:00:00Z') });
  ports.clock.freeze(new Date('2026-11-23T02:00:00Z'));
  await seedDemoData(ports);
  await ports.db.collection<ContestDoc>(C.contests).create(openContest('c-open-1'));
  await ports.db.collection<ContestDoc>(C.contests).create(openContest('c-open-2'));
  api = createApi({
    ports,
    adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
    runtime: 'local',
    version: 't',
    idHashKey: Buffer.alloc(32, 3),
    idempotency: { keepMs: 3600_000, leaseMs: 5_000, waitMs: 3_000, pollMs: 5 },
  });
});
afterEach(() => ports.dispose());

async function call(who: { openid: string | null }, action: string, data: unknown, requestId?: string) {
  return api({ action, data, ...(requestId ? { requestId } : {}) }, who);
}

/** What a client does: ask where to upload, upload there, hand the fileId to the form. */
async function uploadPlan(who: { openid: string }, contestId: string) {
  const answer = await call(who, 'files.upload.prepare', {
    contestId,
    purpose: 'businessPlan',
    fileName: '商业计划书.pdf',
    contentType: 'application/pdf',
    size: pdfBytes.length,
  });
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  const { path } = answer.data as { path: string };
  await ports.files.put(path, pdfBytes, 'application/pdf');
  return { fileId: await ports.files.fileIdFor(path), name: '商业计划书.pdf', size: pdfBytes.length };
}

async function submitEnterprise(who: { openid: string }, contestId: string, n: number, requestId?: string) {
  const plan = await uploadPlan(who, contestId);
  return call(who, 'registration.submit', { contestId, form: enterpriseFormFixture(n, plan) }, requestId);
}

describe('deadline, decided in Shanghai time', () => {
  test('open through 23:59:59 on the closing day, DEADLINE_PASSED at 00:00:00, NOT_OPEN before opening', async () => {
    const draft = { contestId: 'c-open-1', form: { group: 'enterprise', companyName: '草稿公司' } };
    ports.clock.freeze(new Date('2026-12-31T15:59:59.000Z')); // 23:59:59 in Shanghai, TZ=UTC here
    expect(await call(alice, 'registration.draft.save', draft)).toMatchObject({ ok: true });

    ports.clock.freeze(new Date('2026-12-31T16:00:00.000Z')); // 00:00:00 on 1 January in Shanghai
    expect(await call(alice, 'registration.draft.save', draft)).toMatchObject({
      ok: false,
      error: { code: 'DEADLINE_PASSED', message: '报名已于北京时间 2026年12月31日 23:59:59 截止' },
    });
    expect(await submitEnterprise(alice, 'c-open-2', 1).catch((e: Error) => e.message)).toContain('DEADLINE_PASSED');

    ports.clock.freeze(new Date('2026-10-31T15:59:59.000Z')); // 23:59:59 the day before opening
    expect(await call(alice, 'registration.draft.save', draft)).toMatchObject({
      ok: false,
      error: { code: 'NOT_OPEN', message: expect.stringContaining('2026年11月1日 00:00') },
    });
    ports.clock.freeze(new Date('2026-10-31T16:00:00.000Z'));
    expect(await call(alice, 'registration.draft.save', draft)).toMatchObject({ ok: true });
  });

  test('the seeded Shanghai 2024 contest is closed', async () => {
    expect(
      await call(alice, 'registration.draft.save', { contestId: 'sh-2024', form: { group: 'maker' } }),
    ).toMatchObject({ error: { code: 'DEADLINE_PASSED' } });
  });
});

describe('drafts', () => {
  test('a draft is kept in the cloud and comes back on another device; a complete ID number only as hash and mask', async () => {
    const saved = await call(alice, 'registration.draft.save', {
      contestId: 'c-open-1',
      form: {
        group: 'maker',
        leaderName: '李娜',
        idNumber: makerFormFixture(7, { fileId: 'x', name: 'x', size: 1 }).idNumber,
        projectName: '半成品',
      },
    });
    expect(saved).toMatchObject({ ok: true, data: { status: 'draft' } });

    const mine = await call(alice, 'registration.mine', {});
    expect(mine).toMatchObject({
      ok: true,
      data: {
        items: [
          {
            contestId: 'c-open-1',
            status: 'draft',
            editable: true,
            form: { leaderName: '李娜', projectName: '半成品' },
          },
        ],
      },
    });
    const form = mine.ok ? (mine.data as { items: Array<{ form: Record<string, unknown> }> }).items[0]?.form : null;
    expect(form?.idMasked).toBe(
      '3101**********' + makerFormFixture(7, { fileId: 'x', name: 'x', size: 1 }).idNumber.slice(-4),
    );
    expect(form?.idNumber).toBeUndefined();
    expect(form?.idHash).toBeUndefined();
    const stored = await ports.db.collection<EntryDoc>(C.entries).find({ ownerOpenid: alice.openid });
    expect(JSON.stringify(stored)).not.toContain(makerFormFixture(7, { fileId: 'x', name: 'x', size: 1 }).idNumber);
  });

  test('drafts check lengths only; a half-typed credit code is kept as typed', async () => {
    expect(
      await call(alice, 'registration.draft.save', {
        contestId: 'c-open-1',
        form: { group: 'enterprise', creditCode: '91310', summary: '字'.repeat(501) },
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { 'form.summary': '不能超过 500 个字' } } });
    expect(
      await call(alice, 'registration.draft.save', {
        contestId: 'c-open-1',
        form: { group: 'enterprise', creditCode: '91310' },
      }),
    ).toMatchObject({ ok: true });
  });
});

describe('submit', () => {
  test('a valid enterprise entry is submitted and shows 已提交 in 我的', async () => {
    const result = await submitEnterprise(alice, 'c-open-1', 1);
    expect(result).toMatchObject({ ok: true, data: { status: 'submitted', submittedAt: '2026-11-23T02:00:00.000Z' } });
    const mine = await call(alice, 'registration.mine', {});
    expect(mine).toMatchObject({
      data: { items: [{ status: 'submitted', history: [{ status: 'submitted', at: '2026-11-23T02:00:00.000Z' }] }] },
    });
  });

  test('field-level Chinese errors: wrong credit code, bad mobile, a field the contest lacks', async () => {
    const plan = await uploadPlan(alice, 'c-open-1');
    const form = enterpriseFormFixture(1, plan);
    const wrong = { ...form, creditCode: form.creditCode.slice(0, 17) + (form.creditCode.endsWith('0') ? '1' : '0') };
    const bad = await call(alice, 'registration.submit', {
      contestId: 'c-open-1',
      form: { ...wrong, mobile: '12345' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: {
          'form.creditCode': expect.stringContaining('校验位'),
          'form.mobile': expect.stringMatching(/手机号/),
        },
      },
    });
    const elsewhere = await call(alice, 'registration.submit', {
      contestId: 'c-open-1',
      form: { ...form, field: '航空航天' },
    });
    expect(elsewhere).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { field: '请从本赛事的行业领域中选择' } },
    });
    const future = await call(alice, 'registration.submit', {
      contestId: 'c-open-1',
      form: { ...form, foundedOn: '2027-01-01' },
    });
    expect(future).toMatchObject({ error: { details: { foundedOn: '成立日期不能晚于今天' } } });
    expect(await ports.db.collection(C.entries).count()).toBe(0);
  });

  test('a business plan that is not the caller’s own upload is refused', async () => {
    const bobsPlan = await uploadPlan(bob, 'c-open-1');
    const result = await call(alice, 'registration.submit', {
      contestId: 'c-open-1',
      form: enterpriseFormFixture(1, bobsPlan),
    });
    expect(result).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { 'businessPlan.fileId': '请重新上传商业计划书' } },
    });
  });

  test('an upload that is not a PDF (WeChat storage takes any bytes) is refused and removed', async () => {
    const answer = await call(alice, 'files.upload.prepare', {
      contestId: 'c-open-1',
      purpose: 'businessPlan',
      fileName: 'plan.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    const { path } = answer.ok ? (answer.data as { path: string }) : { path: '' };
    await ports.files.put(path, Buffer.from('MZ\x90 not a pdf'), 'application/pdf');
    const fileId = await ports.files.fileIdFor(path);
    const result = await call(alice, 'registration.submit', {
      contestId: 'c-open-1',
      form: enterpriseFormFixture(1, { fileId, name: 'plan.pdf', size: 10 }),
    });
    expect(result).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { 'businessPlan.fileId': '商业计划书只接受 PDF 文件' } },
    });
    expect(await ports.files.stat(fileId)).toBeNull();
  });

  test('risky text is refused with CONTENT_RISKY naming the field, and nothing is written', async () => {
    const plan = await uploadPlan(alice, 'c-open-1');
    const result = await call(alice, 'registration.submit', {
      contestId: 'c-open-1',
      form: { ...enterpriseFormFixture(1, plan), highlights: '接入网络赌博平台引流' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY', details: { highlights: expect.any(String) } },
    });
    expect(await ports.db.collection(C.entries).count()).toBe(0);
    expect(await ports.db.collection(C.entryKeys).count()).toBe(0);
  });

  test('a retried submit with the same requestId returns the first answer and creates nothing more', async () => {
    const plan = await uploadPlan(alice, 'c-open-1');
    const data = { contestId: 'c-open-1', form: enterpriseFormFixture(1, plan) };
    const first = await call(alice, 'registration.submit', data, 'submit-retry-001');
    ports.clock.freeze(new Date('2026-11-23T03:00:00Z'));
    const again = await call(alice, 'registration.submit', data, 'submit-retry-001');
    expect(again).toEqual(first);
    expect(await ports.db.collection(C.entries).count()).toBe(1);
    expect(await ports.db.collection(C.entryKeys).count()).toBe(1);
  });

  test('editing after submit keeps one entry and moves the key when the credit code changes', async () => {
    await submitEnterprise(alice, 'c-open-1', 1);
    const plan = await uploadPlan(alice, 'c-open-1');
    expect(
      await call(alice, 'registration.submit', {
        contestId: 'c-open-1',
        form: { ...enterpriseFormFixture(2, plan), projectName: '改名后的项目' },
      }),
    ).toMatchObject({ ok: true, data: { submittedAt: '2026-11-23T02:00:00.000Z' } });
    const keys = await ports.db.collection<EntryKeyDoc>(C.entryKeys).find();
    expect(keys.map((k) => k._id)).toEqual([`edition-9:credit:${creditCodeFixture(2)}`]);
    // The old code is free again for whoever really owns it.
    expect(await submitEnterprise(bob, 'c-open-2', 1)).toMatchObject({ ok: true });
  });
});

describe('one entry per edition', () => {
  test('the same credit code in another contest of the edition, from another account: DUPLICATE_ENTRY naming the contest', async () => {
    expect(await submitEnterprise(alice, 'c-open-1', 5)).toMatchObject({ ok: true });
    expect(await submitEnterprise(bob, 'c-open-2', 5)).toMatchObject({
      ok: false,
      error: {
        code: 'DUPLICATE_ENTRY',
        message: '该企业或创客已报名本届大赛的「测试赛事 c-open-1」，同一届只能报名一项赛事',
        details: { contestId: 'c-open-1' },
      },
    });
    // …and twice in the same contest from another account.
    expect(await submitEnterprise(bob, 'c-open-1', 5)).toMatchObject({ error: { code: 'DUPLICATE_ENTRY' } });
  });

  test('the same maker ID number, however typed, is one maker', async () => {
    const planA = await uploadPlan(alice, 'c-open-1');
    expect(
      await call(alice, 'registration.submit', { contestId: 'c-open-1', form: makerFormFixture(9, planA) }),
    ).toMatchObject({ ok: true });
    const planB = await uploadPlan(bob, 'c-open-2');
    const form = makerFormFixture(9, planB);
    const typedDifferently = { ...form, idNumber: ` ${form.idNumber.toLowerCase()} ` };
    expect(await call(bob, 'registration.submit', { contestId: 'c-open-2', form: typedDifferently })).toMatchObject({
      error: { code: 'DUPLICATE_ENTRY' },
    });
  });

  test('two accounts submitting the same code at the same moment: exactly one entry wins', async () => {
    const planA = await uploadPlan(alice, 'c-open-1');
    const planB = await uploadPlan(bob, 'c-open-2');
    const results = await Promise.all([
      call(alice, 'registration.submit', { contestId: 'c-open-1', form: enterpriseFormFixture(42, planA) }),
      call(bob, 'registration.submit', { contestId: 'c-open-2', form: enterpriseFormFixture(42, planB) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'DUPLICATE_ENTRY')).toHaveLength(1);
    expect(await ports.db.collection(C.entries).count({ status: 'submitted' })).toBe(1);
    expect(await ports.db.collection(C.entryKeys).count()).toBe(1);
  });

  test('withdraw frees the key: the company may register again, here or elsewhere', async () => {
    await submitEnterprise(alice, 'c-open-1', 3);
    expect(await call(alice, 'registration.withdraw', { contestId: 'c-open-1' })).toMatchObject({
      ok: true,
      data: { status: 'withdrawn' },
    });
    expect(await ports.db.collection(C.entryKeys).count()).toBe(0);
    expect(await submitEnterprise(bob, 'c-open-2', 3)).toMatchObject({ ok: true });
    expect(await call(bob, 'registration.withdraw', { contestId: 'c-open-2' })).toMatchObject({ ok: true });
    expect(await submitEnterprise(alice, 'c-open-1', 3)).toMatchObject({ ok: true });
    const mine = await call(alice, 'registration.mine', {});
    expect(
      mine.ok &&
        (mine.data as { items: Array<{ history: Array<{ status: string }> }> }).items[0]?.history.map((h) => h.status),
    ).toEqual(['submitted', 'withdrawn', 'submitted']);
  });
});

describe('review', () => {
  test('approve, then the entrant sees it; reject needs a reason; every decision is audited', async () => {
    const submitted = await submitEnterprise(alice, 'c-open-1', 11);
    const entryId = submitted.ok ? (submitted.data as { entryId: string }).entryId : '';

    expect(await call(organizer, 'admin.entry.decide', { entryId, decision: 'reject' })).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { reason: '请填写理由' } },
    });
    expect(await call(organizer, 'admin.entry.decide', { entryId, decision: 'approve' })).toMatchObject({
      ok: true,
      data: { status: 'approved' },
    });
    expect(await call(alice, 'registration.mine', {})).toMatchObject({
      data: { items: [{ status: 'approved', editable: false }] },
    });
    // Reviewed entries are no longer the entrant's to change or withdraw.
    expect(await call(alice, 'registration.withdraw', { contestId: 'c-open-1' })).toMatchObject({
      error: { code: 'INVALID_STATE' },
    });
    ports.clock.freeze(new Date('2026-11-24T02:00:00Z'));
    expect(
      await call(organizer, 'admin.entry.decide', { entryId, decision: 'disqualify', reason: '经核实存在抄袭' }),
    ).toMatchObject({ ok: true, data: { status: 'disqualified' } });

    const detail = await call(organizer, 'admin.entry.get', { entryId });
    expect(detail).toMatchObject({
      ok: true,
      data: {
        entry: {
          status: 'disqualified',
          form: { mobile: '138****1234' },
          businessPlan: { name: '商业计划书.pdf' },
          audits: [
            { action: 'approve', before: 'submitted', after: 'approved', reason: null, actorName: '周晔' },
            {
              action: 'disqualify',
              before: 'approved',
              after: 'disqualified',
              reason: '经核实存在抄袭',
              at: '2026-11-24T02:00:00.000Z',
            },
          ],
        },
      },
    });
    expect(await call(alice, 'admin.entry.get', { entryId })).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  test('list: filters, search by project or company name, paging, drafts hidden', async () => {
    for (let n = 1; n <= 5; n += 1) {
      const who = { openid: `oUser${n}`.padEnd(28, '0') };
      await submitEnterprise(who, n % 2 === 0 ? 'c-open-2' : 'c-open-1', 100 + n);
    }
    await call(alice, 'registration.draft.save', {
      contestId: 'c-open-1',
      form: { group: 'enterprise', projectName: '只是草稿' },
    });

    const all = await call(organizer, 'admin.entry.list', { pageSize: 2 });
    expect(all).toMatchObject({ ok: true, data: { total: 5, page: 1, pageSize: 2 } });
    expect(all.ok && (all.data as { items: unknown[] }).items).toHaveLength(2);
    const page3 = await call(organizer, 'admin.entry.list', { pageSize: 2, page: 3 });
    expect(page3.ok && (page3.data as { items: unknown[] }).items).toHaveLength(1);

    expect(await call(organizer, 'admin.entry.list', { contestId: 'c-open-2' })).toMatchObject({
      data: { total: 2 },
    });
    const byName = await call(organizer, 'admin.entry.list', { q: '质检平台103' });
    expect(byName).toMatchObject({
      data: { total: 1, items: [{ projectName: '工业视觉质检平台103', mobileMasked: '138****1234' }] },
    });
    expect(await call(organizer, 'admin.entry.list', { q: '测试科技有限公司105' })).toMatchObject({
      data: { total: 1 },
    });
    expect(await call(organizer, 'admin.entry.list', { status: 'draft' })).toMatchObject({ data: { total: 1 } });
    expect(await call(organizer, 'admin.entry.list', { field: '节能环保' })).toMatchObject({ data: { total: 0 } });
  });

  test('an organizer of one contest sees and decides only that contest’s entries', async () => {
    const regional = { openid: 'oRegional000000000000000001' };
    await ports.db.collection<RoleGrantDoc>(C.roles).create({
      _id: roleGrantId(regional.openid, 'organizer', 'c-open-2'),
      openid: regional.openid,
      role: 'organizer',
      contestId: 'c-open-2',
      createdAt: '2026-11-23T00:00:00.000Z',
    });
    const inOne = await submitEnterprise(alice, 'c-open-1', 81);
    await submitEnterprise(bob, 'c-open-2', 82);
    expect(await call(regional, 'admin.entry.list', {})).toMatchObject({
      data: { total: 1, items: [{ contestId: 'c-open-2' }] },
    });
    expect(await call(regional, 'admin.entry.list', { contestId: 'c-open-1' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const entryId = inOne.ok ? (inOne.data as { entryId: string }).entryId : '';
    expect(await call(regional, 'admin.entry.decide', { entryId, decision: 'approve' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  test('the plagiarism hint flags a near-duplicate summary for a person to decide, without blocking', async () => {
    await submitEnterprise(alice, 'c-open-1', 21);
    const planB = await uploadPlan(bob, 'c-open-2');
    const copied = { ...enterpriseFormFixture(22, planB), summary: enterpriseFormFixture(21, planB).summary };
    expect(await call(bob, 'registration.submit', { contestId: 'c-open-2', form: copied })).toMatchObject({ ok: true });
    await cronTick(ports, 'test');
    const list = await call(organizer, 'admin.entry.list', {});
    const items = list.ok
      ? (list.data as { items: Array<{ projectName: string; similar: { projectName: string; score: number } | null }> })
          .items
      : [];
    expect(items.find((i) => i.projectName === '工业视觉质检平台22')?.similar).toEqual(
      expect.objectContaining({ projectName: '工业视觉质检平台21', score: 1 }),
    );
    expect(items.find((i) => i.projectName === '工业视觉质检平台21')?.similar).toEqual(
      expect.objectContaining({ projectName: '工业视觉质检平台22' }),
    );
  });

  test('stats count entries by group, field, district and Shanghai day', async () => {
    await submitEnterprise(alice, 'c-open-1', 31);
    ports.clock.freeze(new Date('2026-11-23T16:30:00Z')); // 00:30 on the 24th in Shanghai
    await submitEnterprise(bob, 'c-open-1', 32);
    expect(await call(organizer, 'admin.entry.stats', { contestId: 'c-open-1' })).toMatchObject({
      ok: true,
      data: {
        total: 2,
        byGroup: [{ key: 'enterprise', count: 2 }],
        byField: [{ key: '新一代信息技术', count: 2 }],
        byDay: [
          { day: '2026-11-23', count: 1 },
          { day: '2026-11-24', count: 1 },
        ],
      },
    });
  });
});

describe('export', () => {
  async function sheetOf(url: string): Promise<string[][]> {
    const grant = ports.localFiles.verify(url);
    if (grant === null) throw new Error(`not a valid link: ${url}`);
    const [sheet] = await readXlsxFile(Buffer.from(await ports.files.read(grant.fileId)));
    return (sheet?.data ?? []).map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  }

  test('the spreadsheet has the filtered entries with mobiles masked; sensitive data only when asked, and audited', async () => {
    await submitEnterprise(alice, 'c-open-1', 71);
    await submitEnterprise(bob, 'c-open-2', 72);
    const plain = await call(organizer, 'admin.entry.export', { contestId: 'c-open-1' });
    expect(plain).toMatchObject({
      ok: true,
      data: { rows: 1, fileName: expect.stringMatching(/^报名列表-\d{8}-\d{6}\.xlsx$/) },
    });
    const rows = await sheetOf(plain.ok ? (plain.data as { url: string }).url : '');
    expect(rows[0]).toEqual(expect.arrayContaining(['项目名称', '手机', '身份证号（脱敏）']));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(
      expect.arrayContaining(['工业视觉质检平台71', '138****1234', creditCodeFixture(71), '已提交']),
    );
    expect(JSON.stringify(rows)).not.toContain('13812341234');
    expect(await ports.db.collection(C.audits).count({ action: 'export_sensitive' })).toBe(0);

    const sensitive = await call(organizer, 'admin.entry.export', { includeSensitive: true });
    expect(sensitive).toMatchObject({ ok: true, data: { rows: 2, fileName: expect.stringContaining('含敏感信息') } });
    expect(JSON.stringify(await sheetOf(sensitive.ok ? (sensitive.data as { url: string }).url : ''))).toContain(
      '13812341234',
    );
    expect(await ports.db.collection(C.audits).find({ action: 'export_sensitive' })).toEqual([
      expect.objectContaining({ actorName: '周晔', after: '2 条' }),
    ]);
    expect(await call(alice, 'admin.entry.export', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('attachments are private', () => {
  test('the entrant and organizers get a link; anyone else FORBIDDEN, existing entry or not', async () => {
    const submitted = await submitEnterprise(alice, 'c-open-1', 51);
    const entryId = submitted.ok ? (submitted.data as { entryId: string }).entryId : '';
    const own = await call(alice, 'files.link.get', { entryId, attachment: 'businessPlan' });
    expect(own).toMatchObject({ ok: true, data: { url: expect.stringContaining('/files/entries/') } });
    expect(await call(organizer, 'files.link.get', { entryId, attachment: 'businessPlan' })).toMatchObject({
      ok: true,
    });
    expect(await call(bob, 'files.link.get', { entryId, attachment: 'businessPlan' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(bob, 'files.link.get', { entryId: 'e-doesnotexist', attachment: 'businessPlan' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  test('upload targets refuse wrong types and sizes before any byte moves', async () => {
    const base = {
      contestId: 'c-open-1',
      purpose: 'businessPlan',
      fileName: 'plan.pdf',
      contentType: 'application/pdf',
      size: 1000,
    };
    expect(await call(alice, 'files.upload.prepare', { ...base, fileName: 'plan.docx' })).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { fileName: '商业计划书只接受 PDF 文件' } },
    });
    expect(await call(alice, 'files.upload.prepare', { ...base, size: 21 * 1024 * 1024 })).toMatchObject({
      error: { details: { size: '商业计划书不能超过 20 MB' } },
    });
  });
});

describe('contests', () => {
  test('contest.get is public; admin.contest.upsert refuses to remove a field that entries use', async () => {
    expect(await call({ openid: null }, 'contest.get', { id: 'c-open-1' })).toMatchObject({
      ok: true,
      data: {
        contest: {
          id: 'c-open-1',
          registration: { status: 'open' },
          fields: expect.arrayContaining(['新一代信息技术']),
        },
      },
    });
    await submitEnterprise(alice, 'c-open-1', 61);
    const contest = openContest('c-open-1');
    const edit = {
      id: 'c-open-1',
      editionId: contest.editionId,
      kind: contest.kind,
      name: contest.name,
      hostRegion: contest.hostRegion,
      hosts: contest.hosts,
      organizers: contest.organizers,
      groups: contest.groups,
      fields: contest.fields.filter((f) => f !== '新一代信息技术'),
      districts: contest.districts,
      registration: { opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-31T23:59:59+08:00' },
      stages: contest.stages,
      rules: contest.rules,
      awards: contest.awards,
    };
    expect(await call(organizer, 'admin.contest.upsert', edit)).toMatchObject({
      ok: false,
      error: { code: 'CONTEST_IN_USE', message: expect.stringContaining('新一代信息技术') },
    });
    const renamed = await call(organizer, 'admin.contest.upsert', {
      ...edit,
      fields: contest.fields,
      name: '改名后的赛事',
    });
    expect(renamed).toMatchObject({ ok: true });
    const stored = await ports.db.collection<ContestDoc>(C.contests).get('c-open-1');
    expect(stored?.registration.closesAt).toBe('2026-12-31T15:59:59.000Z');
    expect(await call(alice, 'admin.contest.upsert', edit)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
