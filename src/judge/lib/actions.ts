// Imported first by every judge page: the judges' schemas live in this subpackage, not the main one.
import { judgingActions } from '@core/judging/actions';
import { registerActions } from '../../services/cloud';

registerActions(judgingActions);
