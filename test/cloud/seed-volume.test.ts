import { seedDemoData } from '../../cloudfunctions/local/seed';
import {
  VOLUME_CONTEST_ID,
  VOLUME_LIST_ID,
  VOLUME_ROUND_ID,
  productionVolume,
  seedVolume,
  volumeJudgeOpenid,
} from '../../cloudfunctions/local/seed-volume';
import {
  C,
  type AssignmentDoc,
  type EntryDoc,
  type ResultListDoc,
  type RoundDoc,
} from '../../cloudfunctions/usecases/collections';
import { registrationForm } from '../../core/registration/forms';
import * as v from 'valibot';
import { testPorts } from '../support/local-ports';

test('the production-size seed writes what it says, through the real assignment run, in reasonable time', async () => {
  const ports = testPorts({ start: new Date('2026-12-01T02:00:00Z') });
  try {
    await seedDemoData(ports);
    const started = Date.now();
    const written = await seedVolume(ports);
    const ms = Date.now() - started;
    expect(written).toEqual({ entries: 2000, judges: 100, assignments: 10_000, listItems: 500, articles: 300 });
    // The shared machines are slow at times; the seed is a few seconds, not minutes.
    expect(ms).toBeLessThan(60_000);

    const db = ports.db;
    expect(await db.collection<EntryDoc>(C.entries).count({ contestId: VOLUME_CONTEST_ID, status: 'approved' })).toBe(
      2000,
    );
    // Entries are the documents sign-up writes: each form passes the sign-up schema.
    const sample = await db.collection<EntryDoc>(C.entries).find({ contestId: VOLUME_CONTEST_ID }, { limit: 50 });
    for (const entry of sample) expect(v.safeParse(registrationForm, entry.form).issues).toBeUndefined();

    expect(await db.collection(C.judges).count({ contestId: VOLUME_CONTEST_ID })).toBe(100);
    expect(await db.collection(C.judgeInvites).count({ contestId: VOLUME_CONTEST_ID, usedBy: { $ne: null } })).toBe(
      100,
    );
    expect(await db.collection(C.roles).count({ contestId: VOLUME_CONTEST_ID, role: 'judge' })).toBe(100);

    const round = await db.collection<RoundDoc>(C.rounds).get(VOLUME_ROUND_ID);
    expect(round).toMatchObject({ judgesPerEntry: 5, assignProgress: { state: 'done' } });
    const assignments = db.collection<AssignmentDoc>(C.assignments);
    expect(await assignments.count({ roundId: VOLUME_ROUND_ID })).toBe(10_000);
    const loads = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        assignments.count({ roundId: VOLUME_ROUND_ID, judgeOpenid: volumeJudgeOpenid(i + 1) }),
      ),
    );
    // The first wave of judges carries 250 each; the others about 83; 100 on average.
    expect(loads.slice(0, productionVolume.heavyJudges)).toEqual(Array(10).fill(250));
    expect(Math.min(...loads.slice(10))).toBeGreaterThanOrEqual(83);
    expect(Math.max(...loads.slice(10))).toBeLessThanOrEqual(84);
    expect(loads.reduce((a, b) => a + b, 0) / loads.length).toBe(100);

    const list = await db.collection<ResultListDoc>(C.resultLists).get(VOLUME_LIST_ID);
    expect(list).toMatchObject({ status: 'published', kind: 'national' });
    expect(list?.items).toHaveLength(500);
    expect(await db.collection(C.resultItems).count({ listId: VOLUME_LIST_ID })).toBe(500);
    expect(await db.collection(C.articles).count({ contestId: VOLUME_CONTEST_ID, status: 'published' })).toBe(300);

    // Written once.
    expect(await seedVolume(ports)).toBeNull();
  } finally {
    ports.dispose();
  }
}, 120_000);
