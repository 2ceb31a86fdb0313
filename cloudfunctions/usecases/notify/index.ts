import type { notifyActions } from '@core/notify/actions';
import type { AreaUseCases } from '../context';
import { getSettings } from './get-settings';
import { listTemplates } from './list-templates';
import { recordSubscription } from './record-subscription';

/** The notification area's use cases, one per action of its table (the type insists on every one). */
export const notifyUseCases: AreaUseCases<typeof notifyActions> = {
  'notify.template.list': listTemplates,
  'notify.subscription.record': recordSubscription,
  'notify.setting.get': getSettings,
};
