import { C, type InstitutionDoc } from '../collections';
import type { UseCase } from '../context';
import { institutionView } from './institution-view';

// Institutions serve the whole edition: only the 组委会 reviews them (`globalOnly` in the action table).

export const listInstitutions: UseCase<'admin.institution.list'> = async (ctx, input, ports) => {
  const docs = await ports.db
    .collection<InstitutionDoc>(C.institutions)
    .find(input.status ? { status: input.status } : {}, { orderBy: [['createdAt', 'desc']], limit: 500 });
  return { items: docs.map(institutionView) };
};
