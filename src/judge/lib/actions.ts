// Imported first by every judge page: the judges' schemas live in this subpackage, not the main one.
import { judgingActions } from '@core/judging/actions';
import { liveActions } from '@core/live/actions';
import { registerActions } from '../../services/cloud';

// liveActions: 现场评分 (judge.live, judge.live.score) and the show's feed (live.screen).
registerActions(judgingActions, liveActions);
