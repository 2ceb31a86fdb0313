import type { inboxActions } from '@core/inbox/actions';
import type { inboxEntrantActions } from '@core/inbox/entrant-actions';
import type { AreaUseCases } from '../context';
import { countInbox } from './count-inbox';
import { listInbox } from './list-inbox';
import { readInbox } from './read-inbox';

/** The inbox's use cases, one per action of its table (the type insists on every one). */
export const inboxUseCases: AreaUseCases<typeof inboxActions & typeof inboxEntrantActions> = {
  'inbox.list': listInbox,
  'inbox.read': readInbox,
  'inbox.count': countInbox,
};
