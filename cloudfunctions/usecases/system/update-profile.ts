import { AppError, ErrorCode } from '@core/errors';
import { C, type UserDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';

/**
 * The nickname shown to organizers and on 我的. WeChat no longer hands out profiles
 * (getUserProfile is gone), so users type it; like all user text it must pass the content check.
 */
export const updateProfile: UseCase<'auth.profile.update'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const check = await ports.contentCheck.checkText({ openid, text: input.name, scene: 1 });
  // 'review' is WeChat's "maybe": a nickname is low-stakes, so only a clear 'risky' is refused.
  if (check.verdict === 'risky') {
    throw new AppError(ErrorCode.CONTENT_RISKY, '昵称含有不适宜的内容，请修改后重试', { name: '昵称含有不适宜的内容' });
  }
  const users = ports.db.collection<UserDoc>(C.users);
  const now = ports.clock.now().toISOString();
  const updated = await users.update(openid, { name: input.name, updatedAt: now });
  if (!updated) await users.set({ _id: openid, name: input.name, createdAt: now, updatedAt: now });
  return { openid, name: input.name };
};
