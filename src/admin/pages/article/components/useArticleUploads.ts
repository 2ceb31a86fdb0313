import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import type { FieldErrors } from '@core/errors';
import type { FileRef } from '@core/files/uploads';
import type { AdminArticle } from '@core/news/views';
import { toCloudError } from '../../../../services/cloud';
import type { PickedFile } from '../../../../services/upload';
import { localPreviewUrl, uploadNewsFile, type NewsUploadPurpose } from '../../../lib/news-upload';

/** Which picker's file is going up: one at a time, so a slow attachment can't race the cover. */
export type UploadSlot = NewsUploadPurpose | 'cover';

export interface ArticleUploads {
  uploading: UploadSlot | null;
  /** Device-side links for files uploaded here, by file id: the server only links them for readers. */
  previews: Record<string, string>;
  /** Uploaded this session: shown from the device; already stored: the link the server gave. */
  imageUrl: (fileId: string) => string | null;
  /** Uploads one picked file; null when another upload runs or this one failed (its message is then beside `field`). */
  upload: (slot: UploadSlot, field: string, file: PickedFile) => Promise<FileRef | null>;
}

/** The article's uploads with their busy state; a refusal shows beside the field it was for. */
export function useArticleUploads(
  stored: AdminArticle | null,
  setErrors: Dispatch<SetStateAction<FieldErrors>>,
): ArticleUploads {
  const [uploading, setUploading] = useState<UploadSlot | null>(null);
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const imageUrl = useCallback(
    (fileId: string) => previews[fileId] ?? (stored?.fileLinks[fileId] || null),
    [previews, stored],
  );

  const upload = async (slot: UploadSlot, field: string, file: PickedFile): Promise<FileRef | null> => {
    if (uploading !== null) return null;
    setUploading(slot);
    setErrors((current) => ({ ...current, [field]: '' }));
    try {
      const purpose: NewsUploadPurpose = slot === 'cover' ? 'newsImage' : slot;
      const ref = await uploadNewsFile(purpose, file);
      const url = purpose === 'newsImage' ? localPreviewUrl(file) : null;
      if (url) setPreviews((current) => ({ ...current, [ref.fileId]: url }));
      return ref;
    } catch (caught) {
      setErrors((current) => ({ ...current, [field]: toCloudError(caught).message }));
      return null;
    } finally {
      setUploading(null);
    }
  };

  return { uploading, previews, imageUrl, upload };
}
