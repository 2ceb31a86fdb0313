/**
 * A whole live final against a running local cloud over HTTP: 30 contestants × 9 judges, every contestant taken
 * through 路演 → 答辩 → 评分 from the host console, the nine judges submitting at once with 20 % of their requests
 * sent twice with the same requestId (a phone whose answer was lost on venue Wi-Fi), and a big screen following
 * the show by Server-Sent Events. Prints the reveal latency — from sending the last judge's score to the screen's
 * frame carrying the reveal — p50 / p95 against the 300 ms target, and the counts that must be zero: scores lost and
 * scores doubled (from the signed log the notary exports, which must also verify).
 * `prepareLiveFinal` writes the contest, its finalists and its judges into the data dir before the server starts
 * (finalists come out of a 复赛 that this benchmark does not replay). Bundled and run by bench/index.mjs.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { openEmbeddedDb } from '../cloudfunctions/adapters/local/embedded-db';
import { shanghai2024 } from '../cloudfunctions/local/seed-data';
import {
  C,
  judgeIdFor,
  roleGrantId,
  type ContestDoc,
  type EntryDoc,
  type JudgeDoc,
  type RoleGrantDoc,
} from '../cloudfunctions/usecases/collections';
import { personKey } from '../cloudfunctions/usecases/files/file-links';
import { verifySignature } from '../cloudfunctions/usecases/live/signing';
import { verifyLog, type LogExport } from '../core/live/chain';
import type { LiveScreenView } from '../core/live/views';
import { points, rubric } from '../test/support/judging-fixtures';

const CONTEST = 'bench-final';
const ROUND = `${CONTEST}:final`;
const LIVE = `${ROUND}:enterprise`;
const judgeKey = (n: number) => `guest-benchlive${n}`;
const judgeOpenid = (n: number) => `demo-${judgeKey(n)}`;

export async function prepareLiveFinal(dataDir: string, contestants = 30, judges = 9): Promise<void> {
  const db = openEmbeddedDb(join(dataDir, 'db.sqlite'));
  const at = new Date().toISOString();
  try {
    await db
      .collection<ContestDoc>(C.contests)
      .set({ ...shanghai2024, _id: CONTEST, name: '决赛压测赛', createdAt: at, updatedAt: at });
    for (let i = 1; i <= contestants; i++) {
      const doc: EntryDoc = {
        _id: `e-bench-final-${i}`,
        contestId: CONTEST,
        editionId: shanghai2024.editionId,
        ownerOpenid: `bench-finalist-${i}`,
        group: 'enterprise',
        status: 'finalist',
        statusReason: null,
        form: {
          group: 'enterprise',
          companyName: `压测企业${i}`,
          projectName: `压测项目${i}`,
          field: '新一代信息技术',
          district: '浦东新区',
        },
        projectName: `压测项目${i}`,
        orgName: `压测企业${i}`,
        field: '新一代信息技术',
        district: '浦东新区',
        dedupeKey: null,
        similar: null,
        history: [],
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
      };
      await db.collection<EntryDoc>(C.entries).set(doc);
    }
    for (let n = 1; n <= judges; n++) {
      const openid = judgeOpenid(n);
      await db
        .collection<RoleGrantDoc>(C.roles)
        .set({ _id: roleGrantId(openid, 'judge', CONTEST), openid, role: 'judge', contestId: CONTEST, createdAt: at });
      const judge: JudgeDoc = {
        _id: judgeIdFor(CONTEST, openid),
        contestId: CONTEST,
        openid,
        name: `评委${n}`,
        organization: '压测',
        title: '教授',
        expertise: ['新一代信息技术'],
        conflicts: { names: [], creditCodes: [] },
        inviteCode: 'BENCH',
        boundAt: at,
        updatedAt: at,
      };
      await db.collection<JudgeDoc>(C.judges).set(judge);
    }
  } finally {
    db.close();
  }
}

interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Frames of the SSE stream, as the browser's EventSource would hand them over. */
function followScreen(
  url: string,
  onScreen: (screen: LiveScreenView) => void,
): { close(): void; opened: Promise<void> } {
  const controller = new AbortController();
  let opened: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  void (async () => {
    const res = await fetch(url, { signal: controller.signal });
    if (!res.body) throw new Error('no stream');
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data) {
          onScreen((JSON.parse(data.slice(6)) as { screen: LiveScreenView }).screen);
          opened();
        }
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  return { close: () => controller.abort(), opened: ready };
}

export async function runLiveFinal(base: string, contestants = 30, judges = 9, retryShare = 0.2): Promise<number> {
  const post = async (body: unknown, token: string): Promise<Answer> => {
    const res = await fetch(`${base}/api/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Answer;
  };
  const must = async <T>(body: unknown, token: string): Promise<T> => {
    const answer = await post(body, token);
    if (!answer.ok) throw new Error(`${(body as { action: string }).action}: ${JSON.stringify(answer.error)}`);
    return answer.data as T;
  };
  const signIn = async (key: string) => {
    const res = await fetch(`${base}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: key }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const organizer = await signIn('organizer');
  const judgeTokens = await Promise.all(Array.from({ length: judges }, (_, i) => signIn(judgeKey(i + 1))));
  const now = Date.now();
  await must(
    {
      action: 'admin.round.upsert',
      data: {
        contestId: CONTEST,
        stage: 'final',
        name: '决赛',
        mode: 'live',
        rubric,
        aggregation: 'trimmed',
        judgesPerEntry: judges,
        blind: false,
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 86400_000).toISOString(),
      },
    },
    organizer,
  );
  await must(
    {
      action: 'admin.live.upsert',
      data: {
        roundId: ROUND,
        group: 'enterprise',
        judges: Array.from({ length: judges }, (_, i) => personKey(judgeOpenid(i + 1))),
      },
    },
    organizer,
  );
  const drawn = await must<{ console: { slots: Array<{ entryId: string }> } }>(
    { action: 'admin.live.draw', data: { liveId: LIVE, seed: 'bench' } },
    organizer,
  );
  const order = drawn.console.slots.map((s) => s.entryId);

  let waiting: { entryId: string; resolve: (at: number) => void } | null = null;
  const screen = followScreen(`${base}/live/${encodeURIComponent(LIVE)}/stream`, (s) => {
    if (waiting && s.reveal?.entryId === waiting.entryId) {
      waiting.resolve(performance.now());
      waiting = null;
    }
  });
  await screen.opened;
  const control = (command: string, entryId: string) =>
    must({ action: 'admin.live.control', data: { liveId: LIVE, command, entryId } }, organizer);

  const latencies: number[] = [];
  let retried = 0;
  let refused = 0;
  const started = performance.now();
  for (const [c, entryId] of order.entries()) {
    await control('pitch', entryId);
    await control('qa', entryId);
    await control('score', entryId);
    const revealed = new Promise<number>((resolve) => (waiting = { entryId, resolve }));
    // All but the last judge at once; then the last, timed from the moment its request leaves.
    const send = async (j: number) => {
      const body = {
        action: 'judge.live.score',
        data: { liveId: LIVE, entryId, points: points(60 + ((c * 7 + j * 3) % 40)), comment: '' },
        requestId: `bench-live-${c}-${j}`,
      };
      const again = Math.random() < retryShare;
      if (again) retried += 1;
      const answers = await Promise.all(
        again
          ? [post(body, judgeTokens[j] as string), post(body, judgeTokens[j] as string)]
          : [post(body, judgeTokens[j] as string)],
      );
      // A twin that met its original still running answers REQUEST_IN_PROGRESS: the phone would retry it.
      for (const a of answers) if (!a.ok && a.error?.code !== 'REQUEST_IN_PROGRESS') refused += 1;
      if (answers.every((a) => !a.ok)) {
        const retry = await post(body, judgeTokens[j] as string);
        if (!retry.ok) refused += 1;
      }
    };
    await Promise.all(Array.from({ length: judges - 1 }, (_, j) => send(j)));
    const sentAt = performance.now();
    await send(judges - 1);
    latencies.push((await revealed) - sentAt);
    await control('finish', entryId);
  }
  const elapsed = performance.now() - started;
  screen.close();

  // Lost and doubled, from the log the notary would take away: every (contestant, judge) scored exactly once.
  const file = await must<{ url: string }>(
    { action: 'admin.live.export', data: { liveId: LIVE, format: 'log' } },
    organizer,
  );
  const log = (await (await fetch(file.url)).json()) as LogExport;
  const counts = new Map<string, number>();
  for (const e of log.events)
    if (e.type === 'score')
      counts.set(
        `${String(e.data.entryId)}|${String(e.data.judge)}`,
        (counts.get(`${String(e.data.entryId)}|${String(e.data.judge)}`) ?? 0) + 1,
      );
  const expected = contestants * judges;
  const lost = expected - counts.size;
  const doubled = [...counts.values()].filter((n) => n > 1).length;
  const verified = verifyLog(log, {
    sha256: (s) => createHash('sha256').update(s, 'utf8').digest('hex'),
    verify: verifySignature,
  });

  const p50 = pct(latencies, 50);
  const p95 = pct(latencies, 95);
  console.log(
    `  ${contestants} contestants × ${judges} judges, ${expected} scores (${retried} sent twice), ${(elapsed / 1000).toFixed(1)} s`,
  );
  console.log(
    `  reveal latency (last score sent → screen frame): p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, target p95 < 300 ms (ratio ${(p95 / 300).toFixed(2)})`,
  );
  console.log(
    `  scores lost ${lost}, doubled ${doubled}, refused ${refused} (all must be 0); log ${log.events.length} events, verify-log ${verified.ok ? 'OK' : `FAILED ${JSON.stringify(verified)}`}`,
  );
  return lost + doubled + refused + (verified.ok ? 0 : 1);
}
