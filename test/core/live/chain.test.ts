/**
 * The tamper-evident log (core/live/chain.ts): a log built the way the cloud writes one verifies, and any
 * single change, removal, insertion or swap of events, a forged checkpoint, a stored score edited outside
 * the log, or a reveal that does not follow from its scores makes `verifyLog` fail at the first event that
 * no longer fits. Real crypto: SHA-256 and Ed25519 from node:crypto.
 */
import fc from 'fast-check';
import { LIVE_COMMANDS } from '../../../core/live/machine';
import {
  GENESIS_HASH,
  canonicalJson,
  chainEvent,
  checkpointPayload,
  shortHash,
  verifyLog,
  type ChainedEvent,
  type Checkpoint,
  type LogExport,
} from '../../../core/live/chain';
import type { Aggregation } from '../../../core/judging/types';
import {
  LogBuilder,
  fcParams,
  newSigningKey,
  nodeCrypto,
  sha256Hex,
  signCheckpoint,
  type SigningKey,
} from './fixtures';

const KEY = newSigningKey('live-key-test');
const OTHER_KEY = newSigningKey('live-key-test');

type Step =
  | { kind: 'control'; command: string; entry: number; note: string }
  | { kind: 'score'; entry: number; judge: number; units: number }
  | { kind: 'reveal'; entry: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('control' as const),
    command: fc.constantFrom(...LIVE_COMMANDS),
    entry: fc.nat(3),
    note: fc.string({ maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant('score' as const),
    entry: fc.nat(3),
    judge: fc.nat(6),
    units: fc.integer({ min: 0, max: 20000 }),
  }),
  fc.record({ kind: fc.constant('reveal' as const), entry: fc.nat(3) }),
);

const script = fc.record({
  aggregation: fc.constantFrom<Aggregation>('mean', 'trimmed'),
  judges: fc.integer({ min: 1, max: 7 }),
  steps: fc.array(step, { minLength: 1, maxLength: 40 }),
});
type Script = typeof script extends fc.Arbitrary<infer S> ? S : never;

/** The log of a random script: setup first, scores, reveals consistent with them (each checkpointed). */
function logOf(s: Script, key: SigningKey = KEY): LogExport {
  const judges = Array.from({ length: s.judges }, (_, i) => `j${i + 1}`);
  const log = new LogBuilder(key, s.aggregation, judges);
  log.event('setup', { judges, aggregation: s.aggregation });
  for (const st of s.steps) {
    const entryId = `e${st.entry + 1}`;
    if (st.kind === 'score') log.score(entryId, judges[st.judge % judges.length] ?? 'j1', st.units);
    else if (st.kind === 'reveal' && log.hasScores(entryId)) log.reveal(entryId);
    else
      log.control(st.kind === 'control' ? st.command : 'close', entryId, {
        note: st.kind === 'control' ? st.note : '',
      });
  }
  return log.export();
}

const clone = (log: LogExport): LogExport => structuredClone(log);

/** Re-chains events from index `from` on, as an attacker (or a buggy writer) with the log in hand could. */
function rechain(events: ChainedEvent[], from = 0): ChainedEvent[] {
  const out = events.slice(0, from);
  for (const e of events.slice(from)) {
    const prev = out[out.length - 1]?.hash ?? GENESIS_HASH;
    out.push(chainEvent(prev, e, sha256Hex));
  }
  return out;
}

/** Re-signs every checkpoint over the current events with `key`: what only the holder of the key can do. */
function resign(log: LogExport, key: SigningKey = KEY): Checkpoint[] {
  return log.checkpoints.map((c) =>
    signCheckpoint({ ...c, head: log.events[c.count - 1]?.hash ?? c.head, keyId: key.keyId }, key.privateKey),
  );
}

function expectFail(log: LogExport, seq: number | null, reason?: RegExp | string) {
  const result = verifyLog(log, nodeCrypto);
  expect(result).toMatchObject({ ok: false, seq });
  if (reason !== undefined && !result.ok) expect(result.reason).toMatch(reason);
}

