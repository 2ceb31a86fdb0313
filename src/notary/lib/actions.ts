// Imported first by every notary page: the live log and sign-off, and the exports the notary shares with the
// organizers (`admin.live.export` lets notaries in), live in this subpackage, not the main one.
import { liveActions } from '@core/live/actions';
import { liveAdminActions } from '@core/live/admin-actions';
import { registerActions } from '../../services/cloud';

registerActions(liveActions, liveAdminActions);
