import type { ObjectionView, ResultListView } from '@core/results/views';
import { isInPublicity } from '@core/results/types';
import type { ObjectionDoc, ResultListDoc } from '../collections';

export function resultListView(doc: ResultListDoc, now: Date): ResultListView {
  return {
    id: doc._id,
    contestId: doc.contestId,
    contestName: doc.contestName,
    kind: doc.kind,
    title: doc.title,
    publishedAt: doc.publishedAt,
    publicityEndsAt: doc.publicityEndsAt,
    inPublicity: doc.status === 'published' && isInPublicity(doc, now),
    status: doc.status === 'withdrawn' ? 'withdrawn' : 'published',
    items: doc.items,
    itemCount: doc.items.length,
  };
}

export function objectionView(doc: ObjectionDoc): ObjectionView {
  return {
    id: doc._id,
    listId: doc.listId,
    listTitle: doc.listTitle,
    contestName: doc.contestName,
    entryId: doc.entryId,
    projectName: doc.projectName,
    reason: doc.reason,
    contact: doc.contact,
    hasAttachment: doc.attachment !== null,
    attachmentName: doc.attachment?.name ?? null,
    status: doc.status,
    answer: doc.answer,
    answeredAt: doc.answeredAt,
    createdAt: doc.createdAt,
  };
}