/** A value of the same field that serializes differently. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value}·`;
  if (typeof value === 'boolean') return !value;
  return JSON.stringify(value ?? null);
}

describe('a log written by the rules verifies', () => {
  test('ok with the head, the count, the checkpoints and the reveals; also after a JSON round trip', () => {
    fc.assert(
      fc.property(script, (s) => {
        const log = logOf(s);
        const expected = {
          ok: true,
          count: log.events.length,
          head: log.events[log.events.length - 1]?.hash,
          checkpoints: log.checkpoints.length,
          reveals: log.events.filter((e) => e.type === 'reveal').length,
        };
        expect(verifyLog(log, nodeCrypto)).toEqual(expected);
        expect(verifyLog(JSON.parse(JSON.stringify(log)) as LogExport, nodeCrypto)).toEqual(expected);
      }),
      fcParams('chain: built log verifies', 150),
    );
  });

  test('a small show by hand: 2 contestants × 5 judges, one judge changes a score, trimmed', () => {
    const log = new LogBuilder(KEY, 'trimmed', ['j1', 'j2', 'j3', 'j4', 'j5']);
    log.event('setup', { judges: log.judges });
    log.event('order', { method: 'draw', seed: 's', order: ['e1', 'e2'] });
    for (const [entryId, points] of [
      ['e1', [80, 85, 90, 95, 100]],
      ['e2', [70, 75, 80, 85, 90]],
    ] as const) {
      log.control('pitch', entryId);
      log.control('qa', entryId);
      log.control('score', entryId);
      points.forEach((p, i) => log.score(entryId, `j${i + 1}`, p * 200));
      log.control('close', entryId);
      log.reveal(entryId);
      log.control('finish', entryId);
    }
    log.score('e2', 'j3', 82 * 200); // after a reopen
    const revealed = log.reveal('e2');
    expect(revealed.data.final).toBe('80.67'); // 70 and 90 dropped: (75 + 82 + 85) / 3
    const exported = log.export();
    const result = verifyLog(exported, nodeCrypto);
    expect(result).toEqual({ ok: true, count: 26, head: revealed.hash, checkpoints: 3, reveals: 3 });
    expect(exported.events[0]?.prev).toBe(GENESIS_HASH);
    expect(shortHash(revealed.hash)).toBe(revealed.hash.slice(0, 12));
  });

  test('an empty log is ok with the genesis head', () => {
    const log = new LogBuilder(KEY).export();
    expect(verifyLog(log, nodeCrypto)).toEqual({ ok: true, count: 0, head: GENESIS_HASH, checkpoints: 0, reveals: 0 });
  });
});

describe('canonical JSON and the chain', () => {
  test('keys sorted at every level, no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  test('hash = sha256(prev + canonical JSON of the event body), whatever the key order or extra fields', () => {
    const event = {
      liveId: 'L',
      seq: 1,
      type: 'setup' as const,
      at: 'T',
      actor: 'a',
      actorName: '甲',
      data: { y: 1, x: 2 },
    };
    const chained = chainEvent(GENESIS_HASH, event, sha256Hex);
    const body = '{"actor":"a","actorName":"甲","at":"T","data":{"x":2,"y":1},"liveId":"L","seq":1,"type":"setup"}';
    expect(chained.hash).toBe(sha256Hex(GENESIS_HASH + body));
    expect(chained.prev).toBe(GENESIS_HASH);
    const reordered = {
      data: { x: 2, y: 1 },
      actorName: '甲',
      actor: 'a',
      at: 'T',
      type: 'setup' as const,
      seq: 1,
      liveId: 'L',
    };
    expect(chainEvent(GENESIS_HASH, { ...reordered, hash: 'junk', prev: 'junk' } as typeof event, sha256Hex).hash).toBe(
      chained.hash,
    );
    expect(chainEvent('f'.repeat(64), event, sha256Hex).hash).not.toBe(chained.hash);
  });

  test('the checkpoint payload is the canonical JSON of (liveId, count, head, at, keyId) only', () => {
    const c = { liveId: 'L', count: 3, head: 'h', at: 'T', keyId: 'k' };
    expect(checkpointPayload({ ...c, signature: 'ignored' } as typeof c)).toBe(
      '{"at":"T","count":3,"head":"h","keyId":"k","liveId":"L"}',
    );
  });
});

type Mutation =
  | { kind: 'change'; at: number; field: number }
  | { kind: 'remove'; at: number }
  | { kind: 'insert'; at: number; forged: boolean }
  | { kind: 'swap'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(), field: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), forged: fc.boolean() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
);

/**
 * Applies the mutation (positions taken modulo the log) and returns the sequence number verifyLog must
 * name: the first position in the file where an event no longer fits.
 *  - change event k's data: its hash no longer matches → k.
 *  - remove event k: the event now at k is numbered k + 1 → k; removing the last one leaves the last
 *    checkpoint beyond the log → k as well (count = n).
 *  - insert before event k: a forged event, numbered k and chained onto event k − 1, fits; the original
 *    event k, now at k + 1, doesn't → k + 1. A copy of the previous event (a replayed event) already
 *    fails at k.
 *  - swap events k and k + 1: the event at k is numbered k + 1 → k.
 */
