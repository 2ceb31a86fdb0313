// Imported first by every entrant page: the sign-up forms' schemas live in this subpackage, not the main one.
import { inboxEntrantActions } from '@core/inbox/entrant-actions';
import { institutionActions } from '@core/institution/actions';
import { registrationEntrantActions } from '@core/registration/entrant-actions';
import { registerActions } from '../../services/cloud';

registerActions(registrationEntrantActions, institutionActions, inboxEntrantActions);
