/**
 * Shared by the live-final tests, the verify-log CLI test and bench/live-verify.ts: fast-check seeds, the
 * node:crypto implementation of the chain's injected crypto, and a builder for a real `LogExport` (chained
 * events, score and reveal events that agree, checkpoints signed with an Ed25519 key).
 *
 * Seeds as in test/cloud/router-fuzz.test.ts: one fixed seed per property, derived from FC_SEED (default
 * below) and the property's name, so a failure replays with the seed fast-check prints and adding a
 * property doesn't move the others'.
 */
import { keyIdOf } from '../../../cloudfunctions/usecases/live/signing';
import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Parameters } from 'fast-check';
import {
  GENESIS_HASH,
  LOG_FORMAT,
  chainEvent,
  checkpointPayload,
  type ChainedEvent,
  type Checkpoint,
  type LiveEventType,
  type LogExport,
  type VerifyCrypto,
} from '../../../core/live/chain';
import { computeReveal } from '../../../core/live/reveal';
import type { Aggregation } from '../../../core/judging/types';

export const FC_SEED = Number(process.env.FC_SEED ?? 20260917);

/** FNV-1a of the name mixed with FC_SEED: a stable seed per property. */
export function seedFor(name: string): number {
  let h = 0x811c9dc5 ^ FC_SEED;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export function fcParams<T>(name: string, numRuns: number): Parameters<T> {
  return { seed: seedFor(name), numRuns, verbose: 1 };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the cloud and verify-log pass to `verifyLog`: SHA-256 hex and Ed25519 over the export's SPKI PEM. */
export const nodeCrypto: VerifyCrypto = {
  sha256: sha256Hex,
  verify(payload, signature, publicKey) {
    try {
      return verify(null, Buffer.from(payload, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  },
};

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  /** SPKI PEM. */
  publicKey: string;
}

/** A fresh Ed25519 key; its id derived as the cloud derives it (keyIdOf) unless one is given. */
export function newSigningKey(keyId?: string): SigningKey {
  const pair = generateKeyPairSync('ed25519');
  return {
    keyId: keyId ?? keyIdOf(pair.publicKey),
    privateKey: pair.privateKey,
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

export function signCheckpoint(c: Omit<Checkpoint, 'signature'>, key: KeyObject): Checkpoint {
  return { ...c, signature: sign(null, Buffer.from(checkpointPayload(c), 'utf8'), key).toString('base64') };
}

const T0 = Date.parse('2026-09-17T01:00:00.000Z');

/**
 * Builds a log the way the cloud writes one: every event chained onto the previous, score events
 * `{ entryId, judge, units }`, reveal events recomputed with `computeReveal` from the latest score of each
 * judge of that contestant (in panel order), checkpoints over `checkpointPayload`.
 */
export class LogBuilder {
  readonly events: ChainedEvent[] = [];
  readonly checkpoints: Checkpoint[] = [];
  /** entryId → judge → units, the latest score. */
  private readonly latest = new Map<string, Map<string, number>>();

  constructor(
    readonly key: SigningKey,
    readonly aggregation: Aggregation = 'trimmed',
    readonly judges: readonly string[] = ['j1', 'j2', 'j3', 'j4', 'j5'],
    readonly liveId = 'live-final-enterprise',
  ) {}

  get head(): string {
    return this.events[this.events.length - 1]?.hash ?? GENESIS_HASH;
  }

  private at(seq: number): string {
    return new Date(T0 + seq * 1000).toISOString();
  }

  event(type: LiveEventType, data: Record<string, unknown>, actor = 'host-openid', actorName = '主持人'): ChainedEvent {
    const seq = this.events.length + 1;
    const chained = chainEvent(
      this.head,
      { liveId: this.liveId, seq, type, at: this.at(seq), actor, actorName, data },
      sha256Hex,
    );
    this.events.push(chained);
    return chained;
  }

  control(command: string, entryId: string | null = null, extra: Record<string, unknown> = {}): ChainedEvent {
    return this.event('control', { command, entryId, ...extra });
  }

  score(entryId: string, judge: string, units: number): ChainedEvent {
    const perJudge = this.latest.get(entryId) ?? new Map<string, number>();
    perJudge.set(judge, units);
    this.latest.set(entryId, perJudge);
    return this.event('score', { entryId, judge, units }, judge, `评委${judge}`);
  }

  hasScores(entryId: string): boolean {
    return (this.latest.get(entryId)?.size ?? 0) > 0;
  }

  /** The reveal of the contestant's latest scores, as the cloud computes it (throws without scores). */
  revealData(entryId: string): { entryId: string; lines: unknown[]; final: string } {
    const perJudge = this.latest.get(entryId) ?? new Map<string, number>();
    const scores = this.judges
      .map((judge, i) => ({ judge, label: `评委 ${i + 1}`, units: perJudge.get(judge) }))
      .filter((s): s is { judge: string; label: string; units: number } => s.units !== undefined);
    const reveal = computeReveal({ aggregation: this.aggregation, scores });
    return {
      entryId,
      lines: reveal.lines.map((l) => ({ judge: l.judge, label: l.label, units: l.units, dropped: l.dropped })),
      final: reveal.finalText,
    };
  }

  /** A reveal event and, as the cloud does after each reveal, a checkpoint over it. */
  reveal(entryId: string, { checkpoint = true } = {}): ChainedEvent {
    const event = this.event('reveal', this.revealData(entryId));
    if (checkpoint) this.checkpoint();
    return event;
  }

  checkpoint(): Checkpoint {
    const count = this.events.length;
    const c = signCheckpoint(
      { liveId: this.liveId, count, head: this.head, at: this.at(count), keyId: this.key.keyId },
      this.key.privateKey,
    );
    this.checkpoints.push(c);
    return c;
  }

  /** The stored scores: the latest per contestant and judge. */
  scores(): LogExport['scores'] {
    const out: LogExport['scores'] = [];
    for (const [entryId, perJudge] of this.latest)
      for (const [judge, units] of perJudge) out.push({ entryId, judge, units });
    return out;
  }

  /** The export; a final checkpoint is added first when the last event has none. */
  export(): LogExport {
    const last = this.checkpoints[this.checkpoints.length - 1];
    if (this.events.length > 0 && (last === undefined || last.count !== this.events.length)) this.checkpoint();
    return {
      format: LOG_FORMAT,
      liveId: this.liveId,
      title: '2026 创客中国 决赛 企业组',
      aggregation: this.aggregation,
      keyId: this.key.keyId,
      publicKey: this.key.publicKey,
      events: this.events.map((e) => ({ ...e, data: structuredClone(e.data) })),
      checkpoints: this.checkpoints.map((c) => ({ ...c })),
      scores: this.scores(),
      exportedAt: this.at(this.events.length + 1),
    };
  }
}

export interface ShowSize {
  contestants: number;
  judges: number;
  /** Padded with timer control events up to this many events (none when the show is already longer). */
  targetEvents?: number;
  aggregation?: Aggregation;
  /** Seeds the judges' units. */
  seed?: number;
}

/**
 * A show of `contestants` × `judges` in order: setup and order events, then per contestant pitch / qa /
 * score control events (pauses and resumes in between as padding), every judge's score (every fourth judge
 * sends a second one, which stands), close, the reveal with its checkpoint and finish; then addTime control
 * events up to `targetEvents`.
 */
export function buildShow(
  key: SigningKey,
  { contestants, judges, targetEvents = 0, aggregation = 'trimmed', seed = 1 }: ShowSize,
): LogExport {
  const panel = Array.from({ length: judges }, (_, i) => `judge-${String(i + 1).padStart(2, '0')}`);
  const log = new LogBuilder(key, aggregation, panel);
  const entries = Array.from({ length: contestants }, (_, i) => `entry-${String(i + 1).padStart(3, '0')}`);
  let x = seed >>> 0 || 1;
  const next = (n: number) => {
    // xorshift32: deterministic units without pulling in a generator.
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
  log.event('setup', { judges: panel, aggregation, settings: { pitchMinutes: 8, qaMinutes: 7, deferFirst: false } });
  log.event('order', { method: 'draw', seed: 'bench', order: entries });
  const perContestant = 6 + judges + Math.ceil(judges / 4);
  const padding = Math.max(0, targetEvents - log.events.length - contestants * perContestant);
  const padEach = Math.floor(padding / Math.max(1, contestants));
  for (const entryId of entries) {
    log.control('pitch', entryId);
    for (let p = 0; p < padEach; p++) log.control(p % 2 === 0 ? 'pause' : 'resume', entryId, { note: `#${p}` });
    log.control('qa', entryId);
    log.control('score', entryId);
    panel.forEach((judge, i) => {
      log.score(entryId, judge, 12000 + next(8001));
      if (i % 4 === 0) log.score(entryId, judge, 12000 + next(8001)); // changed their mind
    });
    log.control('close', entryId);
    log.reveal(entryId);
    log.control('finish', entryId);
  }
  while (log.events.length < targetEvents) log.control('addTime', null, { seconds: 30 });
  return log.export();
}
