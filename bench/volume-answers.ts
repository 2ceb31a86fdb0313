/**
 * Answer sizes at production volume: the production-size set (cloudfunctions/local/seed-volume.ts, the same
 * seed the weapp volume suite renders) on the embedded store, then the answers the volume-affected pages ask
 * for, in bytes of JSON against CloudBase's 1 MB function result. Sizes only: the same on any machine.
 *
 * Run by `npm run bench` (bench/index.mjs, section `volume-answers`), or alone: `BENCH_ONLY=volume-answers npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalPorts } from '../cloudfunctions/adapters/local';
import { seedDemoData } from '../cloudfunctions/local/seed';
import { DEMO_ADMIN_OPENIDS, demoOpenid } from '../cloudfunctions/local/seed-data';
import {
  VOLUME_CONTEST_ID,
  VOLUME_LIST_ID,
  VOLUME_ROUND_ID,
  seedVolume,
  volumeJudgeOpenid,
} from '../cloudfunctions/local/seed-volume';
import { createApi } from '../cloudfunctions/router';

const LIMIT = 1024 * 1024;

export async function runVolumeAnswers(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ck-bench-volume-'));
  const quiet = { info: () => undefined, error: () => undefined };
  const ports = createLocalPorts({
    dataDir: dir,
    dbFile: ':memory:',
    secret: Buffer.alloc(32, 7),
    baseUrl: 'http://127.0.0.1:1',
    log: quiet,
  });
  try {
    await seedDemoData(ports);
    const started = Date.now();
    const written = await seedVolume(ports);
    console.log(`seedVolume: ${JSON.stringify(written)} in ${Date.now() - started} ms`);
    const api = createApi({
      ports,
      adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
      runtime: 'local',
      version: 'bench',
      idHashKey: null,
    });
    const organizer = { openid: demoOpenid('organizer') };
    const judge = { openid: volumeJudgeOpenid(1) };
    const calls: Array<[string, { openid: string | null }, string, unknown]> = [
      ['成绩 open', { openid: null }, 'results.list', {}],
      [
        '成绩 展开全部 / 加载更多 (one page)',
        { openid: null },
        'results.items',
        { listId: VOLUME_LIST_ID, offset: 0, limit: 25 },
      ],
      ['评审工作台 (counts)', judge, 'judge.assignment.list', { items: false }],
      ['我的评审任务 (250 tasks)', judge, 'judge.assignment.list', { roundId: VOLUME_ROUND_ID }],
      ['评审看板 progress', organizer, 'admin.round.progress', { roundId: VOLUME_ROUND_ID }],
      ['评委管理', organizer, 'admin.judge.list', { contestId: VOLUME_CONTEST_ID }],
      ['新闻 page 1', { openid: null }, 'news.list', {}],
    ];
    let over = 0;
    console.log('answer                                   action                    KB     of 1 MB');
    for (const [label, who, action, data] of calls) {
      const answer = await api({ action, data }, who);
      if (!answer.ok) throw new Error(`${action}: ${JSON.stringify(answer.error)}`);
      const bytes = Buffer.byteLength(JSON.stringify(answer));
      if (bytes > LIMIT) over += 1;
      console.log(
        `${label.padEnd(40)} ${action.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(7)} ${((bytes / LIMIT) * 100).toFixed(1).padStart(6)}%`,
      );
    }
    return over;
  } finally {
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
