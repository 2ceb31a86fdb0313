// Imported first by the big screen's page: the live final's schemas live in this subpackage, not the main one.
import { liveActions } from '@core/live/actions';
import { registerActions } from '../../services/cloud';

registerActions(liveActions);
