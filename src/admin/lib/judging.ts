import Taro from '@tarojs/taro';
import type { StageKey } from '@core/contest/types';
import { stageLabels } from '@core/contest/types';
import { roundWindowLabels } from '@core/judging/round-window';
import {
  aggregationLabels,
  cutoffRuleLabels,
  cutoffRuleText,
  type Aggregation,
  type CutoffRule,
} from '@core/judging/types';
import type { RoundMode, RoundStatus, RoundView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import type { FieldErrors } from '@core/errors';
import type { CloudError } from '../../services/cloud';
import { downloadInBrowser, openInWeChat } from '../../services/open-file';

/** Words and links the organizers' judging pages share (评审轮次, 设置, 看板, 排名与晋级, 评奖, 决策记录). */

export const STAGES: readonly StageKey[] = ['preliminary', 'semifinal', 'final'];

export const roundStatusLabels: Record<RoundStatus, string> = {
  setup: '评审中',
  advanced: '已确认晋级',
  awarded: '已评定奖项',
};

export const roundModeLabels: Record<RoundMode, string> = {
  online: '线上评审',
  panels: '分组评审（复赛）',
  live: '现场评分（决赛）',
};

/** The 评审方式 a stage offers: 现场评分 only for the final. */
export function roundModesFor(stage: StageKey): RoundMode[] {
  return stage === 'final' ? ['online', 'panels', 'live'] : ['online', 'panels'];
}

export { cutoffRuleLabels, cutoffRuleText };

/** What a round's status and window mean together: 评分中, 未开始, 已截止, 已确认晋级 … */
export function roundStateText(round: Pick<RoundView, 'status' | 'window'>): string {
  return round.status === 'setup' ? roundWindowLabels[round.window] : roundStatusLabels[round.status];
}

/** The chip's modifier: open windows green, decisions grey. */
export function roundStateKey(round: Pick<RoundView, 'status' | 'window'>): string {
  return round.status === 'setup' ? round.window : round.status;
}

export function windowText(round: Pick<RoundView, 'opensAt' | 'closesAt'>): string {
  return `${formatShanghai(round.opensAt, 'YYYY-MM-DD HH:mm')} 至 ${formatShanghai(round.closesAt, 'YYYY-MM-DD HH:mm')}`;
}

/** Round ids are `<contestId>:<stage>`; the stage is after the last colon. */
export function stageOfRoundId(roundId: string): StageKey | null {
  const stage = roundId.slice(roundId.lastIndexOf(':') + 1);
  return (STAGES as readonly string[]).includes(stage) ? (stage as StageKey) : null;
}

export function roundTitle(round: Pick<RoundView, 'name' | 'stage'>): string {
  return round.name || `${stageLabels[round.stage]}评审`;
}

const q = encodeURIComponent;

export const judgingUrls = {
  rounds: (contestId?: string) => `/admin/pages/rounds/index${contestId ? `?contestId=${q(contestId)}` : ''}`,
  judges: (contestId: string) => `/admin/pages/judges/index?contestId=${q(contestId)}`,
  roundEdit: (contestId: string, stage: StageKey) =>
    `/admin/pages/round-edit/index?contestId=${q(contestId)}&stage=${stage}`,
  round: (roundId: string) => `/admin/pages/round/index?roundId=${q(roundId)}`,
  ranking: (roundId: string) => `/admin/pages/ranking/index?roundId=${q(roundId)}`,
  awards: (roundId: string) => `/admin/pages/awards/index?roundId=${q(roundId)}`,
  /** 现场决赛: an existing show by its id, or one group (or 场次) of a live round (made on its first save). */
  live: (show: { liveId: string } | { roundId: string; group: string; session?: string }) =>
    'liveId' in show
      ? `/stage/pages/console/index?liveId=${q(show.liveId)}`
      : `/stage/pages/console/index?roundId=${q(show.roundId)}&group=${q(show.group)}${show.session ? `&session=${q(show.session)}` : ''}`,
  audit: (contestId: string, roundId?: string) =>
    `/admin/pages/audit/index?contestId=${q(contestId)}${roundId ? `&roundId=${q(roundId)}` : ''}`,
};

export function go(url: string): void {
  void Taro.navigateTo({ url });
}

/** 成绩 is a tab page: tabs are switched to, not pushed. */
export function openPublicResults(): void {
  void Taro.switchTab({ url: '/pages/results/index' });
}

/** An export the server made (awards, audit log): downloaded on H5, opened in the document viewer on WeChat. */
export async function saveExport(file: { url: string; fileName: string }): Promise<void> {
  if (process.env.TARO_ENV === 'h5') downloadInBrowser(file.url, file.fileName);
  else await openInWeChat(file.url, 'xlsx');
}

/** Non-negative whole numbers typed in a box; anything else is null. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** Where a judge types an invite code. */
export const BIND_PATH = '在小程序「我的 → 我是评委：绑定邀请码」中输入';

/** What the organizer sends a judge with a code. */
export function inviteMessage(contestName: string, code: string, expiresAt: string): string {
  const until = formatShanghai(expiresAt, 'YYYY年M月D日 HH:mm');
  return `您好，诚邀您担任「${contestName}」评委。请${BIND_PATH}邀请码 ${code}，${until}前有效，每个邀请码仅限一人使用。`;
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/** Instants the server wrote into a record's text, shown on a Beijing wall clock. */
function beijingTimes(text: string): string {
  return text.replace(ISO_INSTANT, (iso) => formatShanghai(iso, 'YYYY-MM-DD HH:mm'));
}

/** The fields the judging use cases write into before / after, in words. */
const auditKeys: Record<string, string> = {
  seed: '随机种子',
  joined: '新加入项目',
  planned: '计划分配',
  added: '新增分配',
  removed: '撤销分配',
  short: '评委不足的项目',
  finished: '已完成',
  scored: '已评分',
  units: '原评分',
  substitutes: '替补评委',
  rule: '晋级规则',
  admitted: '晋级项目',
  chosen: '并列中选定',
  straddling: '并列待定',
  out: '未晋级',
  judges: '未完成的评委',
  sent: '已发送',
  refused: '未订阅',
  failed: '发送失败',
  rubric: '评分表',
  aggregation: '汇总方式',
  judgesPerEntry: '每项目评委',
  blind: '匿名评审',
  window: '评分时间',
  mode: '评审方式',
  name: '姓名',
  organization: '工作单位',
  expertise: '擅长领域',
  conflicts: '回避单位',
  names: '单位',
  creditCodes: '信用代码',
};

function isRule(value: unknown): value is CutoffRule {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, n } = value as { kind?: unknown; n?: unknown };
  return typeof kind === 'string' && kind in cutoffRuleLabels && typeof n === 'number';
}

function auditPart(key: string | null, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return key === 'units' ? `${value / 200} 分` : String(value);
  if (typeof value === 'string') {
    if (key === 'aggregation' && value in aggregationLabels) return aggregationLabels[value as Aggregation];
    if (key === 'mode' && value in roundModeLabels) return roundModeLabels[value as RoundMode];
    return beijingTimes(value);
  }
  if (isRule(value)) return cutoffRuleText(value);
  if (Array.isArray(value)) {
    // Ids (of judges, entries) mean nothing to people: their number does.
    if (key === 'substitutes' || key === 'chosen') return `${value.length} 个`;
    return value.length === 0 ? '无' : value.map((v) => auditPart(null, v)).join('、');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${auditKeys[k] ?? k}：${auditPart(k, v)}`)
      .join('；');
  }
  return String(value);
}

/** Stored before / after are text or JSON; shown in words, with times in Beijing time. Null when empty. */
export function auditValue(value: string | null): string | null {
  if (value === null || value === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return beijingTimes(value);
  }
  if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed.map(beijingTimes).join('；');
  return auditPart(null, parsed);
}

/** The server's (or callCloud's own) INVALID_INPUT details, as the messages beside a form's boxes. */
export function fieldErrorsOf(failure: CloudError | null): FieldErrors {
  const out: FieldErrors = {};
  if (failure?.code !== 'INVALID_INPUT' || !failure.details) return out;
  for (const [key, message] of Object.entries(failure.details)) if (typeof message === 'string') out[key] ??= message;
  return out;
}

/**
 * What a refused write says. A lost answer adds that tapping again is safe (`again`, e.g. 再次点击不会重复生成):
 * the retry carries the same requestId, so the server answers from its record instead of acting twice.
 */
export function failureText(failure: CloudError, again: string): string {
  return failure.code === 'NETWORK' ? `${failure.message}（${again}）` : failure.message;
}
