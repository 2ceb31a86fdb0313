import type { institutionActions } from '@core/institution/actions';
import type { institutionAdminActions } from '@core/institution/admin-actions';
import type { AreaUseCases } from '../context';
import { decideInstitution } from './decide-institution';
import { getMyInstitution } from './get-my-institution';
import { listInstitutions } from './list-institutions';
import { registerInstitution } from './register-institution';

/** The institution area's use cases, one per action of its tables (the type insists on every one). */
export const institutionUseCases: AreaUseCases<typeof institutionActions & typeof institutionAdminActions> = {
  'institution.register': registerInstitution,
  'institution.mine': getMyInstitution,
  'admin.institution.list': listInstitutions,
  'admin.institution.decide': decideInstitution,
};
