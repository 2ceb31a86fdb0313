import type { systemActions } from '@core/system/actions';
import type { AreaUseCases } from '../context';
import { getHealth } from './get-health';
import { getMe } from './get-me';
import { getSystemStatus } from './get-system-status';
import { updateProfile } from './update-profile';

/** The system area's use cases, one per action of its table (the type insists on every one). */
export const systemUseCases: AreaUseCases<typeof systemActions> = {
  'system.health': getHealth,
  'auth.me': getMe,
  'auth.profile.update': updateProfile,
  'admin.system.status': getSystemStatus,
};
