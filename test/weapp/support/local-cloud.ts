/**
 * The real local cloud (`startLocalCloud`: the api function over HTTP on an embedded SQLite store with the
 * demo data) started inside the test on a random port and a temporary data dir, and the pieces a page
 * needs to reach it: dev sign-in tokens, a `wx.cloud.callFunction` that POSTs to `/api/<name>` with a
 * user's token and records every answer, and a `wx.cloud.database` whose watch follows the live stream.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedVolume } from '../../../cloudfunctions/local/seed-volume';
import { startLocalCloud, type Ports } from '../../../cloudfunctions/local/server';
import { clientDatabase, type WatchRecorder } from './cloud-watch';
import type { CallFunction, DatabaseFactory } from './mini-runtime';

export interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string; details?: unknown };
}

/** One wx.cloud.callFunction a page made, with what came back. */
export interface RecordedCall {
  name: string;
  action: string;
  input: unknown;
  /** The answer's error code, or null for ok; `HTTP <status>` / `NETWORK` when no answer came back. */
  code: string | null;
  message?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** POSTs JSON (as `content-type: application/json`, which the dev routes insist on) and parses the answer. */
export function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(raw) });
        } catch {
          reject(new Error(`${url} answered ${res.statusCode} with something not JSON: ${raw.slice(0, 200)}`));
        }
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

export interface TestCloud {
  url: string;
  /** A dev sign-in token for a demo user (`organizer`, `judge1` …) or a new WeChat user (`guest-<id>`). */
  signIn(as: string): Promise<string>;
  /** Calls the api function as the holder of `token`; resolves with the answer whatever it is. */
  call(token: string, action: string, data?: unknown): Promise<Answer>;
  /**
   * `wx.cloud.callFunction` for a page: `data` goes to `POST /api/<name>` with the token, the answer comes
   * back as `{ result }`, and every call is recorded in `calls`; `inFlight` counts calls not answered yet.
   * `alter` changes an answer before it is recorded and handed to the page (to check the checks).
   */
  callFunctionFor(token: string, record: CallRecorder, alter?: (answer: Answer) => Answer): CallFunction;
  /** `wx.cloud.database` for a page: its watch follows this cloud's live stream, counted in `record`. */
  databaseFor(record: WatchRecorder): DatabaseFactory;
  /** Cuts every open live stream from the server's side (the watches following them see the connection drop). */
  dropLiveStreams(): number;
  close(): Promise<void>;
}

export interface CallRecorder {
  calls: RecordedCall[];
  inFlight: number;
}

/** `volume`: the production-size set (cloudfunctions/local/seed-volume.ts) on top of the demo data. */
export async function startTestCloud(options: { volume?: boolean } = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ck-weapp-'));
  const quiet = { info: () => undefined, error: () => undefined };
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    h5Dir: null,
    cronIntervalMs: 0,
    log: quiet,
    ...(options.volume ? { extraSeed: (ports: Ports) => seedVolume(ports) } : {}),
  });
  const call = async (token: string, action: string, data: unknown = {}) =>
    (await postJson(`${cloud.url}/api/api`, { action, data }, token)).body as Answer;
  return {
    url: cloud.url,
    async signIn(as) {
      const { status, body } = await postJson(`${cloud.url}/dev/login`, { as });
      const token = (body as { token?: unknown } | null)?.token;
      if (status !== 200 || typeof token !== 'string') throw new Error(`dev sign-in as ${as}: ${status}`);
      return token;
    },
    call,
    callFunctionFor(token, record, alter) {
      return async ({ name, data }) => {
        const entry: RecordedCall = { name, action: String(data?.action), input: data?.data, code: null };
        record.calls.push(entry);
        record.inFlight += 1;
        try {
          const { status, body } = await postJson(`${cloud.url}/api/${name}`, data, token);
          const answer = alter ? alter(body as Answer) : (body as Answer);
          if (status !== 200) entry.code = `HTTP ${status}`;
          if (answer?.ok !== true) {
            entry.code = answer?.error?.code ?? entry.code ?? 'MALFORMED';
            entry.message = answer?.error?.message;
          }
          return { errMsg: 'cloud.callFunction:ok', result: answer };
        } catch (error) {
          entry.code = 'NETWORK';
          entry.message = String(error);
          throw Object.assign(new Error('cloud.callFunction:fail'), { errCode: -1, errMsg: String(error) });
        } finally {
          record.inFlight -= 1;
        }
      };
    },
    databaseFor: (record) => clientDatabase(cloud.url, record),
    dropLiveStreams: () => cloud.dropLiveStreams(),
    async close() {
      agent.destroy();
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
