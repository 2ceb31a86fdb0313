import type { resultsActions } from '@core/results/actions';
import type { resultsAdminActions } from '@core/results/admin-actions';
import type { AreaUseCases } from '../context';
import { answerObjection } from './answer-objection';
import { fileObjection } from './file-objection';
import { listMyObjections } from './list-my-objections';
import { listObjections } from './list-objections';
import { listResultLists } from './list-result-lists';
import { listResultItems, listResults } from './list-results';
import { publishResults } from './publish-results';
import { searchResults } from './search-results';
import { withdrawResults } from './withdraw-results';

/** The results area's use cases, one per action of its tables (the type insists on every one). */
export const resultsUseCases: AreaUseCases<typeof resultsActions & typeof resultsAdminActions> = {
  'results.list': listResults,
  'results.items': listResultItems,
  'results.search': searchResults,
  'results.objection.file': fileObjection,
  'results.objection.mine': listMyObjections,
  'admin.result.list': listResultLists,
  'admin.result.publish': publishResults,
  'admin.result.withdraw': withdrawResults,
  'admin.objection.list': listObjections,
  'admin.objection.answer': answerObjection,
};
