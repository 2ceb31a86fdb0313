import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '@core/errors';
import { hasRole, holdsGlobally } from '@core/roles';
import type { UseCase } from '../context';
import { C, type ContestDoc, type EditionDoc, type EntryDoc } from '../collections';

/**
 * Creates or replaces a contest's settings. Entries must stay valid: a group, field or district that
 * an entry uses can't be removed (CONTEST_IN_USE names them), and an entry can't change edition.
 */
export const upsertContest: UseCase<'admin.contest.upsert'> = async (ctx, input, ports) => {
  const { id, ...settings } = input;
  if (!hasRole(ctx.caller.grants, 'organizer', id))
    throw new AppError(ErrorCode.FORBIDDEN, '只有本赛事的组委会可以修改');
  const edition = await ports.db.collection<EditionDoc>(C.editions).get(settings.editionId);
  if (edition === null) throw new AppError(ErrorCode.INVALID_INPUT, undefined, { editionId: '届次不存在' });
  // Stored as UTC instants, so comparisons and queries never depend on the offset typed in.
  const registration = {
    opensAt: new Date(settings.registration.opensAt).toISOString(),
    closesAt: new Date(settings.registration.closesAt).toISOString(),
  };
  const now = ports.clock.now().toISOString();
  const contests = ports.db.collection<ContestDoc>(C.contests);

  if (id === undefined) {
    if (!holdsGlobally(ctx.caller.grants, 'organizer')) {
      throw new AppError(ErrorCode.FORBIDDEN, '只有大赛组委会可以新建赛事');
    }
    const newId = `c-${randomBytes(6).toString('hex')}`;
    await contests.create({ _id: newId, ...settings, registration, createdAt: now, updatedAt: now });
    return { id: newId };
  }

  const current = await contests.get(id);
  if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '赛事不存在');
  const entries = ports.db.collection<EntryDoc>(C.entries);
  const inUse: string[] = [];
  const check = async (label: string, field: 'group' | 'field' | 'district', removed: string[]) => {
    if (removed.length === 0) return;
    const count = await entries.count({ contestId: id, [field]: { $in: removed } });
    if (count > 0) inUse.push(`${label}：${removed.join('、')}`);
  };
  await Promise.all([
    check(
      '组别',
      'group',
      current.groups.filter((g) => !settings.groups.includes(g)),
    ),
    check(
      '行业领域',
      'field',
      current.fields.filter((f) => !settings.fields.includes(f)),
    ),
    check(
      '区',
      'district',
      current.districts.filter((d) => !settings.districts.includes(d)),
    ),
  ]);
  if (settings.editionId !== current.editionId && (await entries.count({ contestId: id })) > 0) {
    inUse.push('届次：已有报名的赛事不能改到其他届次');
  }
  if (inUse.length > 0) {
    throw new AppError(ErrorCode.CONTEST_IN_USE, `已有报名在使用，不能删除或修改：${inUse.join('；')}`, { inUse });
  }
  await contests.set({ _id: id, ...settings, registration, createdAt: current.createdAt, updatedAt: now });
  return { id };
};
