import type { registrationActions } from '@core/registration/actions';
import type { registrationAdminActions } from '@core/registration/admin-actions';
import type { registrationEntrantActions } from '@core/registration/entrant-actions';
import type { AreaUseCases } from '../context';
import { decideEntry } from './decide-entry';
import { exportEntries } from './export-entries';
import { getEntry } from './get-entry';
import { getEntryStats } from './get-entry-stats';
import { listEntries } from './list-entries';
import { listMyEntries } from './list-my-entries';
import { saveDraft } from './save-draft';
import { submitRegistration } from './submit-registration';
import { withdrawRegistration } from './withdraw-registration';

/** The registration area's use cases, one per action of its tables (the type insists on every one). */
export const registrationUseCases: AreaUseCases<
  typeof registrationActions & typeof registrationEntrantActions & typeof registrationAdminActions
> = {
  'registration.draft.save': saveDraft,
  'registration.submit': submitRegistration,
  'registration.withdraw': withdrawRegistration,
  'registration.mine': listMyEntries,
  'admin.entry.list': listEntries,
  'admin.entry.get': getEntry,
  'admin.entry.decide': decideEntry,
  'admin.entry.stats': getEntryStats,
  'admin.entry.export': exportEntries,
};
