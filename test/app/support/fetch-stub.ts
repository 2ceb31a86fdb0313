/**
 * A stand-in for the network boundary only: global fetch answering like the local cloud does.
 * Everything above it (callCloud, transports, hooks, pages) runs for real.
 */
import type { CallRequest } from '@core/wire';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status?: number; json?: unknown; text?: string } | Error;
type Route = (request: RecordedCall) => Answer;

export interface FetchStub {
  calls: RecordedCall[];
  /** Calls to POST /api/api, decoded. */
  apiCalls: () => CallRequest[];
  restore: () => void;
}

/** Installs a fetch that answers `/api/api` by action (`{ok:true,data}` unless a full answer is given). */
export function stubFetch(routes: {
  actions?: Record<string, (request: CallRequest) => Answer>;
  paths?: Record<string, Route>;
}): FetchStub {
  const calls: RecordedCall[] = [];
  const previous = (globalThis as { fetch?: unknown }).fetch;

  const fetchStub = async (input: string, init: RequestInit = {}) => {
    const request: RecordedCall = {
      url: input,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(request);
    let answer: Answer;
    if (input === '/api/api') {
      const call = request.body as CallRequest;
      const handler = routes.actions?.[call.action];
      answer = handler
        ? handler(call)
        : { json: { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } } };
    } else {
      const handler = routes.paths?.[`${request.method} ${input}`];
      answer = handler ? handler(request) : { status: 404, text: 'Not Found' };
    }
    if (answer instanceof Error) throw answer;
    return fakeResponse(
      answer.status ?? 200,
      answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? ''),
    );
  };

  Object.assign(globalThis, { fetch: fetchStub });
  return {
    calls,
    apiCalls: () => calls.filter((c) => c.url === '/api/api').map((c) => c.body as CallRequest),
    restore: () => Object.assign(globalThis, { fetch: previous }),
  };
}

/** Wraps data the way the server does. */
export function ok(data: unknown): { json: unknown } {
  return { json: { ok: true, data } };
}

function fakeResponse(status: number, text: string): Response {
  const response = {
    status,
    ok: status >= 200 && status < 300,
    text: () => Promise.resolve(text),
    json: () => Promise.resolve().then(() => JSON.parse(text) as unknown),
  };
  return response as unknown as Response;
}