function mutate(log: LogExport, m: Mutation): { log: LogExport; seq: number } | null {
  const out = clone(log);
  const n = out.events.length;
  switch (m.kind) {
    case 'change': {
      const k = (m.at % n) + 1;
      const event = out.events[k - 1]!;
      const keys = Object.keys(event.data);
      if (keys.length === 0) return null;
      const field = keys[m.field % keys.length]!;
      event.data[field] = changed(event.data[field]);
      return { log: out, seq: k };
    }
    case 'remove': {
      const k = (m.at % n) + 1;
      out.events.splice(k - 1, 1);
      return { log: out, seq: k };
    }
    case 'insert': {
      const k = (m.at % n) + 1;
      if (m.forged) {
        const prev = out.events[k - 2]?.hash ?? GENESIS_HASH;
        const forged = chainEvent(
          prev,
          {
            liveId: out.liveId,
            seq: k,
            type: 'control',
            at: out.events[k - 1]!.at,
            actor: 'x',
            actorName: '某人',
            data: { command: 'pause' },
          },
          sha256Hex,
        );
        out.events.splice(k - 1, 0, forged);
        return { log: out, seq: k + 1 };
      }
      if (k === 1) return null;
      out.events.splice(k - 1, 0, structuredClone(out.events[k - 2]!));
      return { log: out, seq: k };
    }
    case 'swap': {
      if (n < 2) return null;
      const k = (m.at % (n - 1)) + 1;
      const a = out.events[k - 1]!;
      out.events[k - 1] = out.events[k]!;
      out.events[k] = a;
      return { log: out, seq: k };
    }
  }
}

describe('tampering with events', () => {
  test('any single changed, removed, inserted or swapped event fails, naming the first event that no longer fits', () => {
    fc.assert(
      fc.property(script, mutation, (s, m) => {
        const mutated = mutate(logOf(s), m);
        if (mutated === null) return;
        expectFail(mutated.log, mutated.seq);
      }),
      fcParams('chain: single tamper', 500),
    );
  });

  test('the reasons say what happened', () => {
    const log = logOf({
      aggregation: 'mean',
      judges: 2,
      steps: Array(5).fill({ kind: 'control', command: 'pause', entry: 0, note: '' }),
    });
    const changedLog = clone(log);
    changedLog.events[2]!.data.note = 'x';
    expectFail(changedLog, 3, '第 3 条事件的哈希不符');
    const removed = clone(log);
    removed.events.splice(2, 1);
    expectFail(removed, 3, '第 3 条事件的序号是 4');
    const otherShow = clone(log);
    otherShow.events = rechain(otherShow.events.map((e, i) => (i === 1 ? { ...e, liveId: 'another' } : e)));
    expectFail(otherShow, 2, '另一场决赛');
    const prevBroken = clone(log);
    prevBroken.events[3]!.prev = 'f'.repeat(64);
    expectFail(prevBroken, 4, '前一哈希不符');
  });

  test('a change re-chained afterwards (the hashes recomputed) is caught by the next signed checkpoint', () => {
    fc.assert(
      fc.property(script, fc.nat(), (s, at) => {
        const log = logOf(s);
        const controls = log.events.filter((e) => e.type === 'control' || e.type === 'setup');
        const target = controls[at % controls.length]!;
        const tampered = clone(log);
        const i = target.seq - 1;
        tampered.events[i]!.data = { ...tampered.events[i]!.data, forged: true };
        tampered.events = rechain(tampered.events, i);
        const next = log.checkpoints.find((c) => c.count >= target.seq)!;
        expectFail(tampered, next.count, '哈希与日志不符');
      }),
      fcParams('chain: rechained tamper', 200),
    );
  });

  test('a changed score re-chained afterwards is caught by the next reveal of that contestant', () => {
    const log = new LogBuilder(KEY, 'mean', ['j1', 'j2']);
    log.score('e1', 'j1', 16000);
    log.score('e1', 'j2', 17000);
    log.reveal('e1');
    const exported = log.export();
    exported.events[0]!.data.units = 20000;
    exported.events = rechain(exported.events);
    exported.scores = exported.scores.map((s) => (s.judge === 'j1' ? { ...s, units: 20000 } : s));
    expectFail(exported, 3, '评委分数与此前的评分事件不符');
  });
});

