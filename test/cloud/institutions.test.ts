/** Service institutions register; the 组委会 approves (granting the institution role) or rejects with a reason. */
import { createApi, type Api } from '../../cloudfunctions/router';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import { DEMO_ADMIN_OPENIDS, demoOpenid } from '../../cloudfunctions/local/seed-data';
import { C, roleGrantId, type RoleGrantDoc } from '../../cloudfunctions/usecases/collections';
import { testPorts } from '../support/local-ports';
import { creditCodeFixture } from '../support/registration-fixtures';

let ports: ReturnType<typeof testPorts>;
let api: Api;
const fund = { openid: 'oFund00000000000000000000001' };
const organizer = { openid: demoOpenid('organizer') };
const regionalOrganizer = { openid: 'oRegional000000000000000001' };

beforeEach(async () => {
  ports = testPorts();
  await seedDemoData(ports);
  await ports.db.collection<RoleGrantDoc>(C.roles).create({
    _id: roleGrantId(regionalOrganizer.openid, 'organizer', 'sh-2024'),
    openid: regionalOrganizer.openid,
    role: 'organizer',
    contestId: 'sh-2024',
    createdAt: '2026-11-23T00:00:00.000Z',
  });
  api = createApi({
    ports,
    adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
    runtime: 'local',
    version: 't',
    idHashKey: null,
  });
});
afterEach(() => ports.dispose());

const application = {
  type: 'fund',
  name: '浦江科创投资基金',
  creditCode: creditCodeFixture(900),
  contactName: '陈经理',
  mobile: '13600001111',
  fields: ['新一代信息技术', '生物医药'],
};

test('an application with a bad credit code gets a Chinese message beside the field', async () => {
  expect(
    await api({ action: 'institution.register', data: { ...application, creditCode: '123' } }, fund),
  ).toMatchObject({ error: { code: 'INVALID_INPUT', details: { creditCode: expect.stringContaining('18') } } });
});

test('apply, reject with a reason, correct and reapply, approve: the account becomes an institution', async () => {
  expect(await api({ action: 'institution.register', data: application }, fund)).toMatchObject({
    ok: true,
    data: { institution: { status: 'pending', mobileMasked: '136****1111' } },
  });
  const listed = await api({ action: 'admin.institution.list', data: { status: 'pending' } }, organizer);
  const id = listed.ok ? (listed.data as { items: Array<{ id: string }> }).items[0]?.id : undefined;
  expect(id).toBeDefined();

  expect(await api({ action: 'admin.institution.decide', data: { id, decision: 'reject' } }, organizer)).toMatchObject({
    error: { code: 'INVALID_INPUT', details: { reason: '请填写理由' } },
  });
  expect(
    await api(
      { action: 'admin.institution.decide', data: { id, decision: 'reject', reason: '请补充机构资质' } },
      organizer,
    ),
  ).toMatchObject({ ok: true, data: { institution: { status: 'rejected', statusReason: '请补充机构资质' } } });
  expect(await api({ action: 'institution.mine' }, fund)).toMatchObject({
    data: { institution: { status: 'rejected', statusReason: '请补充机构资质' } },
  });

  expect(
    await api({ action: 'institution.register', data: { ...application, name: '浦江科创投资基金（有限合伙）' } }, fund),
  ).toMatchObject({
    data: { institution: { status: 'pending' } },
  });
  expect(await api({ action: 'admin.institution.decide', data: { id, decision: 'approve' } }, organizer)).toMatchObject(
    {
      data: { institution: { status: 'approved' } },
    },
  );
  expect(await api({ action: 'auth.me' }, fund)).toMatchObject({
    data: { roles: expect.arrayContaining([{ role: 'institution', contestId: null, contestName: null }]) },
  });
  expect(await api({ action: 'institution.register', data: application }, fund)).toMatchObject({
    error: { code: 'INVALID_STATE' },
  });
  expect(
    await ports.db.collection(C.audits).count({ action: { $in: ['institution_approve', 'institution_reject'] } }),
  ).toBe(2);
});

test('only the 组委会 (a global grant) reviews institutions, not one contest’s organizer', async () => {
  expect(await api({ action: 'admin.institution.list' }, regionalOrganizer)).toMatchObject({
    error: { code: 'FORBIDDEN' },
  });
  expect(await api({ action: 'admin.institution.list' }, fund)).toMatchObject({ error: { code: 'FORBIDDEN' } });
});
