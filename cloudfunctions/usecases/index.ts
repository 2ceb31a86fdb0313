import type { UseCaseTable } from './context';
import { health } from './system/health';
import { me } from './auth/me';
import { updateProfile } from './auth/update-profile';
import { systemStatus } from './admin/system-status';
import { listContests } from './contest/list-contests';
import { getContest } from './contest/get-contest';
import { upsertContest } from './contest/upsert-contest';
import { upsertEdition } from './contest/upsert-edition';
import { saveDraft } from './registration/save-draft';
import { submit } from './registration/submit';
import { withdraw } from './registration/withdraw';
import { mine } from './registration/mine';
import { uploadTarget } from './files/upload-target';
import { attachmentUrl } from './files/attachment-url';
import { listEntries } from './admin/list-entries';
import { getEntry } from './admin/get-entry';
import { decideEntry } from './admin/decide-entry';
import { entryStats } from './admin/entry-stats';
import { exportEntries } from './admin/export-entries';
import { myInstitution, registerInstitution } from './institution/register';
import { decideInstitution, listInstitutions } from './institution/review';
import { getHome } from './home/get-home';
import { getNews, listNews } from './news/read-news';
import { getNewsAdmin, listNewsAdmin, removeNews, upsertNews } from './news/manage-news';
import { listResults, listResultsAdmin, searchResults } from './results/read-results';
import { publishResults, withdrawResults } from './results/publish';
import { answerObjection, fileObjection, listObjections, myObjections } from './results/objections';
import { bindJudge, checkInvite, inviteJudges, judgeProfile, listJudges, updateJudgeProfile } from './judging/judges';
import { getRound, listRounds, updateSession, upsertRound } from './judging/rounds';
import { assignRound } from './judging/assign';
import { judgeEntry, myAssignments, submitScore } from './judging/scoring';
import { recuse } from './judging/recuse';
import { remindJudges, roundProgress } from './judging/progress';
import { roundRanking } from './judging/ranking';
import { advanceRound, cutoffPreview } from './judging/advance';
import { decideAwards, exportAwards, proposeAwardsUseCase } from './judging/awards';
import { exportAudit, listAudit } from './judging/audit-log';

/** Every action of core/actions.ts has exactly one use case; the type makes a missing one a compile error. */
export const useCases: UseCaseTable = {
  'system.health': health,
  'auth.me': me,
  'auth.updateProfile': updateProfile,
  'admin.system.status': systemStatus,
  'contest.list': listContests,
  'contest.get': getContest,
  'admin.edition.upsert': upsertEdition,
  'admin.contest.upsert': upsertContest,
  'registration.saveDraft': saveDraft,
  'registration.submit': submit,
  'registration.withdraw': withdraw,
  'registration.mine': mine,
  'files.uploadTarget': uploadTarget,
  'files.url': attachmentUrl,
  'admin.entries.list': listEntries,
  'admin.entries.get': getEntry,
  'admin.entries.decide': decideEntry,
  'admin.entries.stats': entryStats,
  'admin.entries.export': exportEntries,
  'institution.register': registerInstitution,
  'institution.mine': myInstitution,
  'admin.institutions.list': listInstitutions,
  'admin.institutions.decide': decideInstitution,
  'home.get': getHome,
  'news.list': listNews,
  'news.get': getNews,
  'admin.news.list': listNewsAdmin,
  'admin.news.get': getNewsAdmin,
  'admin.news.upsert': upsertNews,
  'admin.news.remove': removeNews,
  'results.list': listResults,
  'results.search': searchResults,
  'results.object': fileObjection,
  'results.myObjections': myObjections,
  'admin.results.list': listResultsAdmin,
  'admin.results.publish': publishResults,
  'admin.results.withdraw': withdrawResults,
  'admin.objections.list': listObjections,
  'admin.objection.answer': answerObjection,
  'judge.invite.check': checkInvite,
  'judge.bind': bindJudge,
  'judge.profile': judgeProfile,
  'judge.updateProfile': updateJudgeProfile,
  'judge.assignments': myAssignments,
  'judge.entry': judgeEntry,
  'judge.score': submitScore,
  'judge.recuse': recuse,
  'admin.judges.invite': inviteJudges,
  'admin.judges.list': listJudges,
  'admin.rounds.list': listRounds,
  'admin.round.get': getRound,
  'admin.round.upsert': upsertRound,
  'admin.round.assign': assignRound,
  'admin.round.session': updateSession,
  'admin.round.progress': roundProgress,
  'admin.round.remind': remindJudges,
  'admin.round.ranking': roundRanking,
  'admin.round.cutoff': cutoffPreview,
  'admin.round.advance': advanceRound,
  'admin.awards.propose': proposeAwardsUseCase,
  'admin.awards.decide': decideAwards,
  'admin.awards.export': exportAwards,
  'admin.audit.list': listAudit,
  'admin.audit.export': exportAudit,
};