describe('checkpoints', () => {
  const base = () => {
    const log = new LogBuilder(KEY, 'trimmed', ['j1', 'j2', 'j3']);
    for (const entryId of ['e1', 'e2', 'e3']) {
      log.control('pitch', entryId);
      ['j1', 'j2', 'j3'].forEach((j, i) => log.score(entryId, j, 15000 + 100 * i));
      log.reveal(entryId);
    }
    log.control('showBoard');
    return log.export();
  };

  test('three after the reveals and one at the end', () => {
    expect(base().checkpoints.map((c) => c.count)).toEqual([5, 10, 15, 16]);
  });

  test('a bad signature fails at that checkpoint', () => {
    const log = base();
    const flipped = clone(log);
    const sig = Buffer.from(flipped.checkpoints[1]!.signature, 'base64');
    sig[0] = (sig[0] ?? 0) ^ 1;
    flipped.checkpoints[1]!.signature = sig.toString('base64');
    expectFail(flipped, 10, '签名无效');
    // Signed by another key of the same id: the export's public key does not verify it.
    const other = clone(log);
    other.checkpoints[2] = signCheckpoint({ ...other.checkpoints[2]! }, OTHER_KEY.privateKey);
    expectFail(other, 15, '签名无效');
    // The whole export re-signed by another key, its public key swapped in, verifies: the export carries its
    // own key, so a reader must compare that key with the one published before the show (the key id is only
    // a name anyone can copy).
    const swapped = { ...clone(log), publicKey: OTHER_KEY.publicKey };
    swapped.checkpoints = resign(swapped, OTHER_KEY);
    expect(verifyLog(swapped, nodeCrypto)).toMatchObject({ ok: true });
    const garbage = clone(log);
    garbage.checkpoints[0]!.signature = 'not base64 at all';
    expectFail(garbage, 5, '签名无效');
  });

  test('a wrong head fails even when properly signed; a checkpoint past the end means a truncated log', () => {
    const log = base();
    const wrongHead = clone(log);
    wrongHead.checkpoints[0] = signCheckpoint({ ...log.checkpoints[0]!, head: log.events[3]!.hash }, KEY.privateKey);
    expectFail(wrongHead, 5, '哈希与日志不符');
    const truncated = clone(log);
    truncated.events = truncated.events.slice(0, 12);
    expectFail(truncated, 15, '日志被截短');
    const otherKeyId = clone(log);
    otherKeyId.checkpoints[3] = signCheckpoint({ ...log.checkpoints[3]!, keyId: 'old-key' }, KEY.privateKey);
    expectFail(otherKeyId, 16, '另一把密钥');
  });
});

describe('stored scores against the log', () => {
  const withScores = script.filter((s) => s.steps.some((st) => st.kind === 'score'));

  test('a stored score changed outside the log fails, naming the last score event of that judge and contestant', () => {
    fc.assert(
      fc.property(withScores, fc.nat(), fc.integer({ min: 1, max: 500 }), (s, pick, delta) => {
        const log = logOf(s);
        const i = pick % log.scores.length;
        const stored = log.scores[i]!;
        const last = log.events
          .filter((e) => e.type === 'score' && e.data.entryId === stored.entryId && e.data.judge === stored.judge)
          .pop()!;
        const tampered = clone(log);
        tampered.scores[i] = { ...stored, units: stored.units + delta };
        expectFail(tampered, last.seq, `与第 ${last.seq} 条事件不符`);
        // A stored score gone: named by the same event; one with no event at all: no event to name.
        const gone = clone(log);
        gone.scores.splice(i, 1);
        expectFail(gone, last.seq, '已不在存储中');
        const extra = clone(log);
        extra.scores.push({ entryId: 'e-unknown', judge: 'j1', units: 1 });
        expectFail(extra, null, '没有记录');
      }),
      fcParams('chain: stored scores', 200),
    );
  });
});

