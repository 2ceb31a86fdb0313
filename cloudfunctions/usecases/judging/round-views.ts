import { type SessionDoc } from '../collections';
import { personKey } from '../files/file-links';

export const STAGE_ORDER = ['preliminary', 'semifinal', 'final'] as const;

export function sessionView(doc: SessionDoc) {
  return {
    key: doc.key,
    district: doc.district,
    field: doc.field,
    place: doc.place,
    startsAt: doc.startsAt,
    entryIds: doc.entryIds,
    judgeKeys: doc.judgeOpenids.map(personKey),
  };
}
