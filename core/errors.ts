/** Stable error codes of the wire contract. Clients switch on these, never on messages. */
export const ErrorCode = {
  UNKNOWN_ACTION: 'UNKNOWN_ACTION',
  INVALID_INPUT: 'INVALID_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  REQUEST_IN_PROGRESS: 'REQUEST_IN_PROGRESS',
  REQUEST_ID_REUSED: 'REQUEST_ID_REUSED',
  /** User text refused by the content check (msgSecCheck on WeChat). */
  CONTENT_RISKY: 'CONTENT_RISKY',
  /** The registration window has closed (decided in Asia/Shanghai). */
  DEADLINE_PASSED: 'DEADLINE_PASSED',
  /** The registration window has not opened yet. */
  NOT_OPEN: 'NOT_OPEN',
  /** The enterprise or maker is already entered in this edition; details name the contest. */
  DUPLICATE_ENTRY: 'DUPLICATE_ENTRY',
  /** A contest edit would remove a group, field or district that entries use. */
  CONTEST_IN_USE: 'CONTEST_IN_USE',
  /** The entry's current status does not allow this step. */
  INVALID_STATE: 'INVALID_STATE',
  /** A round's rubric can't change once a score exists. */
  RUBRIC_LOCKED: 'RUBRIC_LOCKED',
  /** The round's scoring window has closed. */
  ROUND_CLOSED: 'ROUND_CLOSED',
  /** The round's scoring window has not opened yet. */
  ROUND_NOT_OPEN: 'ROUND_NOT_OPEN',
  /** An invite code that is unknown, used or expired; the message says which. */
  INVITE_INVALID: 'INVITE_INVALID',
  /** Scores changed since the cut-off preview the organizer confirmed. */
  CUTOFF_CHANGED: 'CUTOFF_CHANGED',
  INTERNAL: 'INTERNAL',
  /** Client side only: the call never got an answer. */
  NETWORK: 'NETWORK',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Default Chinese message per code, for people. A use case may give a more precise one. */
export const errorMessages: Record<ErrorCode, string> = {
  UNKNOWN_ACTION: '不支持的操作',
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  REQUEST_IN_PROGRESS: '上一次提交仍在处理中，请稍后再试',
  REQUEST_ID_REUSED: '请求编号已用于其他操作',
  CONTENT_RISKY: '内容含有不适宜的信息，请修改后重试',
  DEADLINE_PASSED: '报名已截止',
  NOT_OPEN: '报名尚未开始',
  DUPLICATE_ENTRY: '该企业或创客已报名本届大赛，不能重复报名',
  CONTEST_IN_USE: '已有报名使用了要删除的组别、行业领域或区，不能删除',
  INVALID_STATE: '当前状态不允许此操作',
  RUBRIC_LOCKED: '本轮已有评分，评分表已锁定，不能修改',
  ROUND_CLOSED: '本轮评分已截止',
  ROUND_NOT_OPEN: '本轮评分尚未开始',
  INVITE_INVALID: '邀请码无效，请向组委会确认',
  CUTOFF_CHANGED: '评分或名单有变化，请重新预览后再确认',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络异常，请检查网络后重试',
};

/** Per-field messages: `{ "contact.mobile": "请输入11位手机号" }`. */
export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldErrors | Record<string, unknown>;
}

/** The one error type a use case throws on purpose; the router turns it into `{ok:false,error}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorBody['details'];

  constructor(code: ErrorCode, message?: string, details?: ErrorBody['details']) {
    super(message ?? errorMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCode, value);
}
