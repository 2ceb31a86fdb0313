import { REQUEST_ID_PATTERN } from '@core/wire';
import { clearToken, getToken, setToken } from '../../src/services/auth';
import { callCloud, CloudError } from '../../src/services/cloud';
import { newRequestId } from '../../src/services/request-id';
import { contest } from './support/fixtures';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  clearToken();
});

async function rejection(promise: Promise<unknown>): Promise<CloudError> {
  const error: unknown = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

describe('callCloud over the H5 transport', () => {
  test('posts the wire request with the bearer token and returns data', async () => {
    stub = stubFetch({ actions: { 'contest.list': () => ok({ items: [contest()] }) } });
    setToken('token-abc');

    const result = await callCloud('contest.list', {});

    expect(result.items[0]?.name).toBe('2024年“创客中国”上海市中小企业创新创业大赛');
    expect(stub.calls).toHaveLength(1);
    const call = stub.calls[0];
    expect(call?.method).toBe('POST');
    expect(call?.headers.Authorization).toBe('Bearer token-abc');
    expect(call?.body).toEqual({ action: 'contest.list', data: {} });
  });

  test('a token the server rejects is dropped, so the app continues as a guest', async () => {
    stub = stubFetch({
      actions: {
        'auth.me': () => ({ json: { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效' } } }),
      },
    });
    setToken('token-from-a-wiped-data-dir');
    const error = await rejection(callCloud('auth.me', {}));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(getToken()).toBeNull();
  });

  test('sends no Authorization header when nobody signed in', async () => {
    stub = stubFetch({ actions: { 'system.health': () => ok({ status: 'ok' }) } });
    await callCloud('system.health', {});
    expect(stub.calls[0]?.headers.Authorization).toBeUndefined();
  });

  test('{ok:false} becomes a CloudError with the code, message and details', async () => {
    stub = stubFetch({
      actions: {
        'contest.list': () => ({
          json: { ok: false, error: { code: 'FORBIDDEN', message: '仅限组委会', details: { role: 'organizer' } } },
        }),
      },
    });
    const error = await rejection(callCloud('contest.list', {}));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('仅限组委会');
    expect(error.details).toEqual({ role: 'organizer' });
  });

  test('a non-JSON answer is a NETWORK failure with a Chinese message', async () => {
    stub = stubFetch({ actions: { 'contest.list': () => ({ text: '<html>gateway</html>' }) } });
    const error = await rejection(callCloud('contest.list', {}));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('网络异常，请检查网络后重试');
  });

  test('no connection is NETWORK; a 5xx is INTERNAL; a malformed body is INTERNAL', async () => {
    stub = stubFetch({ actions: { 'contest.list': () => new TypeError('Failed to fetch') } });
    expect((await rejection(callCloud('contest.list', {}))).code).toBe('NETWORK');
    stub.restore();

    stub = stubFetch({ actions: { 'contest.list': () => ({ status: 502, text: 'Bad Gateway' }) } });
    expect((await rejection(callCloud('contest.list', {}))).code).toBe('INTERNAL');
    stub.restore();

    stub = stubFetch({ actions: { 'contest.list': () => ({ json: { items: [] } }) } });
    expect((await rejection(callCloud('contest.list', {}))).code).toBe('INTERNAL');
  });

  test('invalid input is refused locally with per-field details, before any fetch', async () => {
    stub = stubFetch({});
    const error = await rejection(callCloud('contest.list', { editionId: 'not an id/' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toEqual({ editionId: '届次格式不正确' });

    const write = await rejection(callCloud('auth.profile.update', { name: '   ' }));
    expect(write.code).toBe('INVALID_INPUT');
    expect(write.details).toEqual({ name: '请填写昵称' });

    expect(stub.calls).toHaveLength(0);
  });

  test('writes carry a generated requestId; a given one is passed through', async () => {
    stub = stubFetch({
      actions: {
        'auth.profile.update': (req) => ok({ openid: 'u1', name: String((req.data as { name: string }).name) }),
      },
    });
    await callCloud('auth.profile.update', { name: ' 张三 ' });
    await callCloud('auth.profile.update', { name: '李四' }, { requestId: 'retry-0001' });

    const [first, second] = stub.apiCalls();
    expect(first?.data).toEqual({ name: '张三' });
    expect(first?.requestId).toMatch(REQUEST_ID_PATTERN);
    expect(second?.requestId).toBe('retry-0001');
  });

  test('reads carry no requestId unless given', async () => {
    stub = stubFetch({ actions: { 'contest.list': () => ok({ items: [] }) } });
    await callCloud('contest.list', {});
    expect(stub.apiCalls()[0]).not.toHaveProperty('requestId');
  });
});

test('generated request ids fit the wire pattern and differ', () => {
  const ids = new Set(Array.from({ length: 200 }, newRequestId));
  expect(ids.size).toBe(200);
  for (const id of ids) expect(id).toMatch(REQUEST_ID_PATTERN);
});
