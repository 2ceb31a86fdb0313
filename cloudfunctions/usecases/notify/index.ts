import type { notifyActions } from '@core/notify/actions';
import type { notifyAdminActions } from '@core/notify/admin-actions';
import type { AreaUseCases } from '../context';
import { reportCampaign } from './campaign-report';
import { exportCampaign } from './export-campaign';
import { getReminderSettings } from './get-reminder-settings';
import { getSettings } from './get-settings';
import { getCampaign, listCampaigns } from './list-campaigns';
import { previewCampaign } from './preview-campaign';
import { sendCampaign } from './send-campaign';
import { updateReminderSettings } from './update-reminder-settings';
import { upsertCampaign } from './upsert-campaign';
import { listTemplates } from './list-templates';
import { recordSubscription } from './record-subscription';

/** The notification area's use cases, one per action of its table (the type insists on every one). */
export const notifyUseCases: AreaUseCases<typeof notifyActions & typeof notifyAdminActions> = {
  'notify.template.list': listTemplates,
  'notify.subscription.record': recordSubscription,
  'notify.setting.get': getSettings,
  'admin.campaign.list': listCampaigns,
  'admin.campaign.get': getCampaign,
  'admin.campaign.upsert': upsertCampaign,
  'admin.campaign.preview': previewCampaign,
  'admin.campaign.send': sendCampaign,
  'admin.campaign.report': reportCampaign,
  'admin.campaign.export': exportCampaign,
  'admin.reminder.get': getReminderSettings,
  'admin.reminder.update': updateReminderSettings,
};
