/**
 * Registration surge against a running local cloud over HTTP: N distinct entrants and D duplicates
 * (accounts submitting a credit code another entrant also submits) all submit at once. Bundled and
 * run by bench/index.mjs. Prints throughput, latency and the counts that must be zero (lost, doubled).
 */
import { enterpriseFormFixture, pdfBytes } from '../test/support/registration-fixtures';

interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

async function post(url: string, body: unknown, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Answer;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Runs the surge; returns a non-zero count of lost or doubled entries as an exit hint. */
export async function runSurge(base: string, distinct = 300, duplicates = 50, contestId = 'demo-sh'): Promise<number> {
  const api = `${base}/api/api`;
  const signIn = async (key: string) => {
    const res = await fetch(`${base}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: key }),
    });
    return ((await res.json()) as { token: string }).token;
  };

  // Each account uploads its plan first: the surge measures the submits, which is where the race is.
  const accounts = Array.from({ length: distinct + duplicates }, (_, i) => ({
    key: `guest-surge${i}`,
    // Duplicates reuse the credit codes of the first `duplicates` distinct entrants.
    company: i < distinct ? i : i - distinct,
  }));
  const prepared = await Promise.all(
    accounts.map(async (account) => {
      const token = await signIn(account.key);
      const target = await post(
        api,
        {
          action: 'files.upload.prepare',
          data: {
            contestId,
            purpose: 'businessPlan',
            fileName: 'plan.pdf',
            contentType: 'application/pdf',
            size: pdfBytes.length,
          },
        },
        token,
      );
      if (!target.ok) throw new Error(`uploadTarget: ${JSON.stringify(target.error)}`);
      const { target: where } = target.data as { target: { kind: string; url: string } };
      const put = await fetch(where.url, {
        method: 'PUT',
        headers: { 'content-type': 'application/pdf' },
        body: pdfBytes,
      });
      const uploaded = (await put.json()) as { data: { fileId: string } };
      const form = enterpriseFormFixture(10_000 + account.company, {
        fileId: uploaded.data.fileId,
        name: 'plan.pdf',
        size: pdfBytes.length,
      });
      return { ...account, token, form };
    }),
  );

  const latencies: number[] = [];
  const started = performance.now();
  const answers = await Promise.all(
    prepared.map(async (p, i) => {
      const t = performance.now();
      const answer = await post(
        api,
        { action: 'registration.submit', data: { contestId, form: p.form }, requestId: `surge-${i}-0000` },
        p.token,
      );
      latencies.push(performance.now() - t);
      return { ...p, answer };
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const accepted = answers.filter((a) => a.answer.ok);
  const refused = answers.filter((a) => a.answer.error?.code === 'DUPLICATE_ENTRY');
  const other = answers.filter((a) => !a.answer.ok && a.answer.error?.code !== 'DUPLICATE_ENTRY');

  // What the store holds, as the organizers see it.
  const organizer = await signIn('organizer');
  const stored: Array<{ orgName: string }> = [];
  for (let page = 1; ; page += 1) {
    const list = await post(
      api,
      { action: 'admin.entry.list', data: { contestId, status: 'submitted', page, pageSize: 100 } },
      organizer,
    );
    if (!list.ok) throw new Error(`list: ${JSON.stringify(list.error)}`);
    const { items, total } = list.data as { items: Array<{ orgName: string }>; total: number };
    stored.push(...items);
    if (stored.length >= total || items.length === 0) break;
  }
  const perCompany = new Map<string, number>();
  for (const e of stored) perCompany.set(e.orgName, (perCompany.get(e.orgName) ?? 0) + 1);
  const doubled = [...perCompany.values()].filter((n) => n > 1).length;
  const lost = Math.max(0, accepted.length - stored.length);

  console.log(
    `submits             ${answers.length} at once (${distinct} distinct entrants + ${duplicates} duplicates)`,
  );
  console.log(`throughput          ${(answers.length / seconds).toFixed(0)} submits/s (${seconds.toFixed(2)} s)`);
  console.log(`latency             p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms`);
  console.log(`entries created     ${stored.length} (expected ${distinct})`);
  console.log(`duplicates refused  ${refused.length} (expected ${duplicates})`);
  console.log(`other errors        ${other.length}${other[0] ? ` e.g. ${JSON.stringify(other[0].answer.error)}` : ''}`);
  console.log(`lost                ${lost}`);
  console.log(`doubled             ${doubled}`);
  return lost + doubled;
}
