// Imported first by the host console: the stage has its own subpackage (the console is too big to share the
// admin one's budget), so it registers the schemas of the actions it calls itself.
import { judgingAdminActions } from '@core/judging/admin-actions';
import { liveActions } from '@core/live/actions';
import { liveAdminActions } from '@core/live/admin-actions';
import { registerActions } from '../../services/cloud';

registerActions(judgingAdminActions, liveAdminActions, liveActions);
