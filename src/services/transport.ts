import Taro from '@tarojs/taro';
import type { CallRequest } from '@core/wire';
import { CloudError } from './cloud-error';

/**
 * How a call reaches a cloud function. Resolves with the function's raw answer (still to be checked
 * against the wire shape) or rejects with a CloudError when no answer came back. Kept this small so
 * the production H5 build can plug in @cloudbase/js-sdk's `app.callFunction` without touching callers.
 */
export interface Transport {
  call(functionName: string, request: CallRequest): Promise<unknown>;
}

/** Cloud SDK error code for "the function ran and threw" as opposed to "the call never got there". */
const FUNCTION_EXECUTION_FAILED = -504002;

/** WeChat: wx.cloud.callFunction, identity from the platform's OPENID. */
export const wxCloudTransport: Transport = {
  async call(functionName, request) {
    try {
      const res = await Taro.cloud.callFunction({ name: functionName, data: request });
      return res.result;
    } catch (error) {
      const errCode = (error as { errCode?: unknown } | null)?.errCode;
      throw new CloudError(errCode === FUNCTION_EXECUTION_FAILED ? 'INTERNAL' : 'NETWORK');
    }
  },
};

/** The local cloud (and any same-origin server speaking the wire contract): POST /api/<function>. */
export function httpTransport(options: {
  baseUrl?: string;
  getToken: () => string | null;
  /** The server no longer accepts the token (expired, or the local data dir was reset). */
  onTokenRejected?: () => void;
}): Transport {
  return {
    async call(functionName, request) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      const token = options.getToken();
      if (token) headers.Authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetch(`${options.baseUrl ?? ''}/api/${functionName}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(request),
        });
      } catch {
        throw new CloudError('NETWORK');
      }
      const answer = await readJson(response);
      if (token && isUnauthenticated(answer)) options.onTokenRejected?.();
      return answer;
    },
  };
}

/** The server always answers 200 with JSON; anything else came from something in between. */
export async function readJson(response: Response): Promise<unknown> {
  if (response.status !== 200) throw new CloudError(response.status >= 500 ? 'INTERNAL' : 'NETWORK');
  try {
    return await response.json();
  } catch {
    throw new CloudError('NETWORK');
  }
}

function isUnauthenticated(answer: unknown): boolean {
  const error = (answer as { ok?: unknown; error?: { code?: unknown } } | null)?.error;
  return (answer as { ok?: unknown } | null)?.ok === false && error?.code === 'UNAUTHENTICATED';
}
