/**
 * Phone scoring under load against a running local cloud over HTTP: J judges each submit their S scores
 * at once (J × S requests in flight), and a share of the requests is sent again with the same requestId, as
 * a phone does when an answer is lost on venue Wi-Fi. Bundled and run by bench/index.mjs. Prints throughput,
 * p50/p99, and the counts that must be zero: scores lost and scores doubled.
 */
import { enterpriseFormFixture, pdfBytes } from '../test/support/registration-fixtures';
import { points, rubric } from '../test/support/judging-fixtures';

interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Runs `work` over items, at most `limit` at a time (setup only: the measured part is all at once). */
async function limited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T, i);
      }
    }),
  );
  return out;
}

export async function runJudgingSurge(base: string, judges = 200, perJudge = 5, retryShare = 0.2): Promise<number> {
  const api = `${base}/api/api`;
  const post = async (body: unknown, token?: string): Promise<Answer> => {
    const res = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Answer;
  };
  const must = async <T>(body: unknown, token?: string): Promise<T> => {
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

  // Setup through the actions: an edition and contest of its own, entries submitted and approved, judges
  // bound with invite codes, a round with k = perJudge so that every judge gets perJudge entries.
  const organizer = await signIn('organizer');
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const { id: editionId } = await must<{ id: string }>(
    { action: 'admin.edition.upsert', data: { name: '压测届次', year: 2026 }, requestId: `bench-ed-${now}` },
    organizer,
  );
  const { id: contestId } = await must<{ id: string }>(
    {
      action: 'admin.contest.upsert',
      data: {
        editionId,
        kind: 'regional',
        name: '评分压测赛',
        hostRegion: '上海市',
        hosts: [],
        organizers: [],
        groups: ['enterprise'],
        fields: ['新一代信息技术'],
        districts: ['浦东新区'],
        registration: { opensAt: iso(now - 3600_000), closesAt: iso(now + 86400_000) },
        stages: [],
        rules: '',
        awards: {},
      },
      requestId: `bench-ct-${now}`,
    },
    organizer,
  );
  const entries = judges; // k = perJudge and entries = judges → perJudge scores per judge.
  const entryIds = await limited(
    Array.from({ length: entries }, (_, i) => i),
    16,
    async (i) => {
      const token = await signIn(`guest-benche${i}`);
      const target = await must<{ target: { url: string } }>(
        {
          action: 'files.upload.prepare',
          data: {
            contestId,
            purpose: 'businessPlan',
            fileName: 'p.pdf',
            contentType: 'application/pdf',
            size: pdfBytes.length,
          },
        },
        token,
      );
      const put = await fetch(target.target.url, {
        method: 'PUT',
        headers: { 'content-type': 'application/pdf' },
        body: pdfBytes,
      });
      const uploaded = (await put.json()) as { data: { fileId: string } };
      const form = {
        ...enterpriseFormFixture(20_000 + i, { fileId: uploaded.data.fileId, name: 'p.pdf', size: pdfBytes.length }),
        district: '浦东新区',
      };
      const { entryId } = await must<{ entryId: string }>(
        { action: 'registration.submit', data: { contestId, form } },
        token,
      );
      await must({ action: 'admin.entry.decide', data: { entryId, decision: 'approve' } }, organizer);
      return entryId;
    },
  );
  const { invites } = await must<{ invites: Array<{ code: string }> }>(
    { action: 'admin.judge.invite', data: { contestId, count: Math.min(100, judges) } },
    organizer,
  );
  const codes = [...invites.map((i) => i.code)];
  while (codes.length < judges) {
    const more = await must<{ invites: Array<{ code: string }> }>(
      { action: 'admin.judge.invite', data: { contestId, count: Math.min(100, judges - codes.length) } },
      organizer,
    );
    codes.push(...more.invites.map((i) => i.code));
  }
  const tokens = await limited(codes, 16, async (code, i) => {
    const token = await signIn(`guest-benchj${i}`);
    await must(
      {
        action: 'judge.bind',
        data: { code, name: `压测评委${i}`, organization: '压测单位', title: '专家', expertise: ['新一代信息技术'] },
      },
      token,
    );
    return token;
  });
  const roundId = `${contestId}:preliminary`;
  await must(
    {
      action: 'admin.round.upsert',
      data: {
        contestId,
        stage: 'preliminary',
        rubric,
        aggregation: 'mean',
        judgesPerEntry: perJudge,
        blind: true,
        opensAt: iso(now - 60_000),
        closesAt: iso(now + 86400_000),
      },
    },
    organizer,
  );
  await must({ action: 'admin.round.assign', data: { roundId, seed: 'bench' } }, organizer);
  const work = await limited(tokens, 16, async (token, j) => {
    const mine = await must<{ rounds: Array<{ items: Array<{ entryId: string }> }> }>(
      { action: 'judge.assignment.list', data: { roundId } },
      token,
    );
    return (mine.rounds[0]?.items ?? []).map((item, s) => ({
      token,
      body: {
        action: 'judge.score',
        data: { roundId, entryId: item.entryId, points: points(50 + ((j + s) % 50)), comment: '' },
        requestId: `bench-${j}-${s}-${now}`,
      },
    }));
  });
  const requests = work.flat();

  // The measured part: every score at once; some sent twice (the retry of a lost answer), the repeat
  // leaving after a random 0–50 ms, so it may meet the first attempt still running.
  const latencies: number[] = [];
  const failures: Answer[] = [];
  let retried = 0;
  const started = performance.now();
  await Promise.all(
    requests.flatMap((r, i) => {
      const send = async (delay: number) => {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        const t = performance.now();
        const answer = await post(r.body, r.token);
        latencies.push(performance.now() - t);
        if (!answer.ok) failures.push(answer);
      };
      // Every fifth request (20 %) is retried; the spread is deterministic so runs compare.
      const retry = (i * 7919) % 100 < retryShare * 100;
      if (retry) retried += 1;
      return retry ? [send(0), send((i * 37) % 50)] : [send(0)];
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // What is stored, as the organizer's dashboard and audit log see it.
  const progress = await must<{
    judges: Array<{ done: number; assigned: number }>;
    entries: { complete: number; total: number };
  }>({ action: 'admin.round.progress', data: { roundId } }, organizer);
  const stored = progress.judges.reduce((sum, j) => sum + j.done, 0);
  const log = await must<{ total: number }>(
    { action: 'admin.audit.list', data: { contestId, roundId, pageSize: 1 } },
    organizer,
  );
  // One record per stored score change, plus the round's setup and its assignment run.
  const scoreRecords = log.total - 2;
  const lost = requests.length - stored;
  const doubled = Math.max(0, scoreRecords - stored);
  console.log(
    `judges × scores     ${judges} × ${perJudge} = ${requests.length} submits at once, ${retried} sent twice (${Math.round((retried / requests.length) * 100)} %)`,
  );
  console.log(
    `entries             ${entryIds.length}, complete ${progress.entries.complete} / ${progress.entries.total}`,
  );
  console.log(`throughput          ${(latencies.length / seconds).toFixed(0)} requests/s (${seconds.toFixed(2)} s)`);
  console.log(`latency             p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms`);
  console.log(
    `errors              ${failures.length}${failures[0] ? ` e.g. ${JSON.stringify(failures[0].error)}` : ''}`,
  );
  console.log(`scores lost         ${lost}`);
  console.log(`scores doubled      ${doubled}`);
  return lost + doubled + failures.length;
}
