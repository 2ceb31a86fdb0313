// Imported first by every admin page: the organizers' schemas live in this subpackage, not the main one.
import { contestAdminActions } from '@core/contest/admin-actions';
import { institutionAdminActions } from '@core/institution/admin-actions';
import { judgingAdminActions } from '@core/judging/admin-actions';
import { liveAdminActions } from '@core/live/admin-actions';
import { newsAdminActions } from '@core/news/admin-actions';
import { notifyAdminActions } from '@core/notify/admin-actions';
import { registrationAdminActions } from '@core/registration/admin-actions';
import { resultsAdminActions } from '@core/results/admin-actions';
import { registerActions } from '../../services/cloud';

registerActions(
  contestAdminActions,
  registrationAdminActions,
  institutionAdminActions,
  newsAdminActions,
  resultsAdminActions,
  judgingAdminActions,
  liveAdminActions,
  notifyAdminActions,
);
