import type { ActionTable } from '@core/action-def';
import type { ActionInput, ActionName, ActionOutput } from '@core/actions';
import { contestActions } from '@core/contest/actions';
import { errorMessages } from '@core/errors';
import { filesActions } from '@core/files/actions';
import { homeActions } from '@core/home/actions';
import { inboxActions } from '@core/inbox/actions';
import { newsActions } from '@core/news/actions';
import { notifyActions } from '@core/notify/actions';
import { registrationActions } from '@core/registration/actions';
import { resultsActions } from '@core/results/actions';
import { systemActions } from '@core/system/actions';
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
const transport: Transport =
  process.env.TARO_ENV === 'weapp' ? wxCloudTransport : httpTransport({ getToken, onTokenRejected: clearToken });

/**
 * The action definitions this package validates with. The main package knows the areas its own pages call;
 * each subpackage registers its areas' tables on load (`src/<package>/lib/actions.ts`), so an organizer's or
 * a judge's schemas never ship in the main package. The types still come from the merged table.
 */
const known: ActionTable = {};

export function registerActions(...tables: ActionTable[]): void {
  for (const table of tables) Object.assign(known, table);
}

registerActions(
  systemActions,
  homeActions,
  contestActions,
  newsActions,
  resultsActions,
  filesActions,
  registrationActions,
  // The subscribe prompt is at taps all over the app, and the badge is on a tab.
  notifyActions,
  inboxActions,
);

async function send<A extends ActionName>(action: A, request: CallRequest): Promise<ActionOutput<A>> {
  const answer = await transport.call('api', request);
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) throw new CloudError('INTERNAL');
  if (answer.ok === true && 'data' in answer) return answer.data as ActionOutput<A>;
  if (answer.ok === false && 'error' in answer) throw CloudError.fromBody(answer.error);
  throw new CloudError('INTERNAL');
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
  const def = known[action];
  if (def === undefined) {
    // A page of a subpackage that forgot to import its package's lib/actions: a bug, never a user's input.
    console.error(`callCloud: ${action} is not registered in this package`);
    throw new CloudError('INTERNAL');
  }
  const checked = validate(def.input, input);
  if (!checked.ok) throw new CloudError('INVALID_INPUT', errorMessages.INVALID_INPUT, checked.errors);

  const requestId = options.requestId ?? (def.write ? newRequestId() : undefined);
  if (requestId !== undefined && !REQUEST_ID_PATTERN.test(requestId)) {
    throw new CloudError('INVALID_INPUT', errorMessages.INVALID_INPUT, { requestId: '请求编号格式不正确' });
  }
  const request: CallRequest = { action, data: checked.value };
  if (requestId !== undefined) request.requestId = requestId;
  return send(action, request);
}

/**
 * Sends a write that was checked when it was queued (the outbox, which may run before the page that queued it
 * has loaded its subpackage): the same wire, no second validation.
 */
export function sendQueued<A extends ActionName>(
  action: A,
  data: unknown,
  requestId: string,
): Promise<ActionOutput<A>> {
  return send(action, { action, data, requestId });
}
