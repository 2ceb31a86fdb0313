import { DbError, type Db, type Ports } from '../ports';
import {
  C,
  roleGrantId,
  type ContestDoc,
  type EditionDoc,
  type RoleGrantDoc,
  type UserDoc,
} from '../usecases/collections';
import { demoContests, demoEdition, demoOpenid, demoUsers, edition2024, shanghai2024 } from './seed-data';

async function createIfMissing<T extends { _id: string }>(db: Db, collection: string, doc: T): Promise<boolean> {
  try {
    await db.collection<T>(collection).create(doc);
    return true;
  } catch (error) {
    if (error instanceof DbError && error.code === 'DUPLICATE') return false;
    throw error;
  }
}

/**
 * Creates the demo users, the Shanghai 2024 contest, and a demo edition open for sign-up. Safe to run on every start: what exists is
 * left as it is, so an organizer's edits to the demo contest survive restarts.
 */
export async function seedDemoData(ports: Pick<Ports, 'db' | 'clock'>): Promise<{ created: number }> {
  const { db } = ports;
  const now = ports.clock.now().toISOString();
  let created = 0;
  const count = (done: boolean) => {
    if (done) created += 1;
  };

  count(await createIfMissing<EditionDoc>(db, C.editions, edition2024));
  count(await createIfMissing<ContestDoc>(db, C.contests, shanghai2024));
  count(await createIfMissing<EditionDoc>(db, C.editions, demoEdition));
  for (const contest of demoContests(ports.clock.now()))
    count(await createIfMissing<ContestDoc>(db, C.contests, contest));
  for (const user of demoUsers) {
    const openid = demoOpenid(user.key);
    count(
      await createIfMissing<UserDoc>(db, C.users, { _id: openid, name: user.name, createdAt: now, updatedAt: now }),
    );
    for (const grant of user.grants) {
      count(
        await createIfMissing<RoleGrantDoc>(db, C.roles, {
          _id: roleGrantId(openid, grant.role, grant.contestId),
          openid,
          role: grant.role,
          contestId: grant.contestId,
          createdAt: now,
        }),
      );
    }
  }
  return { created };
}
