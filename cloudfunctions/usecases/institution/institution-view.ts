import type { InstitutionView } from '@core/institution/views';
import { maskMobile } from '@core/registration/mask';
import type { InstitutionDoc } from '../collections';

export function institutionView(doc: InstitutionDoc): InstitutionView {
  return {
    id: doc._id,
    type: doc.type,
    name: doc.name,
    creditCode: doc.creditCode,
    contactName: doc.contactName,
    mobileMasked: maskMobile(doc.mobile),
    fields: doc.fields,
    status: doc.status,
    statusReason: doc.statusReason,
    createdAt: doc.createdAt,
  };
}
