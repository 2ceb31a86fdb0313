import fc from 'fast-check';
import {
  EMPTY_CREDITS,
  MAX_CREDITS,
  afterSubscribe,
  creditsGone,
  refundCredit,
  spendCredit,
  type CreditState,
  type SubscribeResult,
} from '../../../core/notify/credits';
import { pushOutcome, retryDelayMs, MAX_PUSH_ATTEMPTS } from '../../../core/notify/push';

test('N accepts allow N sends, then none', () => {
  let state: CreditState = EMPTY_CREDITS;
  for (let i = 0; i < 3; i++) state = afterSubscribe(state, 'accept');
  state = afterSubscribe(state, 'reject');
  const spent: boolean[] = [];
  for (let i = 0; i < 4; i++) {
    const next = spendCredit(state);
    spent.push(next.spent);
    state = next.state;
  }
  expect(spent).toEqual([true, true, true, false]);
  expect(state).toMatchObject({ credits: 0, accepted: 3, rejected: 1, lastResult: 'reject' });
});

test('credits are accepts minus sends, never below zero, never above the ceiling', () => {
  const op = fc.constantFrom<Array<SubscribeResult | 'spend' | 'refund' | 'gone'>>(
    'accept',
    'reject',
    'ban',
    'filter',
    'spend',
    'refund',
    'gone',
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
      let state: CreditState = EMPTY_CREDITS;
      let model = 0;
      for (const o of ops) {
        if (o === 'spend') {
          const next = spendCredit(state);
          expect(next.spent).toBe(model > 0);
          if (next.spent) model -= 1;
          state = next.state;
        } else if (o === 'refund') {
          state = refundCredit(state);
          model = Math.min(MAX_CREDITS, model + 1);
        } else if (o === 'gone') {
          state = creditsGone(state);
          model = 0;
        } else {
          state = afterSubscribe(state, o);
          if (o === 'accept') model = Math.min(MAX_CREDITS, model + 1);
        }
        expect(state.credits).toBe(model);
        expect(state.credits).toBeGreaterThanOrEqual(0);
      }
    }),
  );
});

test('each answer of subscribeMessage.send moves the push as documented', () => {
  expect(pushOutcome({ ok: true }, 1)).toEqual({ state: 'sent' });
  expect(pushOutcome({ ok: false, errCode: 43101, errMsg: '' }, 1)).toEqual({
    state: 'unsubscribed',
    zeroCredits: true,
  });
  expect(pushOutcome({ ok: false, errCode: 45009, errMsg: '' }, 1)).toMatchObject({ state: 'queued', quota: true });
  expect(pushOutcome({ ok: false, errCode: 40037, errMsg: '' }, 1)).toMatchObject({
    state: 'failed',
    configError: true,
    reason: expect.stringContaining('模板 ID 无效'),
  });
  expect(pushOutcome({ ok: false, errCode: 47003, errMsg: '' }, 1)).toMatchObject({
    state: 'failed',
    configError: false,
  });
  expect(pushOutcome({ ok: false, thrown: 'timeout' }, 1)).toMatchObject({ state: 'queued', retryInMs: 5_000 });
  expect(pushOutcome({ ok: false, thrown: 'timeout' }, MAX_PUSH_ATTEMPTS)).toMatchObject({ state: 'failed' });
  expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
});
