/**
 * 服务机构入驻 against a stubbed fetch: before applying the page says what approval does and does not do (no
 * promise of online matchmaking); an approved institution sees its status and the profile on file (mobile masked)
 * instead of an empty application form.
 */
import { act, render, waitFor } from '@testing-library/react';
import type { InstitutionView } from '@core/institution/views';
import type { CallRequest } from '@core/wire';
import InstitutionPage from '../../src/entrant/pages/institution/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { signedIn } from './support/fixtures';

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

const applicant = signedIn('王经理', [{ role: 'entrant', contestId: null, contestName: null }], ['entrant']);

async function serve(institution: InstitutionView | null): Promise<FetchStub> {
  const actions: Record<string, (req: CallRequest) => { json: unknown }> = {
    'auth.me': () => ok(applicant),
    'institution.mine': () => ok({ institution }),
    'contest.list': () => ok({ items: [] }),
  };
  stub = stubFetch({ actions });
  await act(() => refreshMe());
  return stub;
}

const approved: InstitutionView = {
  id: 'inst-1',
  type: 'bank',
  name: '上海科创银行',
  creditCode: '91310000MA1FL0000X',
  contactName: '王经理',
  mobileMasked: '138****5678',
  fields: ['新一代信息技术', '生物医药'],
  status: 'approved',
  statusReason: null,
  createdAt: '2024-08-01T02:00:00.000Z',
};

test('an approved institution sees its status and profile, not an empty application form', async () => {
  await serve(approved);
  const { container } = render(<InstitutionPage />);
  await waitFor(() => expect(container.querySelector('.institution-profile')).not.toBeNull());
  expect(container.querySelector('.institution-status--approved')?.textContent).toBe('已通过');
  const rows = [...container.querySelectorAll('.institution-profile__row')].map((row) => row.textContent);
  expect(rows).toEqual([
    '机构类型银行',
    '机构名称上海科创银行',
    '统一社会信用代码91310000MA1FL0000X',
    '联系人王经理',
    '联系电话138****5678',
    '关注领域新一代信息技术、生物医药',
  ]);
  expect(container.querySelector('.form-card')).toBeNull();
  expect(container.querySelector('.institution-can')?.textContent).toContain('尚未开放');
});

test('before applying, the note says what approval does and promises no matchmaking that does not exist', async () => {
  await serve(null);
  const { container } = render(<InstitutionPage />);
  await waitFor(() => expect(container.querySelector('.form-card')).not.toBeNull());
  const note = container.querySelector('.note')?.textContent ?? '';
  expect(note).toContain('服务机构名录');
  expect(note).toContain('尚未开放');
  expect(note).not.toContain('可浏览同意对接的参赛项目');
});
