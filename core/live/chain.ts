import stringify from 'fast-json-stable-stringify';
import { computeReveal } from './reveal';
import type { Aggregation } from '../judging/types';

/**
 * The tamper-evident log of a live show: every event is chained, `hash = sha256(prev + canonical JSON of the
 * event)`, so changing, removing, inserting or reordering any event breaks every hash after it. Checkpoints
 * sign (count, head) with the cloud's key. Crypto is passed in (node:crypto in the cloud and in verify-log):
 * core stays free of I/O and of Node.
 */
export const LIVE_EVENT_TYPES = ['setup', 'order', 'control', 'score', 'reveal', 'confirm'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export const GENESIS_HASH = '0'.repeat(64);
export const LOG_FORMAT = 'chuangke-live-log/1';

export interface LiveEvent {
  liveId: string;
  /** 1, 2, 3 … without gaps. */
  seq: number;
  type: LiveEventType;
  at: string;
  /** Who did it (openid) and their name as shown then. */
  actor: string;
  actorName: string;
  data: Record<string, unknown>;
}

export interface ChainedEvent extends LiveEvent {
  prev: string;
  hash: string;
}

export type Sha256Hex = (text: string) => string;

/** Keys sorted at every level, no spaces: the same event is the same bytes wherever it is hashed. */
export function canonicalJson(value: unknown): string {
  return stringify(value);
}

function body(event: LiveEvent): LiveEvent {
  const { liveId, seq, type, at, actor, actorName, data } = event;
  return { liveId, seq, type, at, actor, actorName, data };
}

export function chainEvent(prev: string, event: LiveEvent, sha256: Sha256Hex): ChainedEvent {
  return { ...body(event), prev, hash: sha256(prev + canonicalJson(body(event))) };
}

export interface Checkpoint {
  liveId: string;
  /** Events covered: the head is the hash of event `count`. */
  count: number;
  head: string;
  at: string;
  keyId: string;
  /** Base64 Ed25519 signature of `checkpointPayload`. */
  signature: string;
}

export function checkpointPayload(c: Omit<Checkpoint, 'signature'>): string {
  return canonicalJson({ liveId: c.liveId, count: c.count, head: c.head, at: c.at, keyId: c.keyId });
}

/** The first 12 hex digits: what the screen shows with each reveal and a person can compare aloud. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

export interface LogExport {
  format: typeof LOG_FORMAT;
  liveId: string;
  title: string;
  aggregation: Aggregation;
  keyId: string;
  /** SPKI PEM of the key that signs the checkpoints. */
  publicKey: string;
  events: ChainedEvent[];
  checkpoints: Checkpoint[];
  /** The scores as stored when exported: each must equal the last score event of its judge and contestant. */
  scores: Array<{ entryId: string; judge: string; units: number }>;
  exportedAt: string;
}

export type VerifyResult =
  | { ok: true; count: number; head: string; checkpoints: number; reveals: number }
  | { ok: false; seq: number | null; reason: string };

export interface VerifyCrypto {
  sha256: Sha256Hex;
  /** Whether `signature` (base64) signs `payload` under the export's public key. */
  verify(payload: string, signature: string, publicKey: string): boolean;
}

interface ScoreData {
  entryId: string;
  judge: string;
  units: number;
}

function scoreOf(event: ChainedEvent): ScoreData | null {
  const d = event.data;
  if (event.type !== 'score') return null;
  if (typeof d.entryId !== 'string' || typeof d.judge !== 'string' || typeof d.units !== 'number') return null;
  return { entryId: d.entryId, judge: d.judge, units: d.units };
}

/**
 * Recomputes the chain, every checkpoint, every reveal (from the score events before it) and the stored
 * scores against the log. Fails on the first bad event, by its sequence number.
 */
