import type { liveActions } from '@core/live/actions';
import type { liveAdminActions } from '@core/live/admin-actions';
import type { AreaUseCases } from '../context';
import { controlShow } from './control-show';
import { drawShowOrder } from './draw-order';
import { exportShow } from './export-show';
import { confirmShow, getNotaryLog, listNotaryShows } from './notary';
import { getJudgeLive, getScreen, getShow, listShows } from './read-shows';
import { scoreLive } from './score-live';
import { listFinalists, upsertShow } from './upsert-show';

/** The live final's use cases, one per action of its tables. */
export const liveUseCases: AreaUseCases<typeof liveActions & typeof liveAdminActions> = {
  'live.screen': getScreen,
  'judge.live': getJudgeLive,
  'judge.live.score': scoreLive,
  'notary.live.list': listNotaryShows,
  'notary.live.log': getNotaryLog,
  'notary.live.confirm': confirmShow,
  'admin.live.list': listShows,
  'admin.live.finalists': listFinalists,
  'admin.live.get': getShow,
  'admin.live.upsert': upsertShow,
  'admin.live.draw': drawShowOrder,
  'admin.live.control': controlShow,
  'admin.live.export': exportShow,
};