describe('reveals against the scores before them', () => {
  test("a reveal whose final doesn't match its scores fails at that reveal, even with valid hashes and signatures", () => {
    const withReveal = script.filter(
      (s) => s.steps.some((st) => st.kind === 'score') && s.steps.some((st) => st.kind === 'reveal'),
    );
    fc.assert(
      fc.property(withReveal, fc.nat(), (s, pick) => {
        const log = logOf(s);
        const reveals = log.events.filter((e) => e.type === 'reveal');
        if (reveals.length === 0) return;
        const target = reveals[pick % reveals.length]!;
        const tampered = clone(log);
        const i = target.seq - 1;
        const final = String(target.data.final);
        const wrong = (Math.round(Number(final) * 100) + 1) / 100;
        tampered.events[i]!.data = { ...target.data, final: wrong.toFixed(2) };
        tampered.events = rechain(tampered.events, i);
        tampered.checkpoints = resign(tampered);
        expectFail(tampered, target.seq, `最终得分 ${wrong.toFixed(2)} 与重新计算的 ${final} 不符`);
      }),
      fcParams('chain: wrong final', 200),
    );
  });

  /** A log of e1 scored 50 and 100 points by j1, j2 (mean 75.00) and a reveal with the given data. */
  const revealWith = (data: Record<string, unknown>) => {
    const log = new LogBuilder(KEY, 'mean', ['j1', 'j2']);
    log.score('e1', 'j1', 10000);
    log.score('e1', 'j2', 20000);
    log.event('reveal', data);
    return log.export();
  };
  const line = (judge: string, units: number) => ({ judge, label: judge, units, dropped: null });

  test('the honest reveal of that log verifies', () => {
    expect(
      verifyLog(
        revealWith({ entryId: 'e1', lines: [line('j1', 10000), line('j2', 20000)], final: '75.00' }),
        nodeCrypto,
      ),
    ).toMatchObject({
      ok: true,
      reveals: 1,
    });
  });

  test('a line whose units differ from the score event, a judge left out, or a judge listed twice fails', () => {
    expectFail(
      revealWith({ entryId: 'e1', lines: [line('j1', 10000), line('j2', 19000)], final: '72.50' }),
      3,
      '评委分数与此前的评分事件不符',
    );
    expectFail(revealWith({ entryId: 'e1', lines: [line('j2', 20000)], final: '100.00' }), 3, '漏掉了已提交的评分');
    expectFail(
      revealWith({ entryId: 'e1', lines: [line('j1', 10000), line('j3', 10000)], final: '50.00' }),
      3,
      '评委分数与此前的评分事件不符',
    );
    // j1 twice instead of j1 and j2: the count of lines matches the count of judges, the final is j1's alone.
    expectFail(
      revealWith({ entryId: 'e1', lines: [line('j1', 10000), line('j1', 10000)], final: '50.00' }),
      3,
      '漏掉了已提交的评分',
    );
  });

  test('an incomplete reveal fails', () => {
    expectFail(revealWith({ entryId: 'e1', lines: [line('j1', 10000), line('j2', 20000)] }), 3, '不完整');
    expectFail(revealWith({ lines: [], final: '75.00' }), 3, '不完整');
    expectFail(revealWith({ entryId: 'e1', lines: [{ judge: 'j1' }], final: '75.00' }), 3, '不完整');
  });

  test('a score after a reveal counts for the next reveal only', () => {
    const log = new LogBuilder(KEY, 'mean', ['j1', 'j2']);
    log.score('e1', 'j1', 10000);
    log.reveal('e1');
    log.score('e1', 'j2', 20000);
    const exported = log.export();
    expect(exported.events[1]?.data.final).toBe('50.00');
    expect(verifyLog(exported, nodeCrypto)).toMatchObject({ ok: true, reveals: 1 });
  });

  test('a log of another format is refused without naming an event', () => {
    const log = { ...revealWith({}), format: 'something-else' } as unknown as LogExport;
    expectFail(log, null, '不是决赛评分日志');
  });
});
