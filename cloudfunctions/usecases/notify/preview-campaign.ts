import { loadContest } from '../registration/common';
import type { UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { assertAudience, audienceCount } from './audience';

/** The counts an organizer sees while choosing the audience: everyone, reachable now, and the rest. */
export const previewCampaign: UseCase<'admin.campaign.preview'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  await loadContest(ports.db, input.contestId);
  await assertAudience(ports, ctx.caller.grants, input.contestId, input.audience);
  const { audience, reachable, unreachable } = await audienceCount(
    ports,
    input.contestId,
    input.audience,
    ctx.templates[input.kind],
  );
  return { audience, reachable, unreachable };
};
