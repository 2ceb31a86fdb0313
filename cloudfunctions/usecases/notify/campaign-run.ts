import { AppError, ErrorCode } from '@core/errors';
import { TEMPLATES, buildNotice, type BuiltNotice } from '@core/notify/templates';
import type { CampaignView } from '@core/notify/campaigns';
import type { Ports } from '../../ports';
import {
  C,
  campaignSource,
  type AssignmentDoc,
  type CampaignDoc,
  type ContestDoc,
  type RoundDoc,
} from '../collections';
import { queueJob } from '../queue-job';
import { audienceOpenids } from './audience';
import { createNotices, type NoticeDraft } from './notices';
import { drainNotices } from '../../jobs/drain-notices';

export const CAMPAIGN_JOB = 'campaigns.fanout';
/** Recipients per createMany, and how long an api call may write before cron takes over. */
const CHUNK = 500;
export const CAMPAIGN_API_BUDGET_MS = 6_000;
export const CAMPAIGN_JOB_BUDGET_MS = 15_000;

export async function loadCampaign(ports: Ports, id: string): Promise<CampaignDoc> {
  const campaign = await ports.db.collection<CampaignDoc>(C.campaigns).get(id);
  if (campaign === null) throw new AppError(ErrorCode.NOT_FOUND, '通知不存在');
  return campaign;
}

export function campaignView(doc: CampaignDoc, contestName: string): CampaignView {
  return {
    id: doc._id,
    contestId: doc.contestId,
    contestName,
    kind: doc.kind,
    kindTitle: TEMPLATES[doc.kind].title,
    fields: doc.fields,
    body: doc.body,
    audience: doc.audience,
    status: doc.status,
    sendAt: doc.sendAt,
    lines: doc.lines,
    createdByName: doc.createdByName,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export async function contestName(ports: Ports, contestId: string): Promise<string> {
  return (await ports.db.collection<ContestDoc>(C.contests).get(contestId))?.name ?? '';
}

/** 评审任务提醒 differs per judge (how many entries they still have): built per recipient. */
async function judgeTaskNotices(ports: Ports, campaign: CampaignDoc, openids: readonly string[]) {
  const roundId = campaign.audience.roundId ?? '';
  const round = await ports.db.collection<RoundDoc>(C.rounds).get(roundId);
  if (round === null) return new Map<string, BuiltNotice>();
  const assigned = await ports.db
    .collection<AssignmentDoc>(C.assignments)
    .find({ roundId, status: 'active', score: null });
  const pending = new Map<string, number>();
  for (const a of assigned) pending.set(a.judgeOpenid, (pending.get(a.judgeOpenid) ?? 0) + 1);
  const out = new Map<string, BuiltNotice>();
  for (const openid of openids) {
    const built = buildNotice('judgeTask', {
      roundId,
      roundName: round.name,
      pending: Math.max(1, pending.get(openid) ?? 0),
      closesAt: round.closesAt,
    });
    if (built.ok) out.set(openid, built.notice);
  }
  return out;
}

export interface FanoutResult {
  written: number;
  done: boolean;
  /** Notices this run created (0 for a run over recipients already written). */
  created: number;
  /** The notice ids written by this run (the judges' reminder pushes them at once). */
  ids: string[];
}

/**
 * Writes the campaign's recipients from where the last run stopped (one notice per user, natural id, so a run
 * after a crash writes nothing twice), within `budgetMs`; the rest is handed to cron.
 */
export async function runFanout(
  ports: Ports,
  campaignId: string,
  budgetMs: number,
  /** The audience as the caller just read it (a send counts it first), so it is not read twice in one call. */
  known?: readonly string[],
): Promise<FanoutResult> {
  const started = Date.now();
  const campaigns = ports.db.collection<CampaignDoc>(C.campaigns);
  const campaign = await campaigns.get(campaignId);
  if (campaign === null || campaign.status !== 'sending' || campaign.fanout.done) {
    return { written: campaign?.fanout.written ?? 0, done: true, created: 0, ids: [] };
  }
  const openids = known ?? (await audienceOpenids(ports, campaign.contestId, campaign.audience));
  const perJudge = campaign.kind === 'judgeTask' ? await judgeTaskNotices(ports, campaign, openids) : null;
  const shared: BuiltNotice = {
    kind: campaign.kind,
    title: TEMPLATES[campaign.kind].title,
    lines: campaign.lines,
    page: campaign.page,
    data: campaign.data,
  };
  const templateOf = () => campaign.templateId;
  let written = Math.min(campaign.fanout.written, openids.length);
  const ids: string[] = [];
  let created = 0;
  while (written < openids.length && Date.now() - started <= budgetMs) {
    const drafts: NoticeDraft[] = openids.slice(written, written + CHUNK).flatMap((openid) => {
      const notice = perJudge ? perJudge.get(openid) : shared;
      if (notice === undefined) return [];
      return [
        {
          openid,
          source: campaignSource(campaign._id),
          notice,
          contestId: campaign.contestId,
          campaignId: campaign._id,
          body: campaign.body,
        },
      ];
    });
    const made = await createNotices(ports, templateOf, drafts);
    ids.push(...made.ids);
    created += made.created;
    written = Math.min(openids.length, written + CHUNK);
    await campaigns.update(campaign._id, { fanout: { written, done: false } });
  }
  const done = written >= openids.length;
  if (done) await campaigns.update(campaign._id, { fanout: { written, done: true } });
  else await queueContinuation(ports, campaign._id);
  return { written, done, created, ids };
}

async function queueContinuation(ports: Ports, campaignId: string): Promise<void> {
  await queueJob(ports.db, {
    id: `campaign:${campaignId}:${ports.clock.now().getTime()}`,
    kind: CAMPAIGN_JOB,
    payload: { campaignId },
    runAt: ports.clock.now().toISOString(),
  });
}

/** The cron job: a scheduled campaign whose time has come starts sending; a started fan-out continues. */
export async function continueCampaign(
  payload: Record<string, unknown>,
  ports: Ports,
): Promise<Record<string, unknown>> {
  const campaignId = typeof payload.campaignId === 'string' ? payload.campaignId : '';
  const now = ports.clock.now();
  await ports.db.transaction(async (tx) => {
    const campaign = await tx.get<CampaignDoc>(C.campaigns, campaignId);
    if (campaign?.status !== 'scheduled') return;
    if (campaign.sendAt !== null && Date.parse(campaign.sendAt) > now.getTime()) return;
    await tx.update<CampaignDoc>(C.campaigns, campaignId, { status: 'sending', updatedAt: now.toISOString() });
  });
  const result = await runFanout(ports, campaignId, CAMPAIGN_JOB_BUDGET_MS);
  return { written: result.written, done: result.done };
}

/** Queues the campaign's start at `runAt` (now or its schedule): the natural id makes a retried send one job. */
export async function queueCampaign(ports: Ports, campaignId: string, runAt: string): Promise<void> {
  await queueJob(ports.db, {
    id: `campaign:${campaignId}:start`,
    kind: CAMPAIGN_JOB,
    payload: { campaignId },
    runAt,
  });
}

/** A send-now within the api call: the recipients, then a first share of the pushes (cron does the rest). */
export async function startNow(ports: Ports, campaignId: string, openids: readonly string[]): Promise<FanoutResult> {
  const started = Date.now();
  const result = await runFanout(ports, campaignId, CAMPAIGN_API_BUDGET_MS, openids);
  const left = CAMPAIGN_API_BUDGET_MS - (Date.now() - started);
  if (left > 500) await drainNotices(ports, { budgetMs: left - 500, campaignId });
  return result;
}
