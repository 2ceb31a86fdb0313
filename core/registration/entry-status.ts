import { formatShanghai } from '../time/shanghai';

/** Where an entry (报名) stands, from the entrant's draft to the award; a tuple so schemas can pick from it. */
export const ENTRY_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'semifinalist',
  'finalist',
  'awarded',
  'disqualified',
  'withdrawn',
] as const;

export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const entryStatusLabels: Record<EntryStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '资格审核通过',
  rejected: '资格审核未通过',
  semifinalist: '晋级复赛',
  finalist: '入围决赛',
  awarded: '获奖',
  disqualified: '取消资格',
  withdrawn: '已撤回',
};

/** What moves an entry: the entrant's own actions and the organizers' decisions. */
export const ENTRY_DECISIONS = [
  'submit',
  'withdraw',
  'approve',
  'reject',
  'advance',
  'shortlist',
  'award',
  'disqualify',
] as const;

export type EntryDecision = (typeof ENTRY_DECISIONS)[number];

export const entryDecisionLabels: Record<EntryDecision, string> = {
  submit: '提交报名',
  withdraw: '撤回报名',
  approve: '资格审核通过',
  reject: '资格审核不通过',
  advance: '晋级复赛',
  shortlist: '入围决赛',
  award: '评定获奖',
  disqualify: '取消参赛资格',
};

export interface EntryTransition {
  /** Who may take it; the use case checks the caller's role against this. */
  by: 'entrant' | 'organizer';
  from: readonly EntryStatus[];
  to: EntryStatus;
  /** The entrant is told why (资格审核未通过, 取消资格), so the decision must carry a reason. */
  needsReason: boolean;
}

/**
 * The whole state machine. Choices the notices leave open:
 * - approve/reject may be re-decided (approved ↔ rejected) while the entry is still at qualification review:
 *   reviewers make mistakes, and nothing downstream has used the decision yet. Once advanced, it is settled.
 * - disqualify (抄袭、弄虚作假) applies "at any stage", even after an award, and to a rejected entry (a
 *   reason stronger than rejection); not to a draft (never entered), a withdrawn one, or twice.
 * - withdraw is the entrant's, and only before review (a draft, or submitted): it releases the one-entry-per-
 *   edition key, so allowing it after a decision would let an entrant shop between contests of the same
 *   edition. Dropping out later is an organizer's decision (disqualify with a reason).
 * - submit only from draft: a rejected entry is not resubmitted; the organizer re-decides it instead.
 */
export const decisionTransitions: Record<EntryDecision, EntryTransition> = {
  submit: { by: 'entrant', from: ['draft'], to: 'submitted', needsReason: false },
  withdraw: { by: 'entrant', from: ['draft', 'submitted'], to: 'withdrawn', needsReason: false },
  approve: { by: 'organizer', from: ['submitted', 'rejected'], to: 'approved', needsReason: false },
  reject: { by: 'organizer', from: ['submitted', 'approved'], to: 'rejected', needsReason: true },
  advance: { by: 'organizer', from: ['approved'], to: 'semifinalist', needsReason: false },
  shortlist: { by: 'organizer', from: ['semifinalist'], to: 'finalist', needsReason: false },
  award: { by: 'organizer', from: ['finalist'], to: 'awarded', needsReason: false },
  disqualify: {
    by: 'organizer',
    from: ['submitted', 'approved', 'rejected', 'semifinalist', 'finalist', 'awarded'],
    to: 'disqualified',
    needsReason: true,
  },
};

export type NextStatus = { ok: true; status: EntryStatus } | { ok: false; reason: string };

function isEntryStatus(value: unknown): value is EntryStatus {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(entryStatusLabels, value);
}

function isEntryDecision(value: unknown): value is EntryDecision {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(decisionTransitions, value);
}

/**
 * The status after `decision`, or why it is not allowed now (Chinese, for people). A result rather than a
 * throw: a refused decision is an ordinary answer to an organizer who clicked on a stale list. Statuses and
 * decisions read from stored data are checked, so an unknown one is refused, not trusted.
 */
export function nextStatus(current: EntryStatus, decision: EntryDecision): NextStatus {
  if (!isEntryDecision(decision)) return { ok: false, reason: '不支持的操作' };
  if (!isEntryStatus(current)) return { ok: false, reason: '报名状态异常，请联系组委会' };
  const transition = decisionTransitions[decision];
  if (transition.from.includes(current)) return { ok: true, status: transition.to };
  const status = entryStatusLabels[current];
  if (current === transition.to) return { ok: false, reason: `该报名已是「${status}」，无需重复操作` };
  return { ok: false, reason: `该报名当前为「${status}」，不能执行「${entryDecisionLabels[decision]}」` };
}

/**
 * Whether the entry holds its edition's one-entry key (see dedupe-key.ts). Held from submit until withdraw:
 * a draft holds nothing (anyone may start drafts in several contests; the second submit is the refused one),
 * and a withdrawn entry gives the key back. A rejected or disqualified entry keeps it, so a company turned
 * away, or caught copying, cannot simply enter another contest of the same edition.
 */
export function isActive(status: EntryStatus): boolean {
  return isEntryStatus(status) && status !== 'draft' && status !== 'withdrawn';
}

export interface StatusChange {
  status: EntryStatus;
  /** Instant, ISO 8601. */
  at: string;
  reason?: string | null;
}

export interface TimelineStep {
  status: EntryStatus;
  label: string;
  /** null for a step still ahead. */
  at: string | null;
  /** Shanghai wall-clock time for people, e.g. `2024年8月31日 23:59`; '' for a step ahead or an unreadable time. */
  atText: string;
  /** Present only when one was given. */
  reason?: string;
  state: 'done' | 'current' | 'upcoming';
}

/** The road an entry can still take; a status off it (rejected, disqualified, withdrawn) has nothing ahead. */
const mainPath: readonly EntryStatus[] = ['submitted', 'approved', 'semifinalist', 'finalist', 'awarded'];

function instantOf(at: string): number {
  const t = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * Display steps of an entry's history: past changes in time order (stable for equal times; an unreadable
 * time sorts last), the latest as current, then the steps still ahead on the main path.
 */
export function timeline(history: readonly StatusChange[]): TimelineStep[] {
  const past = history
    .map((change, i) => ({ change, i, t: instantOf(change.at) }))
    .sort((x, y) => (x.t === y.t ? x.i - y.i : x.t < y.t ? -1 : 1))
    .map(({ change, t }, i, all): TimelineStep => {
      const step: TimelineStep = {
        status: change.status,
        label: isEntryStatus(change.status) ? entryStatusLabels[change.status] : String(change.status),
        at: change.at,
        atText: Number.isFinite(t) ? formatShanghai(t) : '',
        state: i === all.length - 1 ? 'current' : 'done',
      };
      if (typeof change.reason === 'string' && change.reason !== '') step.reason = change.reason;
      return step;
    });
  const current = past[past.length - 1]?.status;
  const position = current === undefined ? -1 : mainPath.indexOf(current);
  const ahead = current === 'draft' ? mainPath : position >= 0 ? mainPath.slice(position + 1) : [];
  return [
    ...past,
    ...ahead.map((status): TimelineStep => ({
      status,
      label: entryStatusLabels[status],
      at: null,
      atText: '',
      state: 'upcoming',
    })),
  ];
}
