import { actions, functionFor, type ActionInput, type ActionName, type ActionOutput } from '@core/actions';
import { errorMessages } from '@core/errors';
import { validate } from '@core/validation';
import { REQUEST_ID_PATTERN, type CallRequest } from '@core/wire';
import { clearToken, getToken } from './auth';
import { CloudError } from './cloud-error';
import { newRequestId } from './request-id';
import { httpTransport, wxCloudTransport, type Transport } from './transport';

export { CloudError, isCloudError, toCloudError } from './cloud-error';
export type { Transport } from './transport';

// TARO_ENV is replaced at build time, so each build carries only its own transport.
// A rejected token is dropped, so the app falls back to a guest who can sign in again.
let transport: Transport =
  process.env.TARO_ENV === 'weapp' ? wxCloudTransport : httpTransport({ getToken, onTokenRejected: clearToken });

/** Swap how calls travel (production H5 via @cloudbase/js-sdk, or a test double). Returns the previous one. */
export function setTransport(next: Transport): Transport {
  const previous = transport;
  transport = next;
  return previous;
}

/**
 * Calls one action of the wire contract. Input is checked against the action's schema before anything
 * is sent, so a form gets per-field messages without a round trip; writes carry a requestId so a retry
 * from a flaky phone is answered from the server's record instead of being applied twice.
 */
export async function callCloud<A extends ActionName>(
  action: A,
  input: ActionInput<A>,
  options: { requestId?: string } = {},
): Promise<ActionOutput<A>> {
  const def = actions[action];
  const checked = validate(def.input, input);
  if (!checked.ok) throw new CloudError('INVALID_INPUT', errorMessages.INVALID_INPUT, checked.errors);

  const requestId = options.requestId ?? (def.write ? newRequestId() : undefined);
  if (requestId !== undefined && !REQUEST_ID_PATTERN.test(requestId)) {
    throw new CloudError('INVALID_INPUT', errorMessages.INVALID_INPUT, { requestId: '请求编号格式不正确' });
  }

  const request: CallRequest = { action, data: checked.value };
  if (requestId !== undefined) request.requestId = requestId;

  const answer = await transport.call(functionFor(action), request);
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) throw new CloudError('INTERNAL');
  if (answer.ok === true && 'data' in answer) return answer.data as ActionOutput<A>;
  if (answer.ok === false && 'error' in answer) throw CloudError.fromBody(answer.error);
  throw new CloudError('INTERNAL');
}
