import type { judgingActions } from '@core/judging/actions';
import type { judgingAdminActions } from '@core/judging/admin-actions';
import type { AreaUseCases } from '../context';
import { advanceRound } from './advance-round';
import { assignRound } from './assign-round';
import { bindJudge } from './bind-judge';
import { checkInvite } from './check-invite';
import { decideAwards } from './decide-awards';
import { exportAudits } from './export-audits';
import { exportAwards } from './export-awards';
import { getJudgeEntry } from './get-judge-entry';
import { getJudgeProfile } from './get-judge-profile';
import { getRound } from './get-round';
import { getRoundProgress } from './get-round-progress';
import { getRoundRanking } from './get-round-ranking';
import { inviteJudges } from './invite-judges';
import { listAudits } from './list-audits';
import { listJudges } from './list-judges';
import { listMyAssignments } from './list-my-assignments';
import { listRounds } from './list-rounds';
import { previewRoundCutoff } from './preview-round-cutoff';
import { proposeRoundAwards } from './propose-awards';
import { recuseEntry } from './recuse-entry';
import { remindJudges } from './remind-judges';
import { submitScore } from './submit-score';
import { updateJudgeProfile } from './update-judge-profile';
import { updateSession } from './update-session';
import { upsertRound } from './upsert-round';

/** The judging area's use cases, one per action of its tables (the type insists on every one). */
export const judgingUseCases: AreaUseCases<typeof judgingActions & typeof judgingAdminActions> = {
  'judge.invite.check': checkInvite,
  'judge.bind': bindJudge,
  'judge.profile.get': getJudgeProfile,
  'judge.profile.update': updateJudgeProfile,
  'judge.assignment.list': listMyAssignments,
  'judge.entry.get': getJudgeEntry,
  'judge.score': submitScore,
  'judge.recuse': recuseEntry,
  'admin.judge.invite': inviteJudges,
  'admin.judge.list': listJudges,
  'admin.round.list': listRounds,
  'admin.round.get': getRound,
  'admin.round.upsert': upsertRound,
  'admin.round.assign': assignRound,
  'admin.session.update': updateSession,
  'admin.round.progress': getRoundProgress,
  'admin.round.remind': remindJudges,
  'admin.round.ranking': getRoundRanking,
  'admin.round.cutoff': previewRoundCutoff,
  'admin.round.advance': advanceRound,
  'admin.award.propose': proposeRoundAwards,
  'admin.award.decide': decideAwards,
  'admin.award.export': exportAwards,
  'admin.audit.list': listAudits,
  'admin.audit.export': exportAudits,
};
