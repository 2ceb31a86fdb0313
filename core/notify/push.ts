/**
 * What becomes of one notification's WeChat push: the states a recipient goes through and how each answer of
 * `subscribeMessage.send` moves it. Every notification is in the inbox first; the push is extra.
 *
 * queued → sending (a credit spent in the same transaction) → sent | failed | unsubscribed | queued (retry later)
 * queued → unsubscribed (no credit: not sent, the inbox has it)
 * sending for longer than the lease → unknown (the sender died between the mark and WeChat's answer; WeChat has
 * no idempotency key, so sending again could be a second message: it is counted, never resent)
 */
export const PUSH_STATES = ['queued', 'sending', 'sent', 'unsubscribed', 'failed', 'unknown', 'inboxOnly'] as const;
export type PushState = (typeof PUSH_STATES)[number];

export const PUSH_STATE_LABELS: Readonly<Record<PushState, string>> = {
  queued: '待发送',
  sending: '发送中',
  sent: '已送达微信',
  unsubscribed: '未订阅',
  failed: '失败',
  unknown: '未知',
  inboxOnly: '仅站内',
};

/**
 * Transient failures are retried this many times in all, 5 s, 10 s, 20 s, 40 s apart: WeChat's 系统繁忙 passes in
 * seconds, and the whole back-off fits in one or two runs of the every-minute cron (its drain waits for them).
 */
export const MAX_PUSH_ATTEMPTS = 5;
/**
 * A push still `sending` after this long was interrupted: longer than any function that sends may live (the cron
 * function's timeout is 60 s, the api's 20 s; README), so a push past it is one whose process is gone.
 */
export const SENDING_LEASE_MS = 75_000;

export function retryDelayMs(attempts: number): number {
  return 5_000 * 2 ** Math.max(0, Math.min(attempts - 1, 6));
}

export type PushAnswer =
  | { ok: true }
  | { ok: false; errCode: number; errMsg: string }
  /** The call threw: a timeout, a broken connection, or the platform's -1 系统繁忙. */
  | { ok: false; thrown: string };

export type PushOutcome =
  | { state: 'sent' }
  /** 43101: no credit on WeChat's side; the ledger is set to 0. */
  | { state: 'unsubscribed'; zeroCredits: true }
  | { state: 'failed'; reason: string; errCode: number | null; refund: boolean; configError: boolean }
  /** Retry at `retryInMs` (transient) with the credit back. */
  | { state: 'queued'; retryInMs: number; refund: true; reason: string }
  /** 45009: the day's quota is used up; the credit back, the whole campaign waits for tomorrow. */
  | { state: 'queued'; quota: true; refund: true; reason: string };

/** Reasons organizers see in the delivery report, by WeChat errcode (sendMessage documentation). */
export const PUSH_FAILURE_REASONS: Readonly<Record<number, string>> = {
  40003: '用户标识无效（40003）',
  40037: '模板 ID 无效，请检查订阅消息模板配置（40037）',
  41030: '消息跳转的页面不在已发布的版本中（41030）',
  47003: '消息内容不符合模板字段要求（47003）',
};

/** Errors that say the deployment is wrong, not the recipient: reported once per campaign, which stops. */
const CONFIG_ERRORS: ReadonlySet<number> = new Set([40037, 41030]);

export function pushOutcome(answer: PushAnswer, attempts: number): PushOutcome {
  if (answer.ok) return { state: 'sent' };
  if ('thrown' in answer) {
    if (attempts >= MAX_PUSH_ATTEMPTS)
      return { state: 'failed', reason: '网络或微信服务多次无响应', errCode: null, refund: true, configError: false };
    return { state: 'queued', retryInMs: retryDelayMs(attempts), refund: true, reason: answer.thrown };
  }
  if (answer.errCode === 43101) return { state: 'unsubscribed', zeroCredits: true };
  if (answer.errCode === 45009)
    return { state: 'queued', quota: true, refund: true, reason: '今日消息发送次数已达上限（45009）' };
  return {
    state: 'failed',
    reason: PUSH_FAILURE_REASONS[answer.errCode] ?? `微信拒绝发送（${answer.errCode}）`,
    errCode: answer.errCode,
    // WeChat keeps the user's subscription when it refuses a message for its own content or address.
    refund: true,
    configError: CONFIG_ERRORS.has(answer.errCode),
  };
}
