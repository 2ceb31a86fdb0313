import { contestUseCases } from './contest';
import type { UseCaseTable } from './context';
import { filesUseCases } from './files';
import { homeUseCases } from './home';
import { inboxUseCases } from './inbox';
import { institutionUseCases } from './institution';
import { judgingUseCases } from './judging';
import { liveUseCases } from './live';
import { newsUseCases } from './news';
import { notifyUseCases } from './notify';
import { registrationUseCases } from './registration';
import { resultsUseCases } from './results';
import { systemUseCases } from './system';

/** Every action of core/actions.ts has exactly one use case; the type makes a missing one a compile error. */
export const useCases: UseCaseTable = {
  ...systemUseCases,
  ...homeUseCases,
  ...contestUseCases,
  ...registrationUseCases,
  ...institutionUseCases,
  ...filesUseCases,
  ...newsUseCases,
  ...resultsUseCases,
  ...judgingUseCases,
  ...liveUseCases,
  ...notifyUseCases,
  ...inboxUseCases,
};
