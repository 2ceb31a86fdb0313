/**
 * The credit rule of one-time subscription messages, in plain numbers: each 允许 a user taps for a template lets
 * the mini-program send them ONE message of it, with no expiry, and WeChat offers no call to read how many are
 * left — so the platform counts them itself, per user and template (the `subscriptions` ledger).
 */

/** What `wx.requestSubscribeMessage` answers for one template id. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

export interface CreditState {
  /** Messages that may still be sent: accepts minus sends, never below 0. */
  credits: number;
  accepted: number;
  rejected: number;
  /** `ban` (the template was banned) and `filter` (hidden by WeChat for a title clash) both count here. */
  blocked: number;
  lastResult: SubscribeResult | null;
}

export const EMPTY_CREDITS: CreditState = { credits: 0, accepted: 0, rejected: 0, blocked: 0, lastResult: null };

/**
 * A ceiling far above any real use (a user would tap 允许 thousands of times), so a scripted client cannot grow
 * a counter without bound; accepts past it are recorded but add nothing.
 */
export const MAX_CREDITS = 1000;

export function afterSubscribe(state: CreditState, result: SubscribeResult): CreditState {
  switch (result) {
    case 'accept':
      return {
        ...state,
        credits: Math.min(MAX_CREDITS, state.credits + 1),
        accepted: state.accepted + 1,
        lastResult: result,
      };
    case 'reject':
      return { ...state, rejected: state.rejected + 1, lastResult: result };
    case 'ban':
    case 'filter':
      return { ...state, blocked: state.blocked + 1, lastResult: result };
  }
}

/** A send takes one credit, or none is left and the message reaches the inbox only (counted 未订阅). */
export function spendCredit(state: CreditState): { spent: boolean; state: CreditState } {
  if (state.credits <= 0) return { spent: false, state: { ...state, credits: 0 } };
  return { spent: true, state: { ...state, credits: state.credits - 1 } };
}

/** WeChat did not take the message (bad data, quota, busy): the credit it would have used is still there. */
export function refundCredit(state: CreditState): CreditState {
  return { ...state, credits: Math.min(MAX_CREDITS, state.credits + 1) };
}

/** 43101: WeChat says none is left, whatever the ledger thought (a tap recorded twice, a send from elsewhere). */
export function creditsGone(state: CreditState): CreditState {
  return { ...state, credits: 0 };
}