export function verifyLog(log: LogExport, crypto: VerifyCrypto): VerifyResult {
  if (log.format !== LOG_FORMAT)
    return { ok: false, seq: null, reason: `不是决赛评分日志（format=${String(log.format)}）` };
  let prev = GENESIS_HASH;
  // Per contestant, per judge: the latest score event, and the judges counted since the last reveal.
  const latest = new Map<string, { units: number; seq: number }>();
  let reveals = 0;
  for (const [i, event] of log.events.entries()) {
    const seq = i + 1;
    if (event.seq !== seq)
      return { ok: false, seq, reason: `第 ${seq} 条事件的序号是 ${event.seq}：事件被删除、插入或调换了顺序` };
    if (event.liveId !== log.liveId)
      return { ok: false, seq, reason: `第 ${seq} 条事件属于另一场决赛（${event.liveId}）` };
    if (event.prev !== prev)
      return { ok: false, seq, reason: `第 ${seq} 条事件的前一哈希不符：此前的事件被改动、删除或调换` };
    const again = chainEvent(prev, event, crypto.sha256);
    if (again.hash !== event.hash) return { ok: false, seq, reason: `第 ${seq} 条事件的哈希不符：事件内容被改动` };
    prev = event.hash;
    const score = scoreOf(event);
    if (score) latest.set(`${score.entryId}\u0000${score.judge}`, { units: score.units, seq });
    if (event.type === 'reveal') {
      const problem = checkReveal(log.aggregation, event, latest);
      if (problem) return { ok: false, seq, reason: problem };
      reveals += 1;
    }
  }
  for (const c of log.checkpoints) {
    const at = log.events[c.count - 1];
    if (c.liveId !== log.liveId || at === undefined)
      return { ok: false, seq: c.count, reason: `检查点（第 ${c.count} 条）超出日志范围：日志被截短` };
    if (at.hash !== c.head) return { ok: false, seq: c.count, reason: `检查点（第 ${c.count} 条）的哈希与日志不符` };
    if (c.keyId !== log.keyId)
      return { ok: false, seq: c.count, reason: `检查点（第 ${c.count} 条）由另一把密钥（${c.keyId}）签名` };
    if (!crypto.verify(checkpointPayload(c), c.signature, log.publicKey))
      return { ok: false, seq: c.count, reason: `检查点（第 ${c.count} 条）的签名无效` };
  }
  const stored = new Set<string>();
  for (const s of log.scores) {
    const key = `${s.entryId}\u0000${s.judge}`;
    stored.add(key);
    const last = latest.get(key);
    if (last === undefined) return { ok: false, seq: null, reason: `存储的评分（${s.entryId}）在日志中没有记录` };
    if (last.units !== s.units)
      return { ok: false, seq: last.seq, reason: `存储的评分与第 ${last.seq} 条事件不符：评分在日志之外被改动` };
  }
  for (const [key, last] of latest) {
    if (!stored.has(key)) return { ok: false, seq: last.seq, reason: `第 ${last.seq} 条事件记录的评分已不在存储中` };
  }
  return { ok: true, count: log.events.length, head: prev, checkpoints: log.checkpoints.length, reveals };
}

function checkReveal(
  aggregation: Aggregation,
  event: ChainedEvent,
  latest: ReadonlyMap<string, { units: number; seq: number }>,
): string | null {
  const d = event.data;
  const entryId = d.entryId;
  const lines = d.lines;
  if (typeof entryId !== 'string' || !Array.isArray(lines) || typeof d.final !== 'string')
    return `第 ${event.seq} 条亮分事件不完整`;
  const scores: Array<{ judge: string; label: string; units: number }> = [];
  for (const line of lines as unknown[]) {
    const l = line as { judge?: unknown; label?: unknown; units?: unknown };
    if (typeof l.judge !== 'string' || typeof l.units !== 'number') return `第 ${event.seq} 条亮分事件不完整`;
    const last = latest.get(`${entryId}\u0000${l.judge}`);
    if (last === undefined || last.units !== l.units) return `第 ${event.seq} 条亮分事件的评委分数与此前的评分事件不符`;
    scores.push({ judge: l.judge, label: typeof l.label === 'string' ? l.label : '', units: l.units });
  }
  const scored = [...latest.keys()].filter((k) => k.startsWith(`${entryId}\u0000`)).length;
  if (scored !== scores.length || new Set(scores.map((s) => s.judge)).size !== scored)
    return `第 ${event.seq} 条亮分事件漏掉了已提交的评分`;
  let again: ReturnType<typeof computeReveal>;
  try {
    again = computeReveal({ aggregation, scores });
  } catch (error) {
    return `第 ${event.seq} 条亮分事件无法重新计算：${(error as Error).message}`;
  }
  const marks = (lines as Array<{ dropped?: unknown }>).map((l) => l.dropped ?? null);
  if (again.lines.some((l, i) => l.dropped !== marks[i]))
    return `第 ${event.seq} 条亮分事件标记的最高分 / 最低分与其分数不符`;
  if (again.finalText !== d.final)
    return `第 ${event.seq} 条亮分事件的最终得分 ${d.final} 与重新计算的 ${again.finalText} 不符`;
  return null;
}
