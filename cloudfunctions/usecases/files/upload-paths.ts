import { objectionFolder } from '@core/files/access';
import { personKey } from './file-links';

export const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** Folder for one person's objection files: derived, so the objection can check it is theirs. */
export function objectionPrefix(listId: string, openid: string): string {
  return objectionFolder(listId, personKey(openid));
}
