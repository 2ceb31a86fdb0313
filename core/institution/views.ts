import type { InstitutionType } from './schemas';

export interface InstitutionView {
  id: string;
  type: InstitutionType;
  name: string;
  creditCode: string;
  contactName: string;
  mobileMasked: string;
  fields: string[];
  status: 'pending' | 'approved' | 'rejected';
  statusReason: string | null;
  createdAt: string;
}
